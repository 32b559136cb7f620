"""Sends one email from the outbox: claim it, send it, record what happened.

A row is claimed (pending -> sending) in its own short transaction, so a worker that dies mid-send leaves
a `sending` row whose lease expires; the relay then queues it again. Sending and marking sent are not one
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
from datetime import datetime, timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import Q
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


def deliver_notification(notification_id: str, organization: Organization) -> str:
    """Delivers one notification if it is still due; returns what became of it."""
    notification = _claim(notification_id, organization)
    if notification is None:
        return "skipped"
    try:
        _send(notification, organization)
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row, none is lost
        return _record_failure(notification, error)
    Notification.objects.filter(pk=notification.pk, status=NotificationStatus.SENDING).update(
        status=NotificationStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return NotificationStatus.SENT


@transaction.atomic
def _claim(notification_id: str, organization: Organization) -> Notification | None:
    now = timezone.now()
    notification = (
        Notification.objects.select_for_update(skip_locked=True)
        .filter(claimable(now), pk=notification_id)
        .first()
    )
    if notification is None:
        return None
    if _over_hourly_cap(organization, now):
        next_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        Notification.objects.filter(pk=notification.pk).update(
            status=NotificationStatus.PENDING, send_after=next_hour, queued_at=None
        )
        return None
    notification.status = NotificationStatus.SENDING
    notification.claimed_at = now
    notification.attempts += 1
    notification.save(update_fields=["status", "claimed_at", "attempts"])
    return notification


def _over_hourly_cap(organization: Organization, now: datetime) -> bool:
    # One organization's claims are serialised so that two workers cannot both take the last slot.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"outbox-cap:{organization.pk}"])
    hour_start = now.replace(minute=0, second=0, microsecond=0)
    used = Notification.objects.filter(
        Q(status=NotificationStatus.SENT, sent_at__gte=hour_start)
        | Q(status=NotificationStatus.SENDING, claimed_at__gte=hour_start)
    ).count()
    return used >= organization.email_hourly_cap


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
