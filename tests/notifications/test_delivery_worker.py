"""Delivery through a real Celery worker, a private Redis and a real SMTP server."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from notifications.models import Notification, NotificationStatus
from tests.conftest import World
from tests.services import ROOT, celery_worker, process_env, redis_server, run_django, wait_for
from tests.smtp import smtp_server

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.redis,
    pytest.mark.worker,
    pytest.mark.smtp,
    pytest.mark.xdist_group("workers"),
]

QUEUE = """
from django.db import transaction
from notifications.services import OutgoingEmail, notification_queue
from tenancy.models import Organization
from tenancy.scope import org_scope

organization = Organization.objects.get(slug="{slug}")
with org_scope(organization):
    for n in range({count}):
        with transaction.atomic():
            notification_queue(organization=organization, email=OutgoingEmail(
                kind="offer", recipient=f"c{{n}}@mail.test", language="en",
                dedupe_key=f"batch-{{n}}", context={{"candidate_name": f"Candidate {{n}}", "position": "Engineer"}},
            ))
"""

RELAY = """
from notifications.tasks import relay
print(relay())
"""


def unfinished() -> int:
    return Notification.unscoped.filter(
        status__in=[NotificationStatus.PENDING, NotificationStatus.SENDING]
    ).count()


def sent_message_ids() -> set[str]:
    return set(
        Notification.unscoped.filter(status=NotificationStatus.SENT).values_list("message_id", flat=True)
    )


def test_worker_killed_mid_batch_sends_every_email_exactly_once(world: World, tmp_path: Path) -> None:
    with smtp_server() as (inbox, port, _controller), redis_server(tmp_path) as redis:
        env = process_env(redis_url=redis.url, smtp_port=port)
        run_django(QUEUE.format(slug="a", count=200), env)
        inbox.hold_at = 60

        with celery_worker(env, tmp_path / "worker1.log") as first:
            assert inbox.held.wait(timeout=180), "the worker never reached the 60th email"
            first.kill()
        inbox.release.set()

        with celery_worker(env, tmp_path / "worker2.log"):
            assert wait_for(lambda: len(inbox.messages) >= 199, timeout=240)
            time.sleep(2.5)  # the killed worker's lease on its row runs out
            run_django(RELAY, env)
            assert wait_for(lambda: len(inbox.messages) >= 200 and unfinished() == 0, timeout=180)
            time.sleep(1)

    assert len(inbox.messages) == 200
    assert set(inbox.message_ids()) == sent_message_ids()
    assert len(set(inbox.message_ids())) == 200


def test_emails_queued_while_redis_is_down_commit_and_go_out_once_it_is_back(
    world: World, tmp_path: Path
) -> None:
    with smtp_server() as (inbox, port, _controller), redis_server(tmp_path) as redis:
        env = process_env(redis_url=redis.url, smtp_port=port)
        redis.stop()
        started = time.monotonic()

        run_django(QUEUE.format(slug="a", count=20), env)

        assert time.monotonic() - started < 30
        assert (
            Notification.unscoped.filter(status=NotificationStatus.PENDING, queued_at__isnull=True).count()
            == 20
        )
        redis.start()
        with celery_worker(env, tmp_path / "worker.log"):
            run_django(RELAY, env)
            assert wait_for(lambda: len(inbox.messages) >= 20 and unfinished() == 0, timeout=180)
            time.sleep(1)

    assert sorted(inbox.message_ids()) == sorted(sent_message_ids())
    assert len(inbox.messages) == 20


def test_two_relays_at_once_queue_and_send_nothing_twice(world: World, tmp_path: Path) -> None:
    with smtp_server() as (inbox, port, _controller), redis_server(tmp_path) as redis:
        env = process_env(redis_url=redis.url, smtp_port=port)
        redis.stop()
        run_django(QUEUE.format(slug="a", count=50), env)
        redis.start()

        relays = [
            subprocess.Popen(
                [sys.executable, "-c", "import django\ndjango.setup()\n" + RELAY],
                cwd=ROOT,
                text=True,
                env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
                stdout=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        queued = [int(relay.communicate(timeout=120)[0].strip().splitlines()[-1]) for relay in relays]
        with celery_worker(env, tmp_path / "worker.log"):
            assert wait_for(lambda: len(inbox.messages) >= 50 and unfinished() == 0, timeout=180)
            time.sleep(1)

    assert sum(queued) == 50
    assert len(inbox.messages) == 50
    assert len(set(inbox.message_ids())) == 50
