import logging
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from email.utils import parseaddr
from typing import Any, NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.models import Notification, NotificationStatus
from notifications.rendering import (
    RenderedEmail,
    TemplateRenderError,
    TemplateSource,
    email_template_for,
    render_template,
)
from notifications.sending_hours import next_sending_time
from tenancy.errors import DomainError
from tenancy.models import Organization

logger = logging.getLogger(__name__)


class NotificationNotCancellable(DomainError):
    code = "notification_not_cancellable"


class OutgoingEmail(NamedTuple):
    """One email to queue for an organization (notification_queue, notification_queue_many)."""

    kind: str
    recipient: str
    language: str
    context: dict[str, Any]
    dedupe_key: str
    recipient_name: str = ""
    caused_by: str = ""
    send_after: datetime | None = None
    respect_sending_hours: bool = False


Renderer = Callable[[Organization, str, str, dict[str, Any]], RenderedEmail]


def notification_queue(*, organization: Organization, email: OutgoingEmail) -> Notification:
    """Writes one email to the outbox inside the caller's transaction; delivery starts after commit.

    Queuing a `dedupe_key` already used in the organization returns the existing row and queues nothing.
    The email is rendered now, so what HR sees is what is sent; a template that fails to render makes this
    notification `failed` with the error, and nothing else.
    """
    return notification_queue_many(organization=organization, emails=[email])[0]


def notification_queue_many(
    *, organization: Organization, emails: Sequence[OutgoingEmail]
) -> list[Notification]:
    """notification_queue for many emails of one organization, in a few queries whatever their number.

    The same rules, row by row: each email is rendered now (one whose template fails is `failed`), and a
    `dedupe_key` already used, in the outbox or earlier in `emails`, gives the existing row and queues
    nothing. Templates are looked up and compiled once per (kind, language), and the rows go in with one
    INSERT ... ON CONFLICT DO NOTHING. Returns, in the order of `emails`, each email's row.
    """
    now = timezone.now()
    templates = _TemplateCache()
    send_times: dict[datetime, datetime] = {}

    def sending_time(organization: Organization, moment: datetime) -> datetime:
        if moment not in send_times:
            send_times[moment] = next_sending_time(organization, moment)
        return send_times[moment]

    by_key: dict[str, Notification] = {}
    for email in emails:
        if email.dedupe_key not in by_key:
            by_key[email.dedupe_key] = _notification_build(
                organization, email, now, templates.render, sending_time
            )
    new = list(by_key.values())
    if not new:
        return []
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    # The ids are fresh, so an id found was inserted now; the others met a row already in the outbox
    # (queued earlier or by a concurrent transaction), which is returned instead.
    inserted = set(Notification.objects.filter(pk__in=[n.pk for n in new]).values_list("pk", flat=True))
    existing = [n.dedupe_key for n in new if n.pk not in inserted]
    if existing:
        by_key.update(
            (n.dedupe_key, n)
            for n in Notification.objects.filter(organization=organization, dedupe_key__in=existing)
        )
    dispatch_after_commit([n for n in new if n.pk in inserted and _is_due(n, now)])
    return [by_key[email.dedupe_key] for email in emails]


def _notification_build(
    organization: Organization,
    email: OutgoingEmail,
    now: datetime,
    render: Renderer,
    sending_time: Callable[[Organization, datetime], datetime],
) -> Notification:
    """The unsaved outbox row for `email`, rendered (or `failed` with the template's error)."""
    send_after = max(email.send_after or now, now)
    if email.respect_sending_hours:
        send_after = sending_time(organization, send_after)
    notification = Notification(
        id=uuid.uuid4(),
        organization=organization,
        kind=email.kind,
        recipient=email.recipient,
        recipient_name=email.recipient_name,
        language=email.language,
        dedupe_key=email.dedupe_key,
        caused_by=email.caused_by,
        send_after=send_after,
        reply_to=organization.reply_to_email,
    )
    notification.message_id = f"<{notification.id}@{_message_id_domain(organization)}>"
    try:
        rendered = render(organization, email.kind, email.language, email.context)
        notification.subject, notification.body_text, notification.body_html = rendered
    except TemplateRenderError as error:
        notification.status = NotificationStatus.FAILED
        notification.last_error = f"Template error: {error}"
    return notification


def _is_due(notification: Notification, now: datetime) -> bool:
    return notification.status == NotificationStatus.PENDING and notification.send_after <= now


class _TemplateCache:
    """render_email with each (organization, kind, language)'s template looked up once per batch."""

    def __init__(self) -> None:
        self.sources: dict[tuple[object, str, str], TemplateSource] = {}

    def render(
        self, organization: Organization, kind: str, language: str, context: dict[str, Any]
    ) -> RenderedEmail:
        key = (organization.pk, kind, language)
        if key not in self.sources:
            self.sources[key] = email_template_for(organization, kind, language)
        return render_template(self.sources[key], context)


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
        dispatch_after_commit([notification])
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
    dispatch_after_commit([notification])
    return notification


def dispatch_after_commit(notifications: Sequence[Notification]) -> None:
    """Wakes delivery for rows once they are committed. A lost wake-up only delays an email: the relay finds it.

    Up to one delivery batch of rows gets a `deliver` message per organization. More get one `relay`
    message: the relay claims and queues them from a worker in batches, so a sweep that writes 100,000
    notices publishes one message per batch instead of 100,000 from the sweep.
    """
    from notifications.tasks import deliver, relay

    if not notifications:
        return
    if len(notifications) > settings.NOTIFICATION_DELIVERY_BATCH:
        transaction.on_commit(lambda: _publish(relay, {}, "the relay"))
        return
    by_organization: dict[uuid.UUID, list[str]] = defaultdict(list)
    for notification in notifications:
        by_organization[notification.organization_id].append(str(notification.pk))

    def publish() -> None:
        for organization_id, ids in by_organization.items():
            kwargs = {"notification_ids": ids, "organization_id": str(organization_id)}
            if _publish(deliver, kwargs, f"delivery of {', '.join(ids)}"):
                Notification.unscoped.filter(pk__in=ids, queued_at__isnull=True).update(
                    queued_at=timezone.now()
                )

    transaction.on_commit(publish)


def _publish(task: Any, kwargs: dict[str, Any], what: str) -> bool:
    try:
        task.apply_async(kwargs=kwargs)
    except Exception:  # noqa: BLE001 - the broker being down must never undo or fail the caller's work
        logger.warning("Could not queue %s; the relay's periodic run will.", what, exc_info=True)
        return False
    return True


def _message_id_domain(organization: Organization) -> str:
    address = organization.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "kabar.local"
