"""Delivery: 10,000 notifications through one Celery worker (prefork, concurrency 2) to a local aiosmtpd.

Kabar: the rows are queued with notification_queue_many, the relay publishes one `deliver` task per row,
and the worker claims, sends and marks each; the clock runs from the relay until every row is `sent`.
Floor: a plain smtplib loop over one SMTP connection sending the same messages (built beforehand).
Target: Kabar at least 0.3 of the floor's messages per second.

    .venv/bin/python bench/delivery.py
"""

import os
import smtplib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402

MESSAGES = int(os.environ.get("BENCH_MESSAGES", "10000"))
APP_ROLE = os.environ.get("BENCH_DATABASE_APP_ROLE", "kabar_app")


def queue_notifications(org: object) -> None:
    from django.db import transaction

    from notifications.services import OutgoingEmail, notification_queue_many
    from tenancy.scope import org_scope

    with org_scope(org):
        for start in range(0, MESSAGES, 1000):
            with transaction.atomic():
                notification_queue_many(
                    organization=org,
                    emails=[
                        OutgoingEmail(
                            kind="offer",
                            recipient=f"candidate{n}@mail.test",
                            recipient_name=f"Candidate {n}",
                            language="en",
                            context={"candidate_name": f"Candidate {n}", "position": "Engineer"},
                            dedupe_key=f"bench-delivery-{n}",
                        )
                        for n in range(start, min(start + 1000, MESSAGES))
                    ],
                )


def floor_messages(org: object) -> list[tuple[str, list[str], bytes]]:
    """The same emails as Kabar sends them (delivery's own message building), as bytes for smtplib."""
    from email.utils import formataddr

    from django.core.mail import EmailMultiAlternatives

    from notifications.models import Notification

    messages = []
    for notification in Notification.unscoped.filter(organization=org).order_by("created_at"):
        message = EmailMultiAlternatives(
            subject=notification.subject,
            body=notification.body_text,
            from_email=formataddr((org.sender_name, org.sender_email)),
            to=[formataddr((notification.recipient_name, notification.recipient))],
            reply_to=[notification.reply_to] if notification.reply_to else None,
            headers={"Message-ID": notification.message_id, "X-Kabar-Kind": notification.kind},
        )
        messages.append((org.sender_email, [notification.recipient], message.message().as_bytes()))
    return messages


def run_floor(port: int, messages: list[tuple[str, list[str], bytes]]) -> float:
    started = time.monotonic()
    with smtplib.SMTP("127.0.0.1", port) as connection:
        for sender, recipients, body in messages:
            connection.sendmail(sender, recipients, body)
    return time.monotonic() - started


def run_kabar(port: int, tmp: Path) -> float:
    from notifications.models import Notification, NotificationStatus
    from notifications.tasks import relay

    with common.celery_worker(
        concurrency=2,
        log=tmp / "delivery-worker.log",
        DATABASE_APP_ROLE=APP_ROLE,
        EMAIL_URL=f"smtp://127.0.0.1:{port}?timeout=10",
    ):
        started = time.monotonic()
        relay()
        while Notification.unscoped.filter(status=NotificationStatus.SENT).count() < MESSAGES:
            if time.monotonic() - started > 1800:
                raise SystemExit("Kabar did not send every email within 30 minutes")
            time.sleep(0.2)
        return time.monotonic() - started


def main() -> None:
    common.setup(DATABASE_APP_ROLE=APP_ROLE)
    common.heading(f"Delivery: {MESSAGES:,} notifications, one worker (prefork, concurrency 2), aiosmtpd")
    print(common.machine())
    common.reset()
    org, _key = common.organization("bench-delivery", "en", email_hourly_cap=10 * MESSAGES)
    queue_notifications(org)
    common.reset_broker()
    common.vacuum("notifications_notification")
    tmp = common.ROOT / "var" / "bench"
    tmp.mkdir(parents=True, exist_ok=True)

    from tests.smtp import smtp_server

    with smtp_server() as (inbox, port, _controller):
        floor_seconds = run_floor(port, floor_messages(org))
        floor_sent = len(inbox.messages)
        inbox.messages.clear()
        kabar_seconds = run_kabar(port, tmp)
        kabar_received = len(inbox.messages)
        unique = len(set(inbox.message_ids()))

    floor_rate, kabar_rate = MESSAGES / floor_seconds, MESSAGES / kabar_seconds
    print(
        f"floor: {floor_sent:,} messages in {floor_seconds:.1f} s = {floor_rate:,.0f} msgs/s (smtplib, one connection)"
    )
    print(
        f"Kabar: {kabar_received:,} messages ({unique:,} distinct Message-IDs) in {kabar_seconds:.1f} s "
        f"= {kabar_rate:,.0f} msgs/s"
    )
    assert floor_sent == MESSAGES and unique == MESSAGES, (floor_sent, kabar_received, unique)
    ratio = kabar_rate / floor_rate
    print(
        f"ratio {ratio:.2f} (Kabar / floor messages per second; target >= 0.30: {'met' if ratio >= 0.3 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
