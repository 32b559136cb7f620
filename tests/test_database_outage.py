"""PostgreSQL out of reach: requests fail fast with a 503 and Retry-After, and recover by themselves."""

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from config.middleware import DatabaseUnavailableMiddleware
from tests.api.conftest import api_client
from tests.conftest import World
from tests.smtp import free_port


@contextmanager
def database_out_of_reach() -> Iterator[None]:
    """Points the connection at a closed port, as while PostgreSQL restarts; puts it back after."""
    settings_dict = connection.settings_dict
    saved = settings_dict["HOST"], settings_dict["PORT"]
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", free_port()
    try:
        yield
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = saved


@pytest.mark.django_db(transaction=True)
def test_request_while_the_database_is_down_is_a_fast_503_with_retry_after(world: World) -> None:
    client = api_client(world.a)

    with database_out_of_reach():
        started = time.monotonic()
        response = client.get("/api/v1/jobs/")
        elapsed = time.monotonic() - started

    assert (response.status_code, response["Retry-After"]) == (503, "5")
    assert response.json() == {
        "type": "service_unavailable",
        "errors": [
            {
                "code": "database_unavailable",
                "detail": "The database cannot be reached; retry after a few seconds.",
                "field": None,
            }
        ],
    }
    assert elapsed < 2


@pytest.mark.django_db(transaction=True)
def test_the_next_request_after_the_database_is_back_succeeds(world: World) -> None:
    client = api_client(world.a)
    with database_out_of_reach():
        assert client.get("/api/v1/jobs/").status_code == 503

    response = client.get("/api/v1/jobs/")

    assert response.status_code == 200


def test_a_driver_error_that_escaped_djangos_wrapper_is_a_503_too() -> None:
    middleware = DatabaseUnavailableMiddleware(lambda request: HttpResponse())
    error = connection.Database.errors.AdminShutdown("terminating connection due to administrator command")

    response = middleware.process_exception(RequestFactory().get("/api/v1/jobs/"), error)

    assert (response.status_code, response["Retry-After"]) == (503, "5")


def test_other_errors_are_left_to_django() -> None:
    middleware = DatabaseUnavailableMiddleware(lambda request: HttpResponse())

    assert middleware.process_exception(RequestFactory().get("/api/v1/jobs/"), ValueError("a bug")) is None
