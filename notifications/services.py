import logging
import uuid
from datetime import datetime
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from notifications.models import Notification, NotificationStatus
from notifications.rendering import TemplateRenderError, render_email
from notifications.sending_hours import next_sending_time
from tenancy.errors import DomainError
from tenancy.models import Organization

logger = logging.getLogger(__name__)


class NotificationNotCancellable(DomainError):
    code = "notification_not_cancellable"


def notification_queue(
    *,
    organization: Organization,
    kind: str,
    recipient: str,
    language: str,
    context: dict[str, Any],
    dedupe_key: str,
    recipient_name: str = "",
    caused_by: str = "",
    send_after: datetime | None = None,
    respect_sending_hours: bool = False,
) -> Notification:
    """Writes one email to the outbox inside the caller's transaction; delivery starts after commit.

    Queuing a `dedupe_key` already used in the organization returns the existing row and queues nothing.
    The email is rendered now, so what HR sees is what is sent; a template that fails to render makes this
    notification `failed` with the error, and nothing else.
    """
    existing = Notification.objects.filter(organization=organization, dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    now = timezone.now()
    send_after = max(send_after or now, now)
    if respect_sending_hours:
        send_after = next_sending_time(organization, send_after)
    notification = Notification(
        id=uuid.uuid4(),
        organization=organization,
        kind=kind,
        recipient=recipient,
        recipient_name=recipient_name,
        language=language,
        dedupe_key=dedupe_key,
        caused_by=caused_by,
        send_after=send_after,
        reply_to=organization.reply_to_email,
    )
    notification.message_id = f"<{notification.id}@{_message_id_domain(organization)}>"
    try:
        rendered = render_email(organization=organization, kind=kind, language=language, context=context)
        notification.subject, notification.body_text, notification.body_html = rendered
    except TemplateRenderError as error:
        notification.status = NotificationStatus.FAILED
        notification.last_error = f"Template error: {error}"
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        return Notification.objects.get(organization=organization, dedupe_key=dedupe_key)
    if notification.status == NotificationStatus.PENDING and send_after <= now:
        dispatch_after_commit(notification)
    return notification


@transaction.atomic
def notification_cancel(*, organization: Organization, notification: Notification) -> Notification:
    """Cancels an email that has not started sending; one already sending or sent cannot be taken back."""
    cancelled = Notification.objects.filter(
        organization=organization, pk=notification.pk, status=NotificationStatus.PENDING
    ).update(status=NotificationStatus.CANCELLED)
    notification.refresh_from_db()
    if not cancelled and notification.status != NotificationStatus.CANCELLED:
        raise NotificationNotCancellable(
            f"The email is {notification.get_status_display().lower()}; it can no longer be cancelled."
        )
    return notification


def notification_cancel_pending(*, organization: Organization, caused_by: str, kind: str) -> int:
    """Cancels what is still pending of one kind for one cause (e.g. a rejection notice on un-reject)."""
    return Notification.objects.filter(
        organization=organization, caused_by=caused_by, kind=kind, status=NotificationStatus.PENDING
    ).update(status=NotificationStatus.CANCELLED)


@transaction.atomic
def notification_reschedule(
    *, organization: Organization, notification: Notification, send_after: datetime
) -> Notification:
    changed = Notification.objects.filter(
        organization=organization, pk=notification.pk, status=NotificationStatus.PENDING
    ).update(send_after=send_after, queued_at=None)
    if not changed:
        raise NotificationNotCancellable("Only an email that has not been sent can be rescheduled.")
    notification.refresh_from_db()
    if send_after <= timezone.now():
        dispatch_after_commit(notification)
    return notification


@transaction.atomic
def notification_resend(*, organization: Organization, notification: Notification) -> Notification:
    """HR sends a failed email again: it goes back to pending with a fresh set of attempts."""
    changed = Notification.objects.filter(
        organization=organization, pk=notification.pk, status=NotificationStatus.FAILED, subject__gt=""
    ).update(status=NotificationStatus.PENDING, attempts=0, send_after=timezone.now(), queued_at=None)
    if not changed:
        raise DomainError(
            "Only a failed email that was rendered can be sent again.", code="notification_not_failed"
        )
    notification.refresh_from_db()
    dispatch_after_commit(notification)
    return notification


def dispatch_after_commit(notification: Notification) -> None:
    """Wakes a worker once the row is committed. A lost wake-up only delays the email: the relay finds it."""
    from notifications.tasks import deliver

    notification_id, organization_id = str(notification.pk), str(notification.organization_id)

    def publish() -> None:
        try:
            deliver.apply_async(
                kwargs={"notification_id": notification_id, "organization_id": organization_id}
            )
        except Exception:  # noqa: BLE001 - the broker being down must never undo or fail the caller's work
            logger.warning(
                "Could not queue delivery of %s; the relay will pick it up.", notification_id, exc_info=True
            )
            return
        Notification.unscoped.filter(pk=notification_id, queued_at__isnull=True).update(
            queued_at=timezone.now()
        )

    transaction.on_commit(publish)


def _message_id_domain(organization: Organization) -> str:
    address = organization.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "kabar.local"
