import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.delivery import claimable, deliver_notification
from notifications.models import Notification
from tenancy.models import Organization
from tenancy.scope import platform_scope
from tenancy.tasks import tenant_task

logger = logging.getLogger(__name__)


@tenant_task(name="notifications.deliver")
def deliver(*, notification_id: str, organization: Organization) -> str:
    return deliver_notification(notification_id, organization)


@shared_task(name="notifications.relay")
def relay() -> int:
    """Queues every due or stranded email, across organizations (a named platform-scope job).

    Rows are taken with SKIP LOCKED and stamped `queued_at`, so two relays at once never queue a row twice,
    and a row already queued is queued again only when its wake-up looks lost (older than the lease).
    """
    now = timezone.now()
    requeue_before = now - timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)
    queued = 0
    with platform_scope():
        while True:
            with transaction.atomic():
                batch = list(
                    Notification.unscoped.select_for_update(skip_locked=True)
                    .filter(claimable(now))
                    .exclude(queued_at__gte=requeue_before)
                    .values_list("pk", "organization_id")[: settings.NOTIFICATION_RELAY_BATCH]
                )
                Notification.unscoped.filter(pk__in=[pk for pk, _org in batch]).update(queued_at=now)
            if not batch:
                return queued
            # Published after commit: a worker must find the rows unlocked. A publish that fails leaves the
            # row stamped, and the next relay queues it again once the stamp is older than the lease.
            for notification_id, organization_id in batch:
                deliver.apply_async(
                    kwargs={"notification_id": str(notification_id), "organization_id": str(organization_id)}
                )
            queued += len(batch)
            logger.info("Relay queued %d emails.", len(batch))
