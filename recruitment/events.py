"""What integrations are told: each pipeline event becomes a webhook in the same transaction."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from notifications.models import WebhookEvent
from notifications.webhooks import webhook_event_publish, webhook_events_publish
from recruitment.models import Application, FollowUp, HistoryEvent, StageChange
from tenancy.models import Organization

APPLICATION_EVENTS = {
    HistoryEvent.CREATED: WebhookEvent.APPLICATION_CREATED,
    HistoryEvent.MOVED: WebhookEvent.APPLICATION_STAGE_CHANGED,
    HistoryEvent.REJECTED: WebhookEvent.APPLICATION_REJECTED,
    HistoryEvent.UNREJECTED: WebhookEvent.APPLICATION_UNREJECTED,
    HistoryEvent.HIRED: WebhookEvent.APPLICATION_HIRED,
    HistoryEvent.WITHDRAWN: WebhookEvent.APPLICATION_WITHDRAWN,
}


def publish_application_event(application: Application, entry: StageChange) -> None:
    event, data, dedupe_key = application_event(application, entry)
    webhook_event_publish(
        organization=application.organization, event=event, data=data, dedupe_key=dedupe_key
    )


def publish_application_events(
    organization: Organization, changes: Iterable[tuple[Application, StageChange]]
) -> None:
    """publish_application_event for many changes of one organization, one bulk write per event.

    Payloads are only built for events some endpoint subscribes to.
    """
    by_event: dict[str, list[tuple[Application, StageChange]]] = defaultdict(list)
    for application, entry in changes:
        by_event[APPLICATION_EVENTS[entry.event]].append((application, entry))
    for event, event_changes in by_event.items():
        webhook_events_publish(
            organization=organization,
            event=event,
            occurrences=(application_event(application, entry)[1:] for application, entry in event_changes),
        )


def application_event(application: Application, entry: StageChange) -> tuple[str, dict[str, Any], str]:
    """The webhook event, payload and dedupe key announcing one history entry of an application."""
    data = {
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
    }
    return APPLICATION_EVENTS[entry.event], data, f"application:{application.pk}:{entry.event}:{entry.pk}"


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
