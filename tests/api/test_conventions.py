import threading
from datetime import timedelta

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from recruitment.models import Application, ApplicationStatus, StageKind
from tenancy.models import ApiKey, IdempotencyKey
from tenancy.services import api_key_create
from tests.api.conftest import api_client
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def test_request_without_a_key_is_401_in_the_error_shape(world: World) -> None:
    response = APIClient().get("/api/v1/applications/")

    assert response.status_code == 401
    assert response.json()["type"] == "authentication_error"
    assert response.json()["errors"][0].keys() == {"code", "detail", "field"}
    assert response["WWW-Authenticate"] == "Bearer"


def test_revoked_key_is_401(world: World, api_a: APIClient) -> None:
    ApiKey.unscoped.filter(pk=world.a.api_key.pk).update(revoked_at=timezone.now())

    assert api_a.get("/api/v1/jobs/").status_code == 401


def test_read_only_key_cannot_write(world: World) -> None:
    with world.a.scope():
        _key, raw = api_key_create(organization=world.a.organization, name="reader", scopes=["read"])
    reader = api_client(world.a, raw)

    assert reader.get("/api/v1/jobs/").status_code == 200
    response = reader.post("/api/v1/jobs/", {"title": "Designer"})
    assert response.status_code == 403
    assert response.json()["type"] == "permission_denied"


def test_another_organizations_object_looks_exactly_like_a_missing_one(
    world: World, api_a: APIClient
) -> None:
    application_b = world.b.application()

    foreign = api_a.get(f"/api/v1/applications/{application_b.pk}/")
    missing = api_a.get("/api/v1/applications/00000000-0000-0000-0000-000000000000/")

    assert foreign.status_code == missing.status_code == 404
    assert foreign.json() == missing.json()


def test_validation_error_is_400_with_field_messages(world: World, api_a: APIClient) -> None:
    response = api_a.post("/api/v1/applications/", {"job": "not-a-uuid"}, format="json")

    assert response.status_code == 400
    fields = {error["field"] for error in response.json()["errors"]}
    assert fields == {"job", "candidate"}


def test_stale_from_stage_is_a_409_with_its_code(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    with world.a.scope():
        applied, screening, interview = application.job.stages.order_by("order")[:3]
    move = f"/api/v1/applications/{application.pk}/move/"
    api_a.post(move, {"from_stage": str(applied.pk), "to_stage": str(screening.pk)}, format="json")

    response = api_a.post(move, {"from_stage": str(applied.pk), "to_stage": str(interview.pk)}, format="json")

    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "stale_from_stage"


def test_malformed_json_is_a_400_not_a_500(world: World, api_a: APIClient) -> None:
    response = api_a.generic("POST", "/api/v1/jobs/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"


def test_same_idempotency_key_and_body_replays_the_first_response(world: World, api_a: APIClient) -> None:
    body = {"job": str(world.a.job().pk), "candidate": {"email": "ayu@mail.test", "full_name": "Ayu"}}

    first = api_a.post("/api/v1/applications/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    second = api_a.post("/api/v1/applications/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")

    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Application.unscoped.count() == 1


def test_same_idempotency_key_with_another_body_is_422(world: World, api_a: APIClient) -> None:
    api_a.post("/api/v1/jobs/", {"title": "Designer"}, format="json", HTTP_IDEMPOTENCY_KEY="k-2")

    response = api_a.post("/api/v1/jobs/", {"title": "Analyst"}, format="json", HTTP_IDEMPOTENCY_KEY="k-2")

    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "idempotency_key_reused"


def test_retry_while_the_first_request_runs_is_409(world: World, api_a: APIClient) -> None:
    first = api_a.post("/api/v1/jobs/", {"title": "Designer"}, format="json", HTTP_IDEMPOTENCY_KEY="k-3")
    IdempotencyKey.unscoped.filter(key="k-3").update(completed_at=None)

    response = api_a.post("/api/v1/jobs/", {"title": "Designer"}, format="json", HTTP_IDEMPOTENCY_KEY="k-3")

    assert first.status_code == 201
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "idempotency_key_in_progress"


def test_idempotency_keys_belong_to_one_organization(
    world: World, api_a: APIClient, api_b: APIClient
) -> None:
    api_a.post("/api/v1/jobs/", {"title": "Designer"}, format="json", HTTP_IDEMPOTENCY_KEY="shared")

    response = api_b.post(
        "/api/v1/jobs/", {"title": "Designer"}, format="json", HTTP_IDEMPOTENCY_KEY="shared"
    )

    assert response.status_code == 201
    assert "Idempotent-Replayed" not in response


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_posts_with_one_key_create_one_row(world: World) -> None:
    job = world.a.job()
    body = {"job": str(job.pk), "candidate": {"email": "race@mail.test", "full_name": "Race"}}
    statuses: list[int] = []
    start = threading.Barrier(20)

    def post() -> None:
        try:
            start.wait()
            response = api_client(world.a).post(
                "/api/v1/applications/", body, format="json", HTTP_IDEMPOTENCY_KEY="same"
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert Application.unscoped.count() == 1
    assert len(statuses) == 20 and set(statuses) <= {201, 409} and 201 in statuses


def test_single_object_has_an_etag_and_a_stale_if_match_is_412(world: World, api_a: APIClient) -> None:
    job = world.a.job()
    url = f"/api/v1/jobs/{job.pk}/"
    etag = api_a.get(url)["ETag"]
    api_a.patch(url, {"title": "Senior Backend Engineer"}, format="json", HTTP_IF_MATCH=etag)

    stale = api_a.patch(url, {"title": "Staff Engineer"}, format="json", HTTP_IF_MATCH=etag)

    assert stale.status_code == 412
    assert api_a.get(url).json()["title"] == "Senior Backend Engineer"


def test_current_if_match_lets_the_update_through(world: World, api_a: APIClient) -> None:
    job = world.a.job()
    url = f"/api/v1/jobs/{job.pk}/"

    response = api_a.patch(url, {"location": "Bandung"}, format="json", HTTP_IF_MATCH=api_a.get(url)["ETag"])

    assert response.status_code == 200
    assert response.json()["location"] == "Bandung"


@pytest.mark.redis
def test_rate_limit_answers_429_with_retry_after(world: World, api_a: APIClient, settings) -> None:  # noqa: ANN001
    settings.API_RATE_LIMIT_PER_MINUTE = 3

    responses = [api_a.get("/api/v1/jobs/") for _ in range(4)]

    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert [r["X-RateLimit-Remaining"] for r in responses] == ["2", "1", "0", "0"]
    assert responses[0]["X-RateLimit-Limit"] == "3"
    assert 1 <= int(responses[3]["Retry-After"]) <= 61


@pytest.mark.redis
def test_rate_limit_window_expires_with_its_minute(world: World, api_a: APIClient, settings) -> None:  # noqa: ANN001
    api_a.get("/api/v1/jobs/")
    api_a.get("/api/v1/jobs/")

    client = redis.Redis.from_url(settings.REDIS_URL)
    windows = client.keys(f"kabar:ratelimit:{world.a.api_key.pk}:*")  # two if the minute just turned
    assert sum(int(client.get(key)) for key in windows) == 2
    assert all(0 < client.ttl(key) <= 61 for key in windows)


@pytest.mark.redis
def test_rate_limit_keeps_counting_after_redis_forgets_its_scripts(
    world: World,
    api_a: APIClient,
    settings,  # noqa: ANN001
) -> None:
    api_a.get("/api/v1/jobs/")
    redis.Redis.from_url(settings.REDIS_URL).script_flush()  # what a restart of Redis does

    response = api_a.get("/api/v1/jobs/")

    assert response.status_code == 200
    limit = settings.API_RATE_LIMIT_PER_MINUTE
    assert int(response["X-RateLimit-Remaining"]) in (limit - 2, limit - 1)  # - 1 if the minute just turned


def test_api_answers_without_a_rate_limit_while_redis_is_unreachable(
    world: World,
    api_a: APIClient,
    settings,  # noqa: ANN001
) -> None:
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    response = api_a.get("/api/v1/jobs/")

    assert response.status_code == 200
    assert "X-RateLimit-Remaining" not in response


def test_api_answers_a_browser_in_json(world: World, api_a: APIClient) -> None:
    response = api_a.get(
        "/api/v1/jobs/", HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_list_is_cursor_paginated(world: World, api_a: APIClient) -> None:
    job = world.a.job()
    for _ in range(3):
        world.a.application(job=job)

    first = api_a.get("/api/v1/applications/?page_size=2").json()
    second = api_a.get(first["next"]).json()

    assert set(first) == {"next", "previous", "results"}
    assert len(first["results"]) == 2 and len(second["results"]) == 1
    assert second["next"] is None


def ids_listed(api: APIClient, query: str = "") -> set[str]:
    return {row["id"] for row in api.get(f"/api/v1/applications/{query}").json()["results"]}


def test_list_shows_what_was_added_since_the_key_last_listed(world: World, api_a: APIClient) -> None:
    first = world.a.application()
    assert ids_listed(api_a) == {str(first.pk)}

    second = world.a.application()

    assert ids_listed(api_a) == {str(first.pk), str(second.pk)}


def test_lists_of_two_organizations_in_turn_show_each_its_own(world: World, api_a: APIClient) -> None:
    mine, theirs = world.a.application(), world.b.application()
    api_b = api_client(world.b)

    assert [ids_listed(api_a), ids_listed(api_b), ids_listed(api_a)] == [
        {str(mine.pk)},
        {str(theirs.pk)},
        {str(mine.pk)},
    ]


def test_list_filters_apply_anew_to_each_request_of_a_key(world: World, api_a: APIClient) -> None:
    active, rejected = world.a.application(), world.a.application()
    with world.a.scope():
        Application.objects.filter(pk=rejected.pk).update(status=ApplicationStatus.REJECTED)

    assert [
        ids_listed(api_a, "?status=active"),
        ids_listed(api_a, "?status=rejected"),
        ids_listed(api_a),
    ] == [
        {str(active.pk)},
        {str(rejected.pk)},
        {str(active.pk), str(rejected.pk)},
    ]


def test_list_runs_the_same_number_of_queries_whatever_the_page_size(in_a: Tenant, api_a: APIClient) -> None:
    job = in_a.job()
    for _ in range(12):
        in_a.application(job=job)

    api_a.get("/api/v1/applications/")  # records the key's last use, once a minute
    counts = []
    for page_size in (2, 10):
        with CaptureQueriesContext(connection) as queries:
            assert api_a.get(f"/api/v1/applications/?page_size={page_size}").status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_times_carry_their_offset(world: World, api_a: APIClient) -> None:
    application = world.a.application()

    created_at = api_a.get(f"/api/v1/applications/{application.pk}/").json()["created_at"]

    assert created_at[-6] in "+-" and created_at[-3] == ":"


def test_application_stage_is_reported_with_its_kind(world: World, api_a: APIClient) -> None:
    application = world.a.application()

    body = api_a.get(f"/api/v1/applications/{application.pk}/").json()

    assert body["stage"]["kind"] == StageKind.APPLIED
    assert body["rejection_reason"] is None and body["decision_due_at"] is None


def test_schema_is_valid_openapi_with_errors_documented(world: World, client) -> None:  # noqa: ANN001
    schema = client.get("/api/v1/schema/?format=json").json()

    operation = schema["paths"]["/api/v1/applications/{id}/move/"]["post"]
    assert {"200", "400", "401", "403", "404", "409", "429"} <= set(operation["responses"])
    assert schema["components"]["securitySchemes"]["ApiKey"]["scheme"] == "bearer"


def test_docs_page_is_served(world: World, client) -> None:  # noqa: ANN001
    assert client.get("/api/v1/docs/").status_code == 200


def test_received_in_the_future_is_refused_with_a_field_message(world: World, api_a: APIClient) -> None:
    application = world.a.application()

    response = api_a.post(
        "/api/v1/follow-ups/",
        {"application": str(application.pk), "received_at": (timezone.now() + timedelta(days=1)).isoformat()},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "received_at"
