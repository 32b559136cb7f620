from contextlib import ExitStack
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpResponseBase
from rest_framework import viewsets
from rest_framework.request import Request

from tenancy.scope import org_scope


class OrganizationScopedViewSet(viewsets.GenericViewSet):
    """Base of every API view: the one place that sets the organization scope for API requests.

    Invariant: the scope is the API key's organization from authentication until the response is built,
    and every queryset starts from the model's scoped manager, so another organization's object is a 404
    exactly like a missing one. Subclasses narrow with `narrow_queryset`; they may not override
    `get_queryset` or `dispatch`.
    """

    model: type[Model]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("get_queryset", "dispatch", "initial"):
            if name in cls.__dict__:
                raise TypeError(f"{cls.__name__} may not override {name}(); use narrow_queryset().")

    def dispatch(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with ExitStack() as self._scope:
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self._scope.enter_context(org_scope(request.auth.organization))

    def get_queryset(self) -> QuerySet:
        return self.narrow_queryset(self.model.objects.all())

    def narrow_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset
