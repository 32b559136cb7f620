"""Sends emails from the outbox: claim them, send them, record what happened to each.

Rows are claimed (pending -> sending) in their own short transaction, so a worker that dies mid-send
leaves `sending` rows whose lease expires; the relay then queues them again. Sending and marking sent are not one
atomic act, so a worker killed in between can send an email twice: the stable Message-ID lets the
receiving side recognise the repeat.
"""

import contextlib
import copy
import logging
import os
import smtplib
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, InterfaceError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from notifications.models import Notification, NotificationStatus, WebhookEvent
from notifications.webhooks import webhook_event_publish
from tenancy.models import Organization

logger = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(seconds=s) for s in settings.NOTIFICATION_RETRY_DELAYS]


def lease() -> timedelta:
    return timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)


def claimable(now: datetime) -> Q:
    """Due pending rows, and rows left `sending` by a worker that stopped before finishing."""
    return Q(status=NotificationStatus.PENDING, send_after__lte=now) | Q(
        status=NotificationStatus.SENDING, claimed_at__lt=now - lease()
    )


def deliver_notifications(notification_ids: Sequence[str], organization: Organization) -> dict[str, str]:
    """Delivers those of one organization's notifications still due; returns what became of each.

    The due rows are claimed together, then sent one by one over the worker's open SMTP connection, each
    marked sent as soon as the server took it. Rows still unsent when half the lease has gone are handed
    back to the relay, so no row is sent while its lease has run out and another worker may claim it.
    """
    outcomes = dict.fromkeys(map(str, notification_ids), "skipped")
    claimed = _claim(notification_ids, organization)
    give_back_at = time.monotonic() + lease().total_seconds() / 2
    with _asynchronous_commit():
        for position, notification in enumerate(claimed):
            outcomes[str(notification.pk)] = _deliver_claimed(notification, organization)
            if time.monotonic() > give_back_at:
                _give_back(claimed[position + 1 :])
                break
    return outcomes


@contextlib.contextmanager
def _asynchronous_commit() -> Iterator[None]:
    """The marks after each send commit without waiting for the disk.

    Waiting for the flush would double the time per email. A mark lost to a database crash in the
    fraction of a second before its flush is the case of the worker killed between send and mark: the
    email goes out again, with the same Message-ID.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        # A database that failed meanwhile took the session's setting with it (or will roll it back).
        with contextlib.suppress(DatabaseError, InterfaceError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _deliver_claimed(notification: Notification, organization: Organization) -> str:
    try:
        _send(notification, organization)
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row, none is lost
        return _record_failure(notification, error)
    Notification.objects.filter(pk=notification.pk, status=NotificationStatus.SENDING).update(
        status=NotificationStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return NotificationStatus.SENT


@transaction.atomic
def _claim(notification_ids: Sequence[str], organization: Organization) -> list[Notification]:
    """Claims the due rows among `notification_ids` up to the hourly cap; the rest wait for the next hour."""
    now = timezone.now()
    due = list(
        Notification.objects.select_for_update(skip_locked=True)
        .filter(claimable(now), pk__in=notification_ids)
        .order_by("send_after")
    )
    if not due:
        return []
    room = _hourly_room(organization, now)
    claimed, over_cap = due[:room], due[room:]
    if over_cap:
        next_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        Notification.objects.filter(pk__in=[n.pk for n in over_cap]).update(
            status=NotificationStatus.PENDING, send_after=next_hour, queued_at=None
        )
    Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
        status=NotificationStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    for notification in claimed:
        notification.status, notification.claimed_at = NotificationStatus.SENDING, now
        notification.attempts += 1
    return claimed


def _give_back(notifications: Sequence[Notification]) -> None:
    """Unsent claims go back to pending as they were, for the relay to queue again."""
    if notifications:
        Notification.objects.filter(
            pk__in=[n.pk for n in notifications], status=NotificationStatus.SENDING
        ).update(status=NotificationStatus.PENDING, attempts=F("attempts") - 1, queued_at=None)


def _hourly_room(organization: Organization, now: datetime) -> int:
    """How many more emails the organization may send this hour.

    One organization's claims are serialised so that two workers cannot both take the last slot.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"outbox-cap:{organization.pk}"])
    hour_start = now.replace(minute=0, second=0, microsecond=0)
    used = Notification.objects.filter(
        Q(status=NotificationStatus.SENT, sent_at__gte=hour_start)
        | Q(status=NotificationStatus.SENDING, claimed_at__gte=hour_start)
    ).count()
    return max(organization.email_hourly_cap - used, 0)


def _send(notification: Notification, organization: Organization) -> None:
    default_name, default_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    sender = formataddr(
        (
            organization.sender_name or organization.name or default_name,
            organization.sender_email or default_address,
        )
    )
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        from_email=sender,
        to=[formataddr((notification.recipient_name, notification.recipient))],
        reply_to=[notification.reply_to] if notification.reply_to else None,
        headers={"Message-ID": notification.message_id, "X-Kabar-Kind": notification.kind},
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    open_mailer.send(message)


class OpenMailer:
    """The default mailer kept open from one email to the next: one SMTP connection per worker process.

    Connecting for every email (TCP, greeting, EHLO, STARTTLS, AUTH, QUIT) costs more than sending it. The
    connection is dropped after any error and when MAILERS changes, and checked with NOOP after a pause,
    since servers close connections left idle.
    """

    IDLE_CHECK_SECONDS = 5

    def __init__(self) -> None:
        self.backend: BaseEmailBackend | None = None
        self.config: dict | None = None
        self.pid = 0
        self.last_used = 0.0
        self.lock = threading.Lock()

    def send(self, message: EmailMessage) -> None:
        with self.lock:
            try:
                self._ready().send_messages([message])
            except Exception:
                self.close()
                raise
            self.last_used = time.monotonic()

    def close(self) -> None:
        backend, self.backend, self.config = self.backend, None, None
        if backend is not None and self.pid == os.getpid():
            with contextlib.suppress(smtplib.SMTPException, OSError):
                backend.close()

    def _ready(self) -> BaseEmailBackend:
        config = mailers.settings.get("default")
        if self.backend is not None and (
            self.pid != os.getpid() or config != self.config or not self._alive()
        ):
            self.close()
        if self.backend is None:
            backend = mailers.default
            backend.open()
            self.backend, self.config, self.pid = backend, copy.deepcopy(config), os.getpid()
        return self.backend

    def _alive(self) -> bool:
        connection = getattr(self.backend, "connection", None)
        if (
            not isinstance(connection, smtplib.SMTP)
            or time.monotonic() - self.last_used < self.IDLE_CHECK_SECONDS
        ):
            return True
        try:
            return connection.noop()[0] == 250
        except (smtplib.SMTPException, OSError):
            return False


open_mailer = OpenMailer()


def _record_failure(notification: Notification, error: Exception) -> str:
    permanent = _is_permanent(error)
    description = f"{type(error).__name__}: {error}"[:2000]
    if permanent or notification.attempts > len(RETRY_DELAYS):
        status, send_after = NotificationStatus.FAILED, notification.send_after
        logger.error("Email %s failed for good: %s", notification.pk, description)
    else:
        status = NotificationStatus.PENDING
        send_after = timezone.now() + RETRY_DELAYS[notification.attempts - 1]
        logger.warning("Email %s will be retried at %s: %s", notification.pk, send_after, description)
    with transaction.atomic():
        recorded = Notification.objects.filter(pk=notification.pk, status=NotificationStatus.SENDING).update(
            status=status, send_after=send_after, last_error=description, queued_at=None
        )
        if recorded and status == NotificationStatus.FAILED:
            webhook_event_publish(
                organization=notification.organization,
                event=WebhookEvent.NOTIFICATION_FAILED,
                data={
                    "notification": notification.pk,
                    "kind": notification.kind,
                    "recipient": notification.recipient,
                    "error": description,
                    "caused_by": notification.caused_by,
                },
                dedupe_key=f"notification:{notification.pk}:failed:{notification.attempts}",
            )
    return status


def _is_permanent(error: Exception) -> bool:
    """An SMTP 5xx answer will not change by retrying; connection trouble and 4xx answers may."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return not isinstance(error, (smtplib.SMTPException, OSError, socket.timeout))
