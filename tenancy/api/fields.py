from typing import Any

from django.db.models import Model, QuerySet
from rest_framework import serializers


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A related id from a request body, looked up through the model's scoped manager.

    Invariant: only the request organization's rows resolve; another organization's id fails exactly like
    a missing one ("does not exist"). Without a scope the lookup raises rather than resolving anything.
    """

    def __init__(self, model: type[Model], **kwargs: Any) -> None:
        self.model = model
        kwargs.setdefault("pk_field", serializers.UUIDField(format="hex_verbose"))
        if not kwargs.get("read_only"):
            kwargs["queryset"] = model.unscoped.none()
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet:
        return self.model.objects.all()
