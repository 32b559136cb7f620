import hashlib
import json
from contextlib import ExitStack
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from django.http import HttpResponseBase
from rest_framework import mixins, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response

from tenancy.api.errors import ApiError
from tenancy.api.idempotency import Replay, idempotency_begin, idempotency_finish
from tenancy.api.pagination import KabarCursorPagination
from tenancy.api.projection import projection_for
from tenancy.api.ratelimit import rate_limit_consume
from tenancy.scope import org_scope


def etag_for(representation: Any) -> str:
    encoded = json.dumps(representation, sort_keys=True, cls=DjangoJSONEncoder).encode()
    return f'"{hashlib.sha256(encoded).hexdigest()[:32]}"'


class OrganizationScopedViewSet(viewsets.GenericViewSet):
    """Base of every API view: the one place that sets the organization scope for API requests.

    Invariant: from authentication until the response is built the scope is the API key's organization,
    and every queryset starts from the model's scoped manager, so another organization's object is a 404
    exactly like a missing one. The base also owns the cross-cutting contract: rate limit, Idempotency-Key
    on POST, ETag on single objects and If-Match on updates. Subclasses narrow with `narrow_queryset`, by
    nothing that changes between one API key's requests, such as its parameters or the time (lists reuse
    the narrowed query per key; parameters are what filters are for); they may not override
    `get_queryset`, `dispatch`, `initial` or `finalize_response`.
    """

    model: type[Model]
    pagination_class = KabarCursorPagination

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("get_queryset", "dispatch", "initial", "finalize_response"):
            if name in cls.__dict__:
                raise TypeError(f"{cls.__name__} may not override {name}(); use narrow_queryset().")

    def dispatch(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self._idempotency = None
        self._rate_limit = None
        with ExitStack() as self._scope:
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self._scope.enter_context(org_scope(request.auth.organization))
        self._rate_limit = rate_limit_consume(request.auth.pk)
        if self._rate_limit is not None and self._rate_limit.exceeded:
            raise ApiError(429, "rate_limited", "Too many requests for this API key; retry after the window.")
        self._idempotency = idempotency_begin(request, request.auth.organization)

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, Replay):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        if self._idempotency is not None:
            idempotency_finish(self._idempotency, response)
            self._idempotency = None
        if self._rate_limit is not None:
            response["X-RateLimit-Limit"] = str(self._rate_limit.limit)
            response["X-RateLimit-Remaining"] = str(max(self._rate_limit.remaining, 0))
            if self._rate_limit.exceeded:
                response["Retry-After"] = str(self._rate_limit.retry_after)
        if (
            isinstance(response, Response)
            and response.status_code == 200
            and isinstance(response.data, dict)
            and "results" not in response.data
            and "id" in response.data
        ):
            response["ETag"] = etag_for(response.data)
        return super().finalize_response(request, response, *args, **kwargs)

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):
            # Schema generation inspects views with no request and so no scope.
            return self.model.unscoped.none()
        return self.narrow_queryset(self.model.objects.all())

    def narrow_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset

    def check_if_match(self, instance: Model) -> None:
        """A stale `If-Match` on an update is a 412: someone changed the object since it was read."""
        expected = self.request.headers.get("If-Match")
        if (
            expected
            and expected.strip() != "*"
            and expected.strip() != etag_for(self.get_serializer(instance).data)
        ):
            raise ApiError(412, "stale_etag", "The object changed since it was read; fetch it again.")


# The shared part of list queries, per view, API key and columns read; when full, it starts again.
_listed_rows: dict[tuple[type, object, tuple[str, ...]], QuerySet] = {}
_LISTED_ROWS_KEPT = 1024


class ListModelMixin(mixins.ListModelMixin):
    """DRF's list, reading the page as column values when the serializer allows (tenancy/api/projection.py).

    The part of the query that every list request of one API key shares (the organization's scope, the
    view's narrowing and the columns read) is built once per key and reused: building it through the ORM,
    the columns above all, was about a tenth of a list request. Each request still adds its own filters,
    ordering and page, and the query is compiled and run anew every time.
    """

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        projection = projection_for(self.get_serializer_class())
        if projection is None or not isinstance(self.paginator, CursorPagination):
            return super().list(request, *args, **kwargs)
        paths = tuple(projection.paths)
        rows = self.listed_rows(paths)
        # The cursor is built from the page's last row, so its ordering columns are read too.
        ordering = [name.lstrip("-") for name in self.paginator.get_ordering(request, rows, self)]
        if not set(ordering) <= set(paths):
            rows = rows.values(*dict.fromkeys([*paths, *ordering]))
        page = self.paginate_queryset(self.filter_queryset(rows))
        return self.get_paginated_response(projection.render(page))

    def listed_rows(self, paths: tuple[str, ...]) -> QuerySet:
        key = (type(self), self.request.auth.pk, paths)
        rows = _listed_rows.get(key)
        if rows is None:
            if len(_listed_rows) >= _LISTED_ROWS_KEPT:
                _listed_rows.clear()
            rows = _listed_rows[key] = self.get_queryset().values(*paths)
        # A copy, so that nothing done to the list's queryset can ever evaluate and fill the shared one.
        return rows.all()
