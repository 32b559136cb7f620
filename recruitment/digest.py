"""The HR digest: each morning, what is overdue or waiting, to an organization's owners and recruiters."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from notifications.models import Notification, NotificationKind
from notifications.selectors import failed_notifications
from notifications.services import OutgoingEmail, notification_queue
from recruitment.emails import format_date
from recruitment.models import Application, ApplicationStatus
from recruitment.selectors import followups_awaiting_reply, policy_for_job
from tenancy.models import Membership, Organization, Role
from tenancy.scope import org_scope, platform_scope

DIGEST_HOUR = time(8, 0)


def hr_digest_queue_due(*, now: datetime | None = None) -> int:
    """Queues today's digest for every organization where it is 08:00 or later. A named platform-scope job.

    The dedupe key names the organization's local date and the recipient, so each is sent once a day
    however many beat processes or runs there are.
    """
    now = now or timezone.now()
    queued = 0
    with platform_scope(reason="HR digest"):
        organizations = list(Organization.objects.all())
    for organization in organizations:
        local = now.astimezone(organization.zone)
        if local.time() < DIGEST_HOUR:
            continue
        with org_scope(organization):
            queued += _queue_digest(organization, now, local.date().isoformat())
    return queued


def _queue_digest(organization: Organization, now: datetime, local_date: str) -> int:
    recipients = Membership.objects.filter(
        role__in=[Role.OWNER, Role.RECRUITER], user__is_active=True
    ).select_related("user")
    pending = [
        m for m in recipients if not Notification.objects.filter(dedupe_key=_key(local_date, m)).exists()
    ]
    if not pending:
        return 0
    context = digest_context(organization, now)
    for membership in pending:
        notification_queue(
            organization=organization,
            email=OutgoingEmail(
                kind=NotificationKind.HR_DIGEST,
                recipient=membership.user.email,
                recipient_name=membership.user.full_name,
                language=organization.language,
                context=context | {"recipient_name": membership.user.full_name or membership.user.email},
                dedupe_key=_key(local_date, membership),
                caused_by=f"organization:{organization.pk}",
            ),
        )
    return len(pending)


def _key(local_date: str, membership: Membership) -> str:
    return f"hr_digest:{local_date}:{membership.user_id}"


def digest_context(organization: Organization, now: datetime) -> dict:
    language = organization.language
    active = Application.objects.filter(
        status=ApplicationStatus.ACTIVE, decision_due_at__isnull=False
    ).select_related("candidate", "job")

    def row(application: Application) -> dict:
        return {
            "candidate_name": application.candidate.full_name,
            "position": application.job.title,
            "due": format_date(application.decision_due_at.astimezone(organization.zone).date(), language),
        }

    overdue = [row(a) for a in active.filter(decision_due_at__lte=now).order_by("decision_due_at")]
    due_soon = [
        row(a)
        for a in active.filter(decision_due_at__gt=now).order_by("decision_due_at")
        if a.decision_due_at <= now + timedelta(days=policy_for_job(a.job).decision_warning_days)
    ]
    awaiting = [
        {
            "candidate_name": f.application.candidate.full_name,
            "position": f.application.job.title,
            "waiting_days": (now - f.received_at).days,
        }
        for f in followups_awaiting_reply().order_by("received_at")
    ]
    return {
        "organization": organization.name,
        "overdue_decisions": overdue,
        "due_soon": due_soon,
        "awaiting_reply": awaiting,
        "failed_emails": failed_notifications().count(),
        "admin_url": f"{settings.KABAR_BASE_URL}/admin/",
    }
