"""What integrations are told: each pipeline event becomes a webhook in the same transaction."""

from notifications.models import WebhookEvent
from notifications.webhooks import webhook_event_publish
from recruitment.models import Application, FollowUp, HistoryEvent, StageChange

APPLICATION_EVENTS = {
    HistoryEvent.CREATED: WebhookEvent.APPLICATION_CREATED,
    HistoryEvent.MOVED: WebhookEvent.APPLICATION_STAGE_CHANGED,
    HistoryEvent.REJECTED: WebhookEvent.APPLICATION_REJECTED,
    HistoryEvent.UNREJECTED: WebhookEvent.APPLICATION_UNREJECTED,
    HistoryEvent.HIRED: WebhookEvent.APPLICATION_HIRED,
    HistoryEvent.WITHDRAWN: WebhookEvent.APPLICATION_WITHDRAWN,
}


def publish_application_event(application: Application, entry: StageChange) -> None:
    webhook_event_publish(
        organization=application.organization,
        event=APPLICATION_EVENTS[entry.event],
        data={
            "application": {
                "id": application.pk,
                "job": application.job_id,
                "candidate": application.candidate_id,
                "stage": application.stage_id,
                "status": application.status,
                "decision_due_at": application.decision_due_at,
                "rejection_reason": application.rejection_reason_id,
                "updated_at": application.updated_at,
            },
            "change": {
                "from_stage": entry.from_stage_id,
                "to_stage": entry.to_stage_id,
                "from_status": entry.from_status,
                "to_status": entry.to_status,
                "note": entry.note,
                "actor": entry.actor_label,
                "automatic": entry.actor_user_id is None and entry.actor_api_key_id is None,
            },
        },
        dedupe_key=f"application:{application.pk}:{entry.event}:{entry.pk}",
    )


def publish_followup_received(followup: FollowUp) -> None:
    webhook_event_publish(
        organization=followup.application.organization,
        event=WebhookEvent.FOLLOWUP_RECEIVED,
        data={
            "follow_up": {
                "id": followup.pk,
                "application": followup.application_id,
                "received_at": followup.received_at,
                "channel": followup.channel,
                "kind": followup.kind,
                "subject": followup.subject,
                "timing": followup.timing or None,
                "sequence": followup.sequence,
                "number": followup.number,
                "response_owed": followup.response_owed,
                "reply_due_at": followup.reply_due_at,
            }
        },
        dedupe_key=f"followup:{followup.pk}:received",
    )
