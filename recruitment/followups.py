"""Services for candidates' follow-ups: log one against the policy, correct it, answer it."""

from dataclasses import asdict
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from notifications.models import NotificationKind
from recruitment.classification import FollowUpKind, classify_followup
from recruitment.emails import format_date, queue_candidate_email
from recruitment.errors import InvalidTransition
from recruitment.events import publish_followup_received
from recruitment.models import Application, FollowUp, RejectionReason, RejectionType
from recruitment.policy import Message, ResponseOwed, Verdict, evaluate
from recruitment.selectors import application_facts, policy_for_job, policy_rules
from recruitment.services import application_withdraw, lock_application
from tenancy.actors import Actor
from tenancy.models import Organization

FUTURE_TOLERANCE_SECONDS = 300


@transaction.atomic
def followup_log(
    *,
    organization: Organization,
    actor: Actor,
    application: Application,
    received_at: datetime,
    channel: str,
    subject: str = "",
    text: str = "",
    sender: str = "",
    kind: str | None = None,
    inbound_email_id: object = None,
) -> FollowUp:
    """Stores a follow-up with the policy's verdict and carries out the response owed, in one transaction:
    the acknowledgement is queued, HR's reply deadline set, or the application withdrawn and confirmed.
    """
    if (received_at - timezone.now()).total_seconds() > FUTURE_TOLERANCE_SECONDS:
        raise InvalidTransition("A follow-up cannot be received in the future.", code="received_in_future")
    # The lock orders follow-ups on one application, so each is numbered after the one before it.
    application = lock_application(organization, application)
    followup = FollowUp(
        organization=organization,
        application=application,
        received_at=received_at,
        channel=channel,
        kind=kind or classify_followup(subject, text),
        kind_was_classified=kind is None,
        subject=subject[:500],
        text=text,
        sender=sender,
        inbound_email_id=inbound_email_id,
        logged_by=actor.user,
    )
    verdict = _judge(application, followup)
    _apply_verdict(followup, verdict)
    followup.save()
    publish_followup_received(followup)
    _carry_out(organization, actor, application, followup, verdict)
    return followup


@transaction.atomic
def followup_correct_kind(
    *, organization: Organization, actor: Actor, followup: FollowUp, kind: str
) -> FollowUp:
    """HR corrects the kind; the verdict is evaluated again and a response newly owed is carried out.

    A response already carried out (an acknowledgement sent) stays: it cannot be unsent.
    """
    application = lock_application(organization, followup.application)
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    followup.kind = FollowUpKind(kind)
    followup.kind_was_classified = False
    verdict = _judge(application, followup)
    _apply_verdict(followup, verdict)
    followup.save()
    _carry_out(organization, actor, application, followup, verdict)
    return followup


@transaction.atomic
def followup_send_feedback(
    *, organization: Organization, actor: Actor, followup: FollowUp, text: str
) -> FollowUp:
    """Sends HR's feedback as the feedback reply; the follow-up is answered. Only once per request."""
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk, organization=organization)
    if followup.response_owed != ResponseOwed.FEEDBACK:
        raise InvalidTransition("No feedback is owed for this follow-up.", code="feedback_not_owed")
    if followup.answered_at is not None:
        raise InvalidTransition("The feedback was already sent.", code="feedback_already_sent")
    if not text.strip():
        raise InvalidTransition("Write the feedback before sending it.", code="feedback_empty")
    queue_candidate_email(
        followup.application,
        NotificationKind.FEEDBACK_REPLY,
        event_id=followup.pk,
        feedback_text=text.strip(),
    )
    followup.feedback_text = text.strip()
    followup.answered_at = timezone.now()
    followup.save(update_fields=["feedback_text", "answered_at"])
    return followup


@transaction.atomic
def followup_mark_answered(*, organization: Organization, actor: Actor, followup: FollowUp) -> FollowUp:
    """HR answered a question itself (by phone or from its mailbox)."""
    updated = FollowUp.objects.filter(
        pk=followup.pk, organization=organization, answered_at__isnull=True
    ).update(answered_at=timezone.now())
    followup.refresh_from_db()
    if not updated and followup.answered_at is None:
        raise InvalidTransition("The follow-up could not be marked answered.")
    return followup


def _judge(application: Application, followup: FollowUp) -> Verdict:
    rules = policy_rules(policy_for_job(application.job))
    facts = application_facts(application, excluding=followup if followup.pk else None)
    message = Message(
        kind=FollowUpKind(followup.kind),
        received_at=followup.received_at,
        subject=followup.subject,
        text=followup.text,
    )
    return evaluate(rules, facts, message)


def _apply_verdict(followup: FollowUp, verdict: Verdict) -> None:
    followup.timing = verdict.timing or ""
    followup.sequence = verdict.sequence
    followup.number = verdict.number
    followup.response_owed = verdict.response
    followup.expected_decision_date = verdict.expected_decision_date
    followup.reply_due_at = verdict.reply_due_at if followup.answered_at is None else followup.reply_due_at
    followup.signals = {name: value for name, value in asdict(verdict.signals).items() if name != "timing"}


def _carry_out(
    organization: Organization, actor: Actor, application: Application, followup: FollowUp, verdict: Verdict
) -> None:
    if verdict.response == ResponseOwed.ACKNOWLEDGE:
        language = application.candidate.preferred_language
        queue_candidate_email(
            application,
            NotificationKind.FOLLOWUP_ACK,
            event_id=followup.pk,
            automatic=True,
            expected_decision_date=format_date(verdict.expected_decision_date, language),
        )
    elif verdict.response == ResponseOwed.WITHDRAW:
        reason = RejectionReason.objects.filter(type=RejectionType.WITHDREW, is_active=True).first()
        application_withdraw(
            organization=organization,
            actor=actor,
            application=application,
            reason=reason,
            note=followup.subject or followup.text[:200],
        )
