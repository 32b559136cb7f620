import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.delivery import claimable, deliver_notifications
from notifications.models import Notification, WebhookDelivery
from notifications.webhook_delivery import deliver_webhook_delivery
from tenancy.models import Organization
from tenancy.scope import platform_scope
from tenancy.tasks import tenant_task

logger = logging.getLogger(__name__)


@tenant_task(name="notifications.deliver")
def deliver(*, notification_ids: list[str], organization: Organization) -> dict[str, str]:
    return deliver_notifications(notification_ids, organization)


@tenant_task(name="notifications.deliver_webhook")
def deliver_webhook(*, delivery_id: str, organization: Organization) -> str:
    return deliver_webhook_delivery(delivery_id, organization)


@shared_task(name="notifications.relay")
def relay() -> int:
    """Queues every due or stranded email and webhook, across organizations (a named platform-scope job).

    Rows are taken with SKIP LOCKED and stamped `queued_at`, so two relays at once never queue a row twice,
    and a row already queued is queued again only when its wake-up looks lost (older than the lease).
    """
    with platform_scope(reason="outbox relay"):
        return _relay_outbox(Notification, _publish_notifications) + _relay_outbox(
            WebhookDelivery, _publish_webhook_deliveries
        )


def _publish_notifications(rows: list[tuple[object, object]]) -> None:
    """One `deliver` task per organization and NOTIFICATION_DELIVERY_BATCH rows: a worker sends them in a row."""
    by_organization: dict[object, list[str]] = defaultdict(list)
    for row_id, organization_id in rows:
        by_organization[organization_id].append(str(row_id))
    size = settings.NOTIFICATION_DELIVERY_BATCH
    for organization_id, ids in by_organization.items():
        for start in range(0, len(ids), size):
            deliver.apply_async(
                kwargs={
                    "notification_ids": ids[start : start + size],
                    "organization_id": str(organization_id),
                }
            )


def _publish_webhook_deliveries(rows: list[tuple[object, object]]) -> None:
    for row_id, organization_id in rows:
        deliver_webhook.apply_async(
            kwargs={"delivery_id": str(row_id), "organization_id": str(organization_id)}
        )


def _relay_outbox(
    model: type[Notification | WebhookDelivery], publish: Callable[[list[tuple[object, object]]], None]
) -> int:
    now = timezone.now()
    requeue_before = now - timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)
    queued = 0
    while True:
        with transaction.atomic():
            batch = list(
                model.unscoped.select_for_update(skip_locked=True)
                .filter(claimable(now))
                .exclude(queued_at__gte=requeue_before)
                .values_list("pk", "organization_id")[: settings.NOTIFICATION_RELAY_BATCH]
            )
            model.unscoped.filter(pk__in=[pk for pk, _org in batch]).update(queued_at=now)
        if not batch:
            return queued
        # Published after commit: a worker must find the rows unlocked. A publish that fails leaves the
        # row stamped, and the next relay queues it again once the stamp is older than the lease.
        publish(batch)
        queued += len(batch)
        logger.info("Relay queued %d %s.", len(batch), model._meta.verbose_name_plural)
