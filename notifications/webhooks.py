"""Outbound webhooks: endpoints, events written to the outbox, and Standard Webhooks signatures.

An event becomes one `WebhookDelivery` per active subscribed endpoint, written in the caller's
transaction; webhook_delivery.py sends it after commit (or the relay does, if the wake-up is lost).
"""

import base64
import hashlib
import hmac
import json
import logging
import time
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from notifications.models import NotificationStatus, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tenancy.errors import DomainError
from tenancy.models import Organization

logger = logging.getLogger(__name__)

PING_EVENT = "webhook.ping"


def webhook_event_publish(
    *, organization: Organization, event: str, data: dict[str, Any], dedupe_key: str
) -> list[WebhookDelivery]:
    """Writes `event` to the outbox for every active endpoint subscribed to it, in the caller's transaction.

    `data` must be JSON-serializable with DjangoJSONEncoder (UUIDs, datetimes, decimals are fine). A
    `dedupe_key` already used for an endpoint returns that endpoint's existing delivery.
    """
    return _deliveries_queue(
        organization=organization,
        endpoints=_subscribed_endpoints(organization, event),
        event=event,
        data=data,
        dedupe_key=dedupe_key,
    )


def webhook_events_publish(
    *, organization: Organization, event: str, occurrences: Iterable[tuple[dict[str, Any], str]]
) -> list[WebhookDelivery]:
    """webhook_event_publish for many occurrences of one event, each `(data, dedupe_key)`, at once.

    One query finds the subscribed endpoints; with none, `occurrences` is not even read (it may be a
    generator that builds payloads). Then one INSERT ... ON CONFLICT DO NOTHING writes the deliveries; a
    `dedupe_key` already used for an endpoint keeps its existing delivery. Returns the deliveries, new or
    existing, occurrence by occurrence.
    """
    endpoints = list(_subscribed_endpoints(organization, event))
    if not endpoints:
        return []
    occurrences = list(occurrences)
    keys = {dedupe_key for _data, dedupe_key in occurrences}
    by_key = {
        (delivery.endpoint_id, delivery.dedupe_key): delivery
        for delivery in WebhookDelivery.objects.filter(
            organization=organization, endpoint__in=endpoints, dedupe_key__in=keys
        )
    }
    now = timezone.now()
    new: list[WebhookDelivery] = []
    for data, dedupe_key in occurrences:
        for endpoint in endpoints:
            if (endpoint.pk, dedupe_key) not in by_key:
                delivery = _delivery_build(organization, endpoint, event, data, dedupe_key, now)
                by_key[(endpoint.pk, dedupe_key)] = delivery
                new.append(delivery)
    if new:
        WebhookDelivery.objects.bulk_create(new, ignore_conflicts=True)
        # Ids are fresh: one found was inserted here; the others lost a race and give way to the winner.
        inserted = set(
            WebhookDelivery.objects.filter(pk__in=[d.pk for d in new]).values_list("pk", flat=True)
        )
        lost = {d.dedupe_key for d in new if d.pk not in inserted}
        if lost:
            by_key.update(
                ((d.endpoint_id, d.dedupe_key), d)
                for d in WebhookDelivery.objects.filter(
                    organization=organization, endpoint__in=endpoints, dedupe_key__in=lost
                )
            )
        _dispatch_after_commit([d for d in new if d.pk in inserted])
    return [by_key[(endpoint.pk, dedupe_key)] for _data, dedupe_key in occurrences for endpoint in endpoints]


def webhook_ping(*, organization: Organization, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """Queues a `webhook.ping` to one endpoint, whatever it subscribes to, so an integrator can test it."""
    endpoint = WebhookEndpoint.objects.get(organization=organization, pk=endpoint.pk)
    if not endpoint.is_active:
        raise DomainError("Enable the endpoint before pinging it.", code="webhook_endpoint_inactive")
    [delivery] = _deliveries_queue(
        organization=organization,
        endpoints=[endpoint],
        event=PING_EVENT,
        data={"endpoint": endpoint.pk},
        dedupe_key=f"ping:{uuid.uuid4()}",
    )
    return delivery


@transaction.atomic
def webhook_endpoint_create(
    *, organization: Organization, url: str, events: list[str], description: str = "", is_active: bool = True
) -> WebhookEndpoint:
    endpoint = WebhookEndpoint(
        organization=organization, url=url, events=events, description=description, is_active=is_active
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint


@transaction.atomic
def webhook_endpoint_update(
    *,
    organization: Organization,
    endpoint: WebhookEndpoint,
    url: str | None = None,
    events: list[str] | None = None,
    description: str | None = None,
    is_active: bool | None = None,
) -> WebhookEndpoint:
    """Changes what is given. Re-enabling clears the failure count; disabling cancels what is pending."""
    endpoint = WebhookEndpoint.objects.select_for_update().get(organization=organization, pk=endpoint.pk)
    was_active = endpoint.is_active
    changes = {"url": url, "events": events, "description": description, "is_active": is_active}
    for field, value in changes.items():
        if value is not None:
            setattr(endpoint, field, value)
    if endpoint.is_active and not was_active:
        endpoint.consecutive_failures, endpoint.disabled_at, endpoint.disabled_reason = 0, None, ""
    endpoint.full_clean()
    endpoint.save()
    if was_active and not endpoint.is_active:
        webhook_deliveries_cancel_pending(organization=organization, endpoint=endpoint)
    return endpoint


@transaction.atomic
def webhook_endpoint_delete(*, organization: Organization, endpoint: WebhookEndpoint) -> None:
    WebhookEndpoint.objects.get(organization=organization, pk=endpoint.pk).delete()


def webhook_deliveries_cancel_pending(*, organization: Organization, endpoint: WebhookEndpoint) -> int:
    return WebhookDelivery.objects.filter(
        organization=organization, endpoint=endpoint, status=NotificationStatus.PENDING
    ).update(status=NotificationStatus.CANCELLED)


def sign(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    """The Standard Webhooks signature: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`.

    The key is the base64-decoded part of the secret after `whsec_`. Signing the id and the timestamp
    with the body stops a captured request from being replayed under another id or later than tolerated.
    """
    key = base64.b64decode(secret.removeprefix("whsec_"))
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return f"v1,{base64.b64encode(digest).decode()}"


def verify(secret: str, headers: Mapping[str, str], body: bytes, tolerance: int = 300) -> bool:
    """What an integrator runs on receipt: True only for our signature over these exact bytes, sent recently.

    `headers` may use any letter case; `webhook-signature` may list several space-separated signatures
    (as during a secret rotation), and one match is enough. Comparison is constant-time.
    """
    headers = {name.lower(): value for name, value in headers.items()}
    try:
        webhook_id = headers["webhook-id"]
        timestamp = int(headers["webhook-timestamp"])
        signatures = headers["webhook-signature"].split()
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = sign(secret, webhook_id, timestamp, body)
    return any(hmac.compare_digest(expected.encode(), signature.encode()) for signature in signatures)


def _subscribed_endpoints(organization: Organization, event: str) -> Iterable[WebhookEndpoint]:
    if event not in WebhookEvent.values:
        raise ValueError(f"Unknown webhook event {event!r}.")
    return WebhookEndpoint.objects.filter(organization=organization, is_active=True).filter(
        Q(events=[]) | Q(events__contains=[event])
    )


def _delivery_build(
    organization: Organization,
    endpoint: WebhookEndpoint,
    event: str,
    data: dict[str, Any],
    dedupe_key: str,
    now: datetime,
) -> WebhookDelivery:
    delivery_id = uuid.uuid4()
    body = {"id": delivery_id, "type": event, "created_at": now, "data": data}
    return WebhookDelivery(
        id=delivery_id,
        organization=organization,
        endpoint=endpoint,
        event=event,
        payload=json.loads(json.dumps(body, cls=DjangoJSONEncoder)),
        dedupe_key=dedupe_key,
        send_after=now,
    )


def _deliveries_queue(
    *,
    organization: Organization,
    endpoints: Iterable[WebhookEndpoint],
    event: str,
    data: dict[str, Any],
    dedupe_key: str,
) -> list[WebhookDelivery]:
    endpoints = list(endpoints)
    if not endpoints:
        return []
    existing = {
        delivery.endpoint_id: delivery
        for delivery in WebhookDelivery.objects.filter(
            organization=organization, endpoint__in=endpoints, dedupe_key=dedupe_key
        )
    }
    now = timezone.now()
    deliveries, created = [], []
    for endpoint in endpoints:
        if endpoint.pk in existing:
            deliveries.append(existing[endpoint.pk])
            continue
        delivery = _delivery_build(organization, endpoint, event, data, dedupe_key, now)
        try:
            with transaction.atomic():
                delivery.save()
        except IntegrityError:
            delivery = WebhookDelivery.objects.get(
                organization=organization, endpoint=endpoint, dedupe_key=dedupe_key
            )
        else:
            created.append(delivery)
        deliveries.append(delivery)
    if created:
        _dispatch_after_commit(created)
    return deliveries


def _dispatch_after_commit(deliveries: list[WebhookDelivery]) -> None:
    """Wakes workers once the rows are committed. A lost wake-up only delays delivery: the relay finds it."""
    from notifications.tasks import deliver_webhook

    ids = [(str(delivery.pk), str(delivery.organization_id)) for delivery in deliveries]

    def publish() -> None:
        queued = []
        for delivery_id, organization_id in ids:
            try:
                deliver_webhook.apply_async(
                    kwargs={"delivery_id": delivery_id, "organization_id": organization_id}
                )
            except Exception:  # noqa: BLE001 - a broker that is down must never fail the caller's work
                logger.warning(
                    "Could not queue webhook delivery %s; the relay will pick it up.",
                    delivery_id,
                    exc_info=True,
                )
                break
            queued.append(delivery_id)
        if queued:
            WebhookDelivery.unscoped.filter(pk__in=queued, queued_at__isnull=True).update(
                queued_at=timezone.now()
            )

    transaction.on_commit(publish)
