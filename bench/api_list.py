"""API list: GET /api/v1/applications/?status=active&page_size=50 under gunicorn, against its floor.

200,000 applications over two organizations (recruitment.demo.seed_bulk). Kabar and the floor (a bare view
in the same server returning the same 50 rows from one SQL query, bench/floor_views.py) are each driven by
wrk for DURATION seconds, taking turns in ROUNDS rounds so that both see the same machine. Kabar runs as
deployed (scoped queries as the app role, under row-level security), and beside it as the login role,
which row-level security does not apply to, to show its cost. Target: Kabar at least 0.5 of the floor's
requests per second, and the same number of queries per request for page sizes 10 and 200.

    .venv/bin/python bench/api_list.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", "200000"))
DURATION = int(os.environ.get("BENCH_DURATION", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "4"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
APP_ROLE = os.environ.get("BENCH_DATABASE_APP_ROLE", "kabar_app")
PATH = "/api/v1/applications/?status=active&page_size={size}"


def queries_per_request(raw_key: str, page_size: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    client.get(PATH.format(size=page_size))  # API key's last_used_at written once, off the count
    with CaptureQueriesContext(connection) as captured:
        response = client.get(PATH.format(size=page_size))
    assert response.status_code == 200, response.content[:500]
    assert len(response.json()["results"]) == page_size
    return len(captured.captured_queries)


def same_rows(base_url: str, organization_id: object, raw_key: str) -> bool:
    import httpx

    kabar = httpx.get(base_url + PATH.format(size=50), headers={"Authorization": f"Bearer {raw_key}"}).json()
    floor = httpx.get(
        f"{base_url}/bench/floor/applications/{organization_id}/?status=active&page_size=50"
    ).json()
    return [row["id"] for row in kabar["results"]] == [row["id"] for row in floor["results"]]


def main() -> None:
    common.setup(DATABASE_APP_ROLE=APP_ROLE)
    common.heading(f"API list: {APPLICATIONS:,} applications over two organizations")
    print(common.machine())
    common.reset()
    first, raw_key = common.organization("bench-list-a", "en")
    second, _key = common.organization("bench-list-b", "id")
    seconds = common.seed(first, APPLICATIONS // 2) + common.seed(second, APPLICATIONS - APPLICATIONS // 2)
    print(f"loaded {APPLICATIONS:,} applications in {seconds:.0f} s")
    common.vacuum("recruitment_application", "candidates_candidate", "recruitment_stagechange")

    small, large = queries_per_request(raw_key, 10), queries_per_request(raw_key, 200)
    print(f"queries per request: page_size=10 -> {small}, page_size=200 -> {large}")

    headers = {"Authorization": f"Bearer {raw_key}"}
    kabar_path = PATH.format(size=50)
    floor_path = f"/bench/floor/applications/{first.pk}/?status=active&page_size=50"
    # As deployed: scoped queries run as the app role, under row-level security. Beside it, the same code
    # as the login role (a superuser here, which row-level security does not apply to), to tell its cost
    # from the rest. The floor runs in the deployed server.
    with (
        common.gunicorn(workers=WORKERS, DATABASE_APP_ROLE=APP_ROLE) as deployed,
        common.gunicorn(workers=WORKERS, DATABASE_APP_ROLE="") as without_rls,
    ):
        assert same_rows(deployed, first.pk, raw_key), "the floor does not return Kabar's rows"
        targets = {
            "Kabar": (deployed + kabar_path, headers),
            "floor": (deployed + floor_path, {}),
            "Kabar without RLS": (without_rls + kabar_path, headers),
        }
        common.wrk_rounds(targets, duration=3 * len(targets), rounds=len(targets), connections=CONNECTIONS)
        results = common.wrk_rounds(targets, duration=DURATION, rounds=ROUNDS, connections=CONNECTIONS)

    for name, result in results.items():
        print(
            f"{name}: {result['rps']:,.0f} requests/s over {DURATION} s in {ROUNDS} rounds "
            f"({result['requests']:,.0f} requests, p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
            f"non-2xx {result['non_2xx']:.0f}, socket errors {result['socket_errors']:.0f})"
        )
    assert all(result["non_2xx"] == 0 for result in results.values()), "errors under load"
    print(f"queries per request equal for 10 and 200: {'yes' if small == large else 'NO'}")
    floor = results["floor"]["rps"]
    print(f"ratio without RLS {results['Kabar without RLS']['rps'] / floor:.2f}")
    ratio = results["Kabar"]["rps"] / floor
    met = ratio >= 0.5 and small == large
    print(
        f"ratio {ratio:.2f} (Kabar / floor requests per second; target >= 0.50: {'met' if met else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
