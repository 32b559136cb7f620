import base64
import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from notifications.delivery import deliver_notifications
from notifications.models import (
    Notification,
    NotificationKind,
    NotificationStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from notifications.services import OutgoingEmail, notification_queue
from notifications.tasks import relay
from notifications.webhook_delivery import deliver_webhook_delivery
from notifications.webhooks import (
    sign,
    verify,
    webhook_endpoint_create,
    webhook_endpoint_update,
    webhook_event_publish,
    webhook_ping,
)
from tests.conftest import Tenant, World
from tests.http_receiver import Receiver, http_receiver
from tests.smtp import Inbox, free_port

pytestmark = [pytest.mark.django_db]

HIRED = WebhookEvent.APPLICATION_HIRED


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with http_receiver() as receiver:
        yield receiver


@pytest.fixture
def eager_celery() -> Iterator[None]:
    """Tasks run in the calling thread, so the relay's wake-ups are followed without a worker."""
    celery_app.conf.task_always_eager = True
    try:
        yield
    finally:
        celery_app.conf.task_always_eager = False


def subscribe(tenant: Tenant, url: str, events: list[str] | None = None) -> WebhookEndpoint:
    with tenant.scope():
        return webhook_endpoint_create(organization=tenant.organization, url=url, events=events or [])


def publish(tenant: Tenant, key: str = "application:1:hired", event: str = HIRED) -> list[WebhookDelivery]:
    with tenant.scope():
        return webhook_event_publish(
            organization=tenant.organization, event=event, data={"application": "1"}, dedupe_key=key
        )


def deliver_due(tenant: Tenant) -> list[str]:
    with tenant.scope():
        due = WebhookDelivery.objects.filter(
            status=NotificationStatus.PENDING, send_after__lte=timezone.now()
        ).order_by("created_at")
        return [
            deliver_webhook_delivery(str(pk), tenant.organization) for pk in due.values_list("pk", flat=True)
        ]


def send_offer(tenant: Tenant, recipient: str) -> tuple[Notification, str]:
    """An offer email queued and delivered once; returns it and what delivery made of it."""
    with tenant.scope():
        notification = notification_queue(
            organization=tenant.organization,
            email=OutgoingEmail(
                kind=NotificationKind.OFFER,
                recipient=recipient,
                language="en",
                context={"candidate_name": "Ayu", "position": "Backend Engineer"},
                dedupe_key="offer:1",
                caused_by="application:1",
            ),
        )
        outcome = deliver_notifications([str(notification.pk)], tenant.organization)
    return notification, outcome[str(notification.pk)]


def make_due(delivery: WebhookDelivery) -> None:
    WebhookDelivery.unscoped.filter(pk=delivery.pk).update(send_after=timezone.now() - timedelta(seconds=1))


def fresh(row: WebhookDelivery | WebhookEndpoint) -> WebhookDelivery | WebhookEndpoint:
    return type(row).unscoped.get(pk=row.pk)


def test_sign_reproduces_the_standard_webhooks_reference_signature() -> None:
    signature = sign(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        b'{"test": 2432232314}',
    )

    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_new_endpoint_has_a_standard_webhooks_secret_of_24_random_bytes(world: World) -> None:
    endpoint = subscribe(world.a, "https://ats.example/hooks")

    assert endpoint.secret.startswith("whsec_")
    assert len(base64.b64decode(endpoint.secret.removeprefix("whsec_"))) == 24


def test_endpoint_url_must_be_http_or_https(world: World) -> None:
    with pytest.raises(ValidationError) as raised:
        subscribe(world.a, "ftp://ats.example/hooks")

    assert list(raised.value.message_dict) == ["url"]
    assert WebhookEndpoint.unscoped.count() == 0


def test_signature_verifies_with_the_endpoint_secret_and_the_exact_body(
    world: World, receiver: Receiver
) -> None:
    endpoint = subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)

    assert deliver_due(world.a) == ["sent"]

    [request] = receiver.requests
    assert request.headers["content-type"] == "application/json"
    assert request.headers["webhook-id"] == str(delivery.pk)
    assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 5
    assert verify(endpoint.secret, request.headers, request.body) is True


def test_body_is_the_event_with_the_delivery_id_and_json_ready_data(world: World, receiver: Receiver) -> None:
    subscribe(world.a, receiver.url())
    application_id = uuid.uuid4()
    hired_at = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    with world.a.scope():
        [delivery] = webhook_event_publish(
            organization=world.a.organization,
            event=HIRED,
            data={"application": application_id, "hired_at": hired_at},
            dedupe_key="application:1:hired",
        )

    deliver_due(world.a)

    body = json.loads(receiver.requests[0].body)
    assert body == {
        "id": str(delivery.pk),
        "type": "application.hired",
        "created_at": delivery.payload["created_at"],
        "data": {"application": str(application_id), "hired_at": "2026-11-26T03:00:00Z"},
    }
    assert abs(datetime.fromisoformat(body["created_at"]) - timezone.now()) < timedelta(seconds=5)


def test_retry_sends_the_same_webhook_id(world: World, receiver: Receiver) -> None:
    subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)
    receiver.status = 500
    deliver_due(world.a)

    receiver.status = 200
    make_due(delivery)
    assert deliver_due(world.a) == ["sent"]

    assert [request.headers["webhook-id"] for request in receiver.requests] == [str(delivery.pk)] * 2


def test_first_failure_is_retried_about_a_minute_later(world: World, receiver: Receiver) -> None:
    subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)
    receiver.status = 503

    assert deliver_due(world.a) == ["pending"]

    delivery = fresh(delivery)
    assert (delivery.attempts, delivery.response_status, delivery.last_error) == (1, 503, "HTTP 503")
    assert timedelta(seconds=50) < delivery.send_after - timezone.now() <= timedelta(seconds=60)


def test_network_error_is_retried(world: World) -> None:
    subscribe(world.a, f"http://127.0.0.1:{free_port()}/hooks")
    [delivery] = publish(world.a)

    assert deliver_due(world.a) == ["pending"]

    delivery = fresh(delivery)
    assert delivery.last_error.startswith("ConnectError")
    assert delivery.response_status is None


def test_redirect_is_not_followed_and_counts_as_a_failure(world: World, receiver: Receiver) -> None:
    subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)
    receiver.status = 302

    assert deliver_due(world.a) == ["pending"]

    assert len(receiver.requests) == 1
    assert fresh(delivery).last_error == "HTTP 302"


def test_success_after_failures_marks_sent_and_resets_consecutive_failures(
    world: World, receiver: Receiver
) -> None:
    endpoint = subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)
    receiver.status = 500
    for _attempt in range(3):
        make_due(delivery)
        deliver_due(world.a)
    assert fresh(endpoint).consecutive_failures == 3

    receiver.status = 202
    make_due(delivery)
    assert deliver_due(world.a) == ["sent"]

    delivery = fresh(delivery)
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("sent", 4, 202)
    assert delivery.delivered_at is not None and delivery.last_error == ""
    assert fresh(endpoint).consecutive_failures == 0


def test_seven_failures_in_a_row_disable_the_endpoint_and_cancel_its_pending_deliveries(
    world: World, receiver: Receiver
) -> None:
    endpoint = subscribe(world.a, receiver.url())
    deliveries = [publish(world.a, key=f"application:{n}:hired")[0] for n in range(8)]
    receiver.status = 500

    outcomes = deliver_due(world.a)

    assert outcomes == ["pending"] * 6 + ["failed", "skipped"]
    assert len(receiver.requests) == 7
    endpoint = fresh(endpoint)
    assert (endpoint.is_active, endpoint.consecutive_failures) == (False, 7)
    assert endpoint.disabled_at is not None
    assert endpoint.disabled_reason == "7 failed deliveries in a row; the last: HTTP 500"
    assert [fresh(delivery).status for delivery in deliveries] == ["cancelled"] * 6 + ["failed", "cancelled"]


def test_reenabling_a_disabled_endpoint_resets_its_failures(world: World, receiver: Receiver) -> None:
    endpoint = subscribe(world.a, receiver.url())
    for n in range(7):
        publish(world.a, key=f"application:{n}:hired")
    receiver.status = 500
    deliver_due(world.a)

    with world.a.scope():
        webhook_endpoint_update(organization=world.a.organization, endpoint=endpoint, is_active=True)

    endpoint = fresh(endpoint)
    assert (endpoint.is_active, endpoint.consecutive_failures) == (True, 0)
    assert (endpoint.disabled_at, endpoint.disabled_reason) == (None, "")


def test_owner_sees_the_disabled_endpoint_and_why_in_the_admin(world: World, receiver: Receiver) -> None:
    endpoint = subscribe(world.a, receiver.url())
    for n in range(7):
        publish(world.a, key=f"application:{n}:hired")
    receiver.status = 500
    deliver_due(world.a)
    client = Client()
    client.force_login(world.a.owner)

    listing = client.get(reverse("admin:notifications_webhookendpoint_changelist"))
    change = client.get(reverse("admin:notifications_webhookendpoint_change", args=[endpoint.pk]))

    assert listing.status_code == 200 and receiver.url() in listing.content.decode()
    assert listing.context["cl"].result_list[0].consecutive_failures == 7
    assert "7 failed deliveries in a row; the last: HTTP 500" in change.content.decode()
    assert endpoint.secret in change.content.decode()


def test_reenabling_in_the_admin_resets_the_failures(world: World) -> None:
    endpoint = subscribe(world.a, "https://ats.example/hooks")
    WebhookEndpoint.unscoped.filter(pk=endpoint.pk).update(
        is_active=False, consecutive_failures=7, disabled_at=timezone.now(), disabled_reason="HTTP 500"
    )
    client = Client()
    client.force_login(world.a.owner)

    response = client.post(
        reverse("admin:notifications_webhookendpoint_change", args=[endpoint.pk]),
        {"url": endpoint.url, "description": "ATS", "is_active": "on"},
    )

    assert response.status_code == 302
    endpoint = fresh(endpoint)
    assert (endpoint.is_active, endpoint.consecutive_failures, endpoint.disabled_reason) == (True, 0, "")


def test_recruiter_cannot_open_webhook_endpoints_in_the_admin(world: World) -> None:
    endpoint = subscribe(world.a, "https://ats.example/hooks")
    client = Client()
    client.force_login(world.a.recruiter)

    response = client.get(reverse("admin:notifications_webhookendpoint_change", args=[endpoint.pk]))

    assert response.status_code == 403


def test_disabling_an_endpoint_cancels_its_pending_deliveries(world: World, receiver: Receiver) -> None:
    endpoint = subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)

    with world.a.scope():
        webhook_endpoint_update(organization=world.a.organization, endpoint=endpoint, is_active=False)
    deliver_due(world.a)

    assert fresh(delivery).status == NotificationStatus.CANCELLED
    assert receiver.requests == []


def test_sent_delivery_is_never_sent_again(world: World, receiver: Receiver) -> None:
    subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)
    deliver_due(world.a)

    make_due(delivery)
    with world.a.scope():
        outcome = deliver_webhook_delivery(str(delivery.pk), world.a.organization)

    assert outcome == "skipped"
    assert len(receiver.requests) == 1


def test_publishing_the_same_dedupe_key_twice_creates_one_delivery(world: World) -> None:
    subscribe(world.a, "https://ats.example/hooks")

    [first] = publish(world.a, key="application:1:hired")
    [again] = publish(world.a, key="application:1:hired")

    assert again.pk == first.pk
    assert WebhookDelivery.unscoped.count() == 1


def test_endpoint_not_subscribed_to_the_event_gets_nothing(world: World) -> None:
    subscribe(world.a, "https://ats.example/hooks", events=[WebhookEvent.APPLICATION_CREATED])

    assert publish(world.a, event=HIRED) == []

    assert WebhookDelivery.unscoped.count() == 0


def test_endpoint_with_no_events_chosen_gets_every_event(world: World) -> None:
    endpoint = subscribe(world.a, "https://ats.example/hooks")

    for event in WebhookEvent.values:
        publish(world.a, key=f"k:{event}", event=event)

    events = WebhookDelivery.unscoped.filter(endpoint=endpoint).values_list("event", flat=True)
    assert sorted(events) == sorted(WebhookEvent.values)


def test_inactive_endpoint_gets_nothing(world: World) -> None:
    endpoint = subscribe(world.a, "https://ats.example/hooks")
    with world.a.scope():
        webhook_endpoint_update(organization=world.a.organization, endpoint=endpoint, is_active=False)

    assert publish(world.a) == []

    assert WebhookDelivery.unscoped.count() == 0


def test_unknown_event_name_is_refused(world: World) -> None:
    subscribe(world.a, "https://ats.example/hooks")

    with pytest.raises(ValueError, match="application.hierd"):
        publish(world.a, event="application.hierd")

    assert WebhookDelivery.unscoped.count() == 0


def test_other_organizations_endpoints_never_receive_organization_a_events(
    world: World, receiver: Receiver
) -> None:
    subscribe(world.b, receiver.url())
    own = subscribe(world.a, "https://ats.example/hooks")

    deliveries = publish(world.a)
    deliver_due(world.b)

    assert [delivery.endpoint_id for delivery in deliveries] == [own.pk]
    assert WebhookDelivery.unscoped.filter(organization=world.b.organization).count() == 0
    assert receiver.requests == []


def test_delivering_another_organizations_delivery_does_nothing(world: World, receiver: Receiver) -> None:
    subscribe(world.b, receiver.url())
    [delivery_of_b] = publish(world.b)

    with world.a.scope():
        outcome = deliver_webhook_delivery(str(delivery_of_b.pk), world.a.organization)

    assert outcome == "skipped"
    delivery_of_b = fresh(delivery_of_b)
    assert (delivery_of_b.status, delivery_of_b.attempts) == ("pending", 0)
    assert receiver.requests == []


def test_updating_another_organizations_endpoint_is_refused_and_changes_nothing(world: World) -> None:
    endpoint_of_b = subscribe(world.b, "https://b.example/hooks")

    with world.a.scope(), pytest.raises(WebhookEndpoint.DoesNotExist):
        webhook_endpoint_update(
            organization=world.a.organization, endpoint=endpoint_of_b, url="https://evil.example/"
        )

    endpoint_of_b = fresh(endpoint_of_b)
    assert (endpoint_of_b.url, endpoint_of_b.is_active) == ("https://b.example/hooks", True)


def test_ping_reaches_an_endpoint_whatever_it_subscribes_to(world: World, receiver: Receiver) -> None:
    endpoint = subscribe(world.a, receiver.url(), events=[WebhookEvent.APPLICATION_CREATED])

    with world.a.scope():
        delivery = webhook_ping(organization=world.a.organization, endpoint=endpoint)
    deliver_due(world.a)

    body = json.loads(receiver.requests[0].body)
    assert (body["id"], body["type"], body["data"]) == (
        str(delivery.pk),
        "webhook.ping",
        {"endpoint": str(endpoint.pk)},
    )


def test_notification_failed_is_published_when_an_email_fails_for_good(
    world: World, inbox: Inbox, receiver: Receiver
) -> None:
    subscribe(world.a, receiver.url(), events=[WebhookEvent.NOTIFICATION_FAILED])
    inbox.refuse["nobody@mail.test"] = "550 5.1.1 No such user"
    notification, outcome = send_offer(world.a, "nobody@mail.test")
    assert outcome == "failed"
    deliver_due(world.a)

    delivery = WebhookDelivery.unscoped.get()
    assert (delivery.event, delivery.dedupe_key) == (
        "notification.failed",
        f"notification:{notification.pk}:failed:1",
    )
    assert json.loads(receiver.requests[0].body)["data"] == {
        "notification": str(notification.pk),
        "kind": "offer",
        "recipient": "nobody@mail.test",
        "error": Notification.unscoped.get().last_error,
        "caused_by": "application:1",
    }


def test_email_that_will_be_retried_publishes_nothing(world: World, smtp_down: int) -> None:
    subscribe(world.a, "https://ats.example/hooks", events=[WebhookEvent.NOTIFICATION_FAILED])
    _notification, outcome = send_offer(world.a, "ayu@mail.test")
    assert outcome == "pending"

    assert WebhookDelivery.unscoped.count() == 0


def test_relay_delivers_a_webhook_whose_wake_up_was_lost(
    world: World, receiver: Receiver, eager_celery: None
) -> None:
    subscribe(world.a, receiver.url())
    [delivery] = publish(world.a)

    assert relay() == 1

    assert fresh(delivery).status == NotificationStatus.SENT
    assert [request.headers["webhook-id"] for request in receiver.requests] == [str(delivery.pk)]


def test_verify_rejects_a_tampered_body(world: World) -> None:
    secret = subscribe(world.a, "https://ats.example/hooks").secret
    timestamp = int(time.time())
    body = b'{"type":"application.hired","data":{"application":"1"}}'
    headers = {
        "webhook-id": "d1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, "d1", timestamp, body),
    }

    assert verify(secret, headers, body.replace(b'"1"', b'"2"')) is False


def test_verify_rejects_a_timestamp_outside_the_tolerance(world: World) -> None:
    secret = subscribe(world.a, "https://ats.example/hooks").secret
    timestamp = int(time.time()) - 301
    body = b"{}"
    headers = {
        "webhook-id": "d1",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, "d1", timestamp, body),
    }

    assert verify(secret, headers, body, tolerance=300) is False


def test_verify_rejects_a_signature_that_is_not_ascii(world: World) -> None:
    secret = subscribe(world.a, "https://ats.example/hooks").secret
    headers = {"webhook-id": "d1", "webhook-timestamp": str(int(time.time())), "webhook-signature": "v1,é"}

    assert verify(secret, headers, b"{}") is False
