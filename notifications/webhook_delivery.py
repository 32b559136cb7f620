"""Sends one webhook delivery: claim it, POST it signed, record what happened.

The claim (pending -> sending) is its own short transaction, as for emails, so a worker that dies
mid-send leaves a `sending` row whose lease expires and the relay queues it again. A row marked sent is
never claimed again. A receiver may still see one delivery twice (a worker killed between the POST and
the mark): the `webhook-id` header, the same on every retry, lets it recognise the repeat.
"""

import json
import logging
from datetime import timedelta

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.delivery import claimable
from notifications.models import NotificationStatus, WebhookDelivery, WebhookEndpoint
from notifications.webhooks import sign, webhook_deliveries_cancel_pending
from tenancy.models import Organization

logger = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(seconds=s) for s in settings.WEBHOOK_RETRY_DELAYS]
DISABLE_AFTER_FAILURES = 7
TIMEOUT_SECONDS = 10


def deliver_webhook_delivery(delivery_id: str, organization: Organization) -> str:
    """Delivers one webhook if it is still due; returns what became of it."""
    delivery = _claim(delivery_id, organization)
    if delivery is None:
        return "skipped"
    try:
        response_status = _post(delivery)
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row, none is lost
        return _record_failure(delivery, f"{type(error).__name__}: {error}"[:2000], response_status=None)
    if 200 <= response_status < 300:
        return _record_success(delivery, response_status)
    return _record_failure(delivery, f"HTTP {response_status}", response_status=response_status)


@transaction.atomic
def _claim(delivery_id: str, organization: Organization) -> WebhookDelivery | None:
    now = timezone.now()
    delivery = (
        WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("endpoint")
        .filter(claimable(now), pk=delivery_id, organization=organization)
        .first()
    )
    if delivery is None:
        return None
    # An endpoint switched off after this row was written gets nothing more.
    if not delivery.endpoint.is_active:
        WebhookDelivery.objects.filter(pk=delivery.pk).update(status=NotificationStatus.CANCELLED)
        return None
    delivery.status = NotificationStatus.SENDING
    delivery.claimed_at = now
    delivery.attempts += 1
    delivery.save(update_fields=["status", "claimed_at", "attempts"])
    return delivery


def _post(delivery: WebhookDelivery) -> int:
    """POSTs the signed body and returns the response status; redirects are not followed (a 3xx fails)."""
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    timestamp = int(timezone.now().timestamp())
    headers = {
        "content-type": "application/json",
        "user-agent": "Kabar-Webhooks/1",
        "webhook-id": str(delivery.pk),
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(delivery.endpoint.secret, str(delivery.pk), timestamp, body),
    }
    # Streamed so that the response body, which we do not need, is never read into memory.
    with httpx.stream(
        "POST", delivery.endpoint.url, content=body, headers=headers, timeout=TIMEOUT_SECONDS
    ) as response:
        return response.status_code


@transaction.atomic
def _record_success(delivery: WebhookDelivery, response_status: int) -> str:
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk, status=NotificationStatus.SENDING).update(
        status=NotificationStatus.SENT, delivered_at=now, response_status=response_status, last_error=""
    )
    WebhookEndpoint.objects.filter(pk=delivery.endpoint_id, consecutive_failures__gt=0).update(
        consecutive_failures=0, updated_at=now
    )
    return NotificationStatus.SENT


@transaction.atomic
def _record_failure(delivery: WebhookDelivery, error: str, *, response_status: int | None) -> str:
    """Retries with back-off; the last attempt, or the failure that disables the endpoint, ends `failed`.

    Failures are counted per endpoint across deliveries; at DISABLE_AFTER_FAILURES in a row the endpoint
    is disabled and everything still pending for it is cancelled, until HR enables it again.
    """
    now = timezone.now()
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    endpoint.consecutive_failures += 1
    disabling = endpoint.is_active and endpoint.consecutive_failures >= DISABLE_AFTER_FAILURES
    if disabling or delivery.attempts > len(RETRY_DELAYS):
        status, send_after = NotificationStatus.FAILED, delivery.send_after
        logger.error("Webhook delivery %s failed for good: %s", delivery.pk, error)
    else:
        status = NotificationStatus.PENDING
        send_after = now + RETRY_DELAYS[delivery.attempts - 1]
        logger.warning("Webhook delivery %s will be retried at %s: %s", delivery.pk, send_after, error)
    WebhookDelivery.objects.filter(pk=delivery.pk, status=NotificationStatus.SENDING).update(
        status=status,
        send_after=send_after,
        last_error=error,
        response_status=response_status,
        queued_at=None,
    )
    update_fields = ["consecutive_failures", "updated_at"]
    if disabling:
        endpoint.is_active, endpoint.disabled_at = False, now
        endpoint.disabled_reason = (
            f"{endpoint.consecutive_failures} failed deliveries in a row; the last: {error}"
        )
        update_fields += ["is_active", "disabled_at", "disabled_reason"]
        logger.error("Webhook endpoint %s disabled: %s", endpoint.pk, endpoint.disabled_reason)
    endpoint.save(update_fields=update_fields)
    if disabling:
        webhook_deliveries_cancel_pending(organization=endpoint.organization, endpoint=endpoint)
    return status
