"""The candidate emails the pipeline sends, handed to the outbox as rendered text."""

from datetime import date, datetime
from email.utils import formataddr
from typing import Any

from django.utils import formats, translation

from notifications.models import Notification, NotificationKind
from notifications.services import notification_cancel_pending, notification_queue
from recruitment.models import Application, Interview


def application_reference(application: Application) -> str:
    return f"application:{application.pk}"


def queue_candidate_email(
    application: Application,
    kind: str,
    *,
    event_id: object,
    send_after: datetime | None = None,
    automatic: bool = False,
    **extra_context: Any,
) -> Notification:
    """Queues `kind` for the application's candidate, once per event (`event_id` goes into the dedupe key)."""
    candidate, organization = application.candidate, application.organization
    language = candidate.preferred_language
    return notification_queue(
        organization=organization,
        kind=kind,
        recipient=candidate.email,
        recipient_name=candidate.full_name,
        language=language,
        context=candidate_email_context(application, language) | extra_context,
        dedupe_key=f"{application_reference(application)}:{kind}:{event_id}",
        caused_by=application_reference(application),
        send_after=send_after,
        respect_sending_hours=automatic,
    )


def cancel_pending_rejection(application: Application) -> int:
    return notification_cancel_pending(
        organization=application.organization,
        caused_by=application_reference(application),
        kind=NotificationKind.REJECTION,
    )


def candidate_email_context(application: Application, language: str) -> dict[str, Any]:
    organization = application.organization
    last_interview = (
        Interview.objects.filter(application=application, cancelled_at__isnull=True)
        .order_by("-ends_at")
        .first()
    )
    hr_address = organization.reply_to_email or organization.sender_email
    hr_name = organization.sender_name or f"HR {organization.name}"
    return {
        "candidate_name": application.candidate.full_name,
        "position": application.job.title,
        "organization": organization.name,
        "interviewer": ", ".join(last_interview.interviewers) if last_interview else "",
        "expected_decision_date": "",
        "feedback_text": "",
        "hr_contact": formataddr((hr_name, hr_address)) if hr_address else hr_name,
    }


def format_date(value: date | None, language: str) -> str:
    if value is None:
        return ""
    with translation.override(language):
        return formats.date_format(value, "j F Y")
