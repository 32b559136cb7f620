import json

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from notifications.models import WebhookDelivery
from notifications.webhook_delivery import deliver_webhook_delivery
from notifications.webhooks import verify
from tests.conftest import World
from tests.http_receiver import http_receiver

pytestmark = pytest.mark.django_db


def deliver_all(world: World) -> None:
    for delivery_id in WebhookDelivery.unscoped.filter(status="pending").values_list("pk", flat=True):
        deliver_webhook_delivery(str(delivery_id), world.a.organization)


def test_webhook_endpoint_is_created_with_a_secret(world: World, api_a: APIClient) -> None:
    response = api_a.post(
        "/api/v1/webhooks/",
        {"url": "https://ats.example/hooks", "events": ["application.hired"]},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["secret"].startswith("whsec_")
    assert response.json()["events"] == ["application.hired"]


def test_unknown_event_is_a_400(world: World, api_a: APIClient) -> None:
    response = api_a.post(
        "/api/v1/webhooks/", {"url": "https://ats.example/h", "events": ["nope"]}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "events.0"


def test_endpoint_can_be_disabled_and_deleted(world: World, api_a: APIClient) -> None:
    endpoint = api_a.post("/api/v1/webhooks/", {"url": "https://ats.example/h"}, format="json").json()

    disabled = api_a.patch(f"/api/v1/webhooks/{endpoint['id']}/", {"is_active": False}, format="json")
    deleted = api_a.delete(f"/api/v1/webhooks/{endpoint['id']}/")

    assert disabled.json()["is_active"] is False
    assert deleted.status_code == 204
    assert api_a.get(f"/api/v1/webhooks/{endpoint['id']}/").status_code == 404


def test_moving_an_application_posts_a_signed_stage_changed_webhook(world: World, api_a: APIClient) -> None:
    with http_receiver() as receiver:
        endpoint = api_a.post(
            "/api/v1/webhooks/",
            {"url": receiver.url(), "events": ["application.stage_changed"]},
            format="json",
        ).json()
        application = world.a.application()
        with world.a.scope():
            applied, screening = application.job.stages.order_by("order")[:2]
        api_a.post(
            f"/api/v1/applications/{application.pk}/move/",
            {"from_stage": str(applied.pk), "to_stage": str(screening.pk)},
            format="json",
        )
        with world.a.scope():
            deliver_all(world)

    [request] = receiver.requests
    body = json.loads(request.body)
    assert body["type"] == "application.stage_changed"
    assert body["data"]["application"]["id"] == str(application.pk)
    assert body["data"]["change"]["to_stage"] == str(screening.pk)
    assert verify(endpoint["secret"], request.headers, request.body)
    assert int(request.headers["webhook-timestamp"]) <= timezone.now().timestamp() + 1


def test_automatic_rejection_and_followups_are_announced(world: World, api_a: APIClient) -> None:
    from recruitment.sweep import decision_sweep

    api_a.post("/api/v1/webhooks/", {"url": "https://ats.example/h"}, format="json")
    application = world.a.interviewed_application(days_ago=20)
    api_a.post(
        "/api/v1/follow-ups/",
        {
            "application": str(application.pk),
            "kind": "status_inquiry",
            "received_at": timezone.now().isoformat(),
        },
        format="json",
    )

    decision_sweep()

    events = list(WebhookDelivery.unscoped.order_by("created_at").values_list("event", flat=True))
    assert events == ["application.created", "followup.received", "application.rejected"]
    rejected = WebhookDelivery.unscoped.get(event="application.rejected")
    assert rejected.payload["data"]["change"]["automatic"] is True


def test_ping_queues_a_delivery(world: World, api_a: APIClient) -> None:
    endpoint = api_a.post(
        "/api/v1/webhooks/", {"url": "https://ats.example/h", "events": ["application.hired"]}, format="json"
    ).json()

    response = api_a.post(f"/api/v1/webhooks/{endpoint['id']}/ping/")

    assert response.status_code == 202
    assert response.json()["event"] == "webhook.ping"
