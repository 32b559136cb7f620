"""Organization A's key against organization B's objects, for every operation in the OpenAPI schema.

A new endpoint is covered without a new test: its path is read from the schema. A new resource must
name how to make one of B's objects in OBJECT_MAKERS, or `test_every_resource_has_an_object_maker` fails.
"""

import json
from collections.abc import Callable

import pytest
from django.apps import apps
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from recruitment.followups import followup_log
from recruitment.services import application_hire
from tests.api.conftest import api_client
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db

TENANT_MODELS = [
    model for model in apps.get_models() if any(field.name == "organization" for field in model._meta.fields)
]


def make_interview(tenant: Tenant) -> object:
    application = tenant.interviewed_application()
    with tenant.scope():
        return application.interviews.get()


def make_followup(tenant: Tenant) -> object:
    application = tenant.interviewed_application()
    with tenant.scope():
        return followup_log(
            organization=tenant.organization,
            actor=tenant.actor,
            application=application,
            received_at=application.interviews.get().ends_at,
            channel="manual",
            kind="thank_you",
        )


def make_notification(tenant: Tenant) -> object:
    application = tenant.application()
    with tenant.scope():
        application_hire(organization=tenant.organization, actor=tenant.actor, application=application)
        return application.organization.notification_set.get()


def make_webhook(tenant: Tenant) -> object:
    from notifications.webhooks import webhook_endpoint_create

    with tenant.scope():
        return webhook_endpoint_create(
            organization=tenant.organization, url="https://example.test/hook", events=[]
        )


OBJECT_MAKERS: dict[str, Callable[[Tenant], object]] = {
    "jobs": lambda tenant: tenant.job(),
    "candidates": lambda tenant: tenant.candidate(),
    "applications": lambda tenant: tenant.application(),
    "interviews": make_interview,
    "follow-ups": make_followup,
    "notifications": make_notification,
    "webhooks": make_webhook,
}


def schema_operations() -> list[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (path, method)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def resource_of(path: str) -> str:
    return path.removeprefix("/api/v1/").split("/")[0]


def snapshot(tenant: Tenant) -> dict[str, list]:
    return {
        model._meta.label: json.dumps(
            list(model.unscoped.filter(organization=tenant.organization).order_by("pk").values()), default=str
        )
        for model in TENANT_MODELS
        if hasattr(model, "unscoped")
    }


def test_every_resource_has_an_object_maker() -> None:
    resources = {resource_of(path) for path, _method in schema_operations() if "{id}" in path}

    assert resources <= set(OBJECT_MAKERS), f"add makers for {resources - set(OBJECT_MAKERS)}"


@pytest.mark.parametrize(("path", "method"), [op for op in schema_operations() if "{id}" in op[0]])
def test_other_organizations_object_is_404_and_unchanged(
    world: World, api_a: APIClient, path: str, method: str
) -> None:
    foreign = OBJECT_MAKERS[resource_of(path)](world.b)
    before = snapshot(world.b)

    response = getattr(api_a, method)(path.replace("{id}", str(foreign.pk)), {}, format="json")

    assert response.status_code == 404, response.content
    assert response.json()["type"] == "not_found"
    assert snapshot(world.b) == before


@pytest.mark.parametrize(
    "path", sorted({p for p, m in schema_operations() if m == "get" and "{id}" not in p})
)
def test_lists_never_show_another_organizations_ids(world: World, api_a: APIClient, path: str) -> None:
    foreign_ids = {str(make(world.b).pk) for make in OBJECT_MAKERS.values()}
    world.a.interviewed_application()

    response = api_a.get(path)

    assert response.status_code == 200
    assert not any(foreign_id in response.content.decode() for foreign_id in foreign_ids)


def test_b_key_sees_its_own_object(world: World) -> None:
    application = world.b.application()

    assert api_client(world.b).get(f"/api/v1/applications/{application.pk}/").status_code == 200
