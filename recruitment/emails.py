"""The candidate emails the pipeline sends, handed to the outbox as rendered text."""

from collections.abc import Sequence
from datetime import date, datetime
from email.utils import formataddr
from typing import Any

from django.utils import formats, translation

from notifications.models import Notification, NotificationKind
from notifications.services import (
    OutgoingEmail,
    notification_cancel_pending,
    notification_queue,
    notification_queue_many,
)
from recruitment.models import Application, Interview
from tenancy.models import Organization


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
    email = candidate_email(
        application, kind, event_id=event_id, send_after=send_after, automatic=automatic, **extra_context
    )
    return notification_queue(organization=application.organization, email=email)


def queue_candidate_emails(
    organization: Organization,
    events: Sequence[tuple[Application, object]],
    kind: str,
    *,
    automatic: bool = False,
) -> list[Notification]:
    """queue_candidate_email for many `(application, event_id)` of one organization, in a few queries."""
    interviewers = last_interviewers([application.pk for application, _event_id in events])
    return notification_queue_many(
        organization=organization,
        emails=[
            candidate_email(
                application,
                kind,
                event_id=event_id,
                automatic=automatic,
                interviewers=interviewers.get(application.pk, []),
            )
            for application, event_id in events
        ],
    )


def candidate_email(
    application: Application,
    kind: str,
    *,
    event_id: object,
    send_after: datetime | None = None,
    automatic: bool = False,
    interviewers: Sequence[str] | None = None,
    **extra_context: Any,
) -> OutgoingEmail:
    """The email `kind` to the application's candidate, in their language; automatic ones keep sending hours."""
    candidate = application.candidate
    language = candidate.preferred_language
    return OutgoingEmail(
        kind=kind,
        recipient=candidate.email,
        recipient_name=candidate.full_name,
        language=language,
        context=candidate_email_context(application, language, interviewers=interviewers) | extra_context,
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


def candidate_email_context(
    application: Application, language: str, *, interviewers: Sequence[str] | None = None
) -> dict[str, Any]:
    """What candidate email templates may use; `interviewers` (of the last interview) saves a query."""
    organization = application.organization
    if interviewers is None:
        interviewers = last_interviewers([application.pk]).get(application.pk, [])
    hr_address = organization.reply_to_email or organization.sender_email
    hr_name = organization.sender_name or f"HR {organization.name}"
    return {
        "candidate_name": application.candidate.full_name,
        "position": application.job.title,
        "organization": organization.name,
        "interviewer": ", ".join(interviewers),
        "expected_decision_date": "",
        "feedback_text": "",
        "hr_contact": formataddr((hr_name, hr_address)) if hr_address else hr_name,
    }


def last_interviewers(application_ids: Sequence[object]) -> dict[object, list[str]]:
    """The interviewers of each application's last interview that was not cancelled, in one query."""
    return dict(
        Interview.objects.filter(application_id__in=application_ids, cancelled_at__isnull=True)
        .order_by("application_id", "-ends_at")
        .distinct("application_id")
        .values_list("application_id", "interviewers")
    )


def format_date(value: date | None, language: str) -> str:
    if value is None:
        return ""
    with translation.override(language):
        return formats.date_format(value, "j F Y")
