"""Follow-up logging: 10,000 POST /api/v1/follow-ups/ under gunicorn, against a bare insert.

Each request logs a candidate's status question on its own application (10,000 applications), so Kabar
classifies it, judges it against the policy, stores it, announces it and queues the acknowledgement it
owes. Floor: a bare view in the same server inserting one follow-up row per request. wrk (one thread,
CONNECTIONS connections) posts until REQUESTS rows are stored for each. The ratio is printed; no target.

    .venv/bin/python bench/followup_logging.py
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "10000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
APP_ROLE = os.environ.get("BENCH_DATABASE_APP_ROLE", "kabar_app")

# wrk: POSTs cycling over the applications, stopping after `total` responses.
SCRIPT = """
local ids = {ids}
local total = {total}
local sent, received = 0, 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
{auth}
request = function()
  sent = sent + 1
  local id = ids[((sent - 1) %% #ids) + 1]
  local body = '{{"application": "' .. id .. '", "received_at": "{received_at}", "channel": "email", '
    .. '"subject": "Backend Engineer application", '
    .. '"text": "Hello, may I ask whether there is any update on the result of my interview?"}}'
  return wrk.format(nil, "{path}", nil, body)
end
response = function(status, headers, body)
  received = received + 1
  if received >= total then wrk.thread:stop() end
end
"""


def wrk_script(path: str, ids: list[str], raw_key: str | None, name: str) -> Path:
    from django.utils import timezone

    script = common.ROOT / "var" / "bench" / f"{name}.lua"
    script.parent.mkdir(parents=True, exist_ok=True)
    auth = f'wrk.headers["Authorization"] = "Bearer {raw_key}"' if raw_key else ""
    script.write_text(
        SCRIPT.replace("%%", "%").format(
            ids="{" + ", ".join(json.dumps(i) for i in ids) + "}",
            total=REQUESTS,
            auth=auth,
            received_at=timezone.now().isoformat(),
            path=path,
        )
    )
    return script


def post_all(url: str, script: Path) -> dict[str, float]:
    """Runs wrk until REQUESTS follow-ups are stored; the rate is REQUESTS over that time.

    wrk has no request count: the script stops sending after REQUESTS answers, and wrk is interrupted
    (it then prints its latencies) once the rows are all there.
    """
    before = followups()
    command = [common.wrk_binary(), "-t1", f"-c{CONNECTIONS}", "-d900s", "--latency", "--timeout", "30s"]
    process = subprocess.Popen([*command, "-s", str(script), url], stdout=subprocess.PIPE, text=True)
    started = time.monotonic()
    while followups() - before < REQUESTS:
        if process.poll() is not None:
            raise SystemExit("wrk stopped before every follow-up was stored")
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    process.send_signal(signal.SIGINT)
    result = common.parse_wrk(process.communicate(timeout=60)[0])
    result["rps"] = REQUESTS / elapsed
    result["seconds"] = elapsed
    return result


def followups() -> int:
    from recruitment.models import FollowUp

    return FollowUp.unscoped.count()


def main() -> None:
    common.setup(DATABASE_APP_ROLE=APP_ROLE)
    common.heading(f"Follow-up logging: {REQUESTS:,} POST /api/v1/follow-ups/")
    print(common.machine())
    common.reset()
    org, raw_key = common.organization("bench-followups", "en")
    common.seed(org, REQUESTS)
    from recruitment.models import Application

    ids = [str(pk) for pk in Application.unscoped.filter(organization=org).values_list("pk", flat=True)]
    common.vacuum("recruitment_application", "recruitment_followup")

    with common.gunicorn(workers=WORKERS, DATABASE_APP_ROLE=APP_ROLE) as base_url:
        kabar_script = wrk_script("/api/v1/follow-ups/", ids, raw_key, "followups-kabar")
        floor_script = wrk_script(f"/bench/floor/follow-ups/{org.pk}/", ids, None, "followups-floor")
        kabar = post_all(base_url + "/", kabar_script)
        floor = post_all(base_url + "/", floor_script)

    for name, result in (("Kabar", kabar), ("floor", floor)):
        print(
            f"{name}: {REQUESTS:,} follow-ups in {result['seconds']:.1f} s = {result['rps']:,.0f} follow-ups/s "
            f"(p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, non-2xx {result['non_2xx']:.0f})"
        )
    assert kabar["non_2xx"] == 0 and floor["non_2xx"] == 0, "errors under load"
    print(f"ratio {kabar['rps'] / floor['rps']:.2f} (Kabar / floor requests per second; no target)")


if __name__ == "__main__":
    main()
