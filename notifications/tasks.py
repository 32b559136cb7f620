import logging
from datetime import timedelta

from celery import Task, shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.delivery import claimable, deliver_notification
from notifications.models import Notification, WebhookDelivery
from notifications.webhook_delivery import deliver_webhook_delivery
from tenancy.models import Organization
from tenancy.scope import platform_scope
from tenancy.tasks import tenant_task

logger = logging.getLogger(__name__)


@tenant_task(name="notifications.deliver")
def deliver(*, notification_id: str, organization: Organization) -> str:
    return deliver_notification(notification_id, organization)


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
        return _relay_outbox(Notification, deliver, "notification_id") + _relay_outbox(
            WebhookDelivery, deliver_webhook, "delivery_id"
        )


def _relay_outbox(model: type[Notification | WebhookDelivery], task: Task, id_argument: str) -> int:
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
        for row_id, organization_id in batch:
            task.apply_async(kwargs={id_argument: str(row_id), "organization_id": str(organization_id)})
        queued += len(batch)
        logger.info("Relay queued %d %s.", len(batch), model._meta.verbose_name_plural)
