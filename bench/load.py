"""Load: a headless locust run of 30 users (bench/locustfile.py) for 2 minutes on gunicorn plus one worker.

The users read, move, reject and log follow-ups on two organizations' applications; the worker delivers
the emails that causes to a local aiosmtpd. Passes when no request got a 5xx; prints p95 per endpoint.
Needs locust: pip install -e '.[bench]'.

    .venv/bin/python bench/load.py
"""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

USERS = int(os.environ.get("BENCH_USERS", "30"))
RUN_TIME = os.environ.get("BENCH_RUN_TIME", "2m")
APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", "20000"))
APP_ROLE = os.environ.get("BENCH_DATABASE_APP_ROLE", "kabar_app")
OUT = common.ROOT / "var" / "bench"


def world(organizations: list[tuple[object, str]]) -> dict:
    """What the locust users need: each organization's key, applications, pipeline and reasons."""
    from recruitment.models import Application, RejectionReason, RejectionType, Stage, StageKind

    return {
        "organizations": [
            {
                "key": raw_key,
                "applications": [
                    str(pk)
                    for pk in Application.unscoped.filter(organization=org).values_list("pk", flat=True)
                ],
                "stages": [
                    str(pk)
                    for pk in Stage.unscoped.filter(organization=org)
                    .exclude(kind=StageKind.HIRED)
                    .order_by("order")
                    .values_list("pk", flat=True)
                ],
                "reasons": [
                    str(pk)
                    for pk in RejectionReason.unscoped.filter(
                        organization=org, type=RejectionType.REJECTED_BY_US
                    ).values_list("pk", flat=True)
                ],
            }
            for org, raw_key in organizations
        ]
    }


def main() -> None:
    common.setup(DATABASE_APP_ROLE=APP_ROLE)
    common.heading(f"Load: {USERS} locust users for {RUN_TIME} on gunicorn plus one worker")
    print(common.machine())
    common.reset()
    organizations = [common.organization("bench-load-a", "en"), common.organization("bench-load-b", "id")]
    for org, _key in organizations:
        common.seed(org, APPLICATIONS // 2)
    common.vacuum("recruitment_application", "candidates_candidate", "recruitment_stagechange")
    OUT.mkdir(parents=True, exist_ok=True)
    world_file, status_file = OUT / "locust-world.json", OUT / "locust-status.json"
    world_file.write_text(json.dumps(world(organizations)))
    status_file.unlink(missing_ok=True)

    from tests.smtp import smtp_server

    with smtp_server() as (inbox, port, _controller):
        email = {"EMAIL_URL": f"smtp://127.0.0.1:{port}?timeout=10", "DATABASE_APP_ROLE": APP_ROLE}
        with (
            common.celery_worker(concurrency=1, log=OUT / "load-worker.log", **email),
            common.gunicorn(workers=4, **email) as base_url,
        ):
            subprocess.run(
                [
                    str(common.VENV_BIN / "locust"),
                    "-f",
                    str(common.ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(USERS),
                    "--spawn-rate",
                    "10",
                    "--run-time",
                    RUN_TIME,
                    "--host",
                    base_url,
                    "--csv",
                    str(OUT / "locust"),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                env={
                    **os.environ,
                    "LOCUST_WORLD_FILE": str(world_file),
                    "LOCUST_STATUS_FILE": str(status_file),
                },
                check=False,
            )
        emails = len(inbox.messages)

    statuses = json.loads(status_file.read_text())
    print(f"\n{'endpoint':<40} {'requests':>9} {'failures':>9} {'p50 ms':>8} {'p95 ms':>8}  statuses")
    with (OUT / "locust_stats.csv").open() as stats:
        for row in csv.DictReader(stats):
            name = row["Name"]
            print(
                f"{name:<40} {int(row['Request Count']):>9,} {int(row['Failure Count']):>9,} "
                f"{row['50%']:>8} {row['95%']:>8}  {json.dumps(statuses.get(name, {}), sort_keys=True)}"
            )
    server_errors = sum(
        count
        for by_status in statuses.values()
        for status, count in by_status.items()
        if status.startswith("5") or status == "0"
    )
    print(f"emails delivered to the SMTP server during the run: {emails:,}")
    print(f"5xx (or no answer): {server_errors} ({'none: passed' if server_errors == 0 else 'FAILED'})")


if __name__ == "__main__":
    main()
