"""Middleware of the whole site (the apps' own live in their packages)."""

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached answers 503 with Retry-After, at once, instead of a 500.

    PostgreSQL restarting, refusing connections or dropping one mid-request is an outage, not a bug in the
    request: the client is told to retry. A broken connection is not reused (Django closes it after the
    error, or its health check finds it before the next request), so Kabar recovers by itself once the
    server is back. The driver's own errors count too: code that uses a raw driver cursor raises them
    unwrapped. Other errors pass through untouched.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        driver = connection.Database
        unavailable = (OperationalError, InterfaceError, driver.OperationalError, driver.InterfaceError)
        if not isinstance(exception, unavailable):
            return None
        logger.warning("Database unavailable for %s %s: %s", request.method, request.path, exception)
        response = JsonResponse(
            {
                "type": "service_unavailable",
                "errors": [
                    {
                        "code": "database_unavailable",
                        "detail": "The database cannot be reached; retry after a few seconds.",
                        "field": None,
                    }
                ],
            },
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
