"""Lists read as column values instead of model instances, represented by the serializer's own fields.

Most of the time of a 50-row list went into building model instances (three per application, with its
candidate and stage) and walking DRF's attribute lookup for every field of every row. When every readable
field of a serializer is a model column, reached through forward foreign keys (a nested serializer is one
such key), the list asks for exactly those columns with `values()` and hands each value to the field's
own `to_representation`: the JSON is the serializer's, at a fraction of the cost. Any other serializer
(method fields, many-valued fields, files, properties) gets `None` here and is listed the usual way.
"""

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import tzinfo
from functools import cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import FileField, ForeignKey, Model, OneToOneField
from django.utils import timezone
from rest_framework import serializers
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField


@dataclass(frozen=True)
class _Column:
    name: str
    path: str
    represent: Callable[[Any], Any]


@dataclass(frozen=True)
class _Nested:
    name: str
    key_path: str  # the related row's primary key: None means no related object
    members: tuple["_Column | _Nested", ...]


class Projection:
    def __init__(self, members: tuple[_Column | _Nested, ...]) -> None:
        self.members = members
        self.paths = sorted(set(_paths(members)))

    def render(self, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        return [_render(self.members, row) for row in rows]


def _paths(members: Iterable[_Column | _Nested]) -> Iterable[str]:
    for member in members:
        if isinstance(member, _Nested):
            yield member.key_path
            yield from _paths(member.members)
        else:
            yield member.path


def _render(members: tuple[_Column | _Nested, ...], row: dict[str, Any]) -> dict[str, Any]:
    represented = {}
    for member in members:
        if isinstance(member, _Nested):
            has_related = row[member.key_path] is not None
            represented[member.name] = _render(member.members, row) if has_related else None
        else:
            value = row[member.path]
            represented[member.name] = None if value is None else member.represent(value)
    return represented


def projection_for(serializer_class: type[serializers.Serializer]) -> Projection | None:
    """The serializer's representation as columns, or None when a field is not a plain column."""
    return _projection(serializer_class, timezone.get_current_timezone())


@cache
def _projection(serializer_class: type[serializers.Serializer], zone: tzinfo) -> Projection | None:
    if not issubclass(serializer_class, serializers.ModelSerializer):
        return None
    members = _members(serializer_class(), serializer_class.Meta.model, prefix="", zone=zone)
    return None if members is None else Projection(members)


def _members(
    serializer: serializers.Serializer, model: type[Model], prefix: str, zone: tzinfo
) -> tuple[_Column | _Nested, ...] | None:
    members: list[_Column | _Nested] = []
    for field in serializer.fields.values():
        if field.write_only:
            continue
        member = _member(field, model, prefix, zone)
        if member is None:
            return None
        members.append(member)
    return tuple(members)


def _member(
    field: serializers.Field, model: type[Model], prefix: str, zone: tzinfo
) -> _Column | _Nested | None:
    model_field = _follow(model, field.source_attrs)
    if model_field is None:
        return None
    path = prefix + "__".join(field.source_attrs)
    # `job` is the related object, `job_id` its key column.
    is_relation = model_field.is_relation and field.source_attrs[-1] == model_field.name
    if isinstance(field, serializers.ModelSerializer):
        related = model_field.related_model
        if not is_relation or field.Meta.model is not related:
            return None
        members = _members(field, related, prefix=f"{path}__", zone=zone)
        if members is None:
            return None
        return _Nested(field.field_name, f"{path}__{related._meta.pk.name}", members)
    if isinstance(field, PrimaryKeyRelatedField) and is_relation:
        return _Column(
            field.field_name, path, lambda pk, field=field: field.to_representation(PKOnlyObject(pk))
        )
    if is_relation or isinstance(field, serializers.BaseSerializer | serializers.RelatedField):
        return None
    if isinstance(model_field, FileField):  # represented from the file object, not the stored name
        return None
    if isinstance(field, serializers.DateTimeField) and not hasattr(field, "timezone"):
        # DRF looks the current timezone up for every value it represents; a projection is built for
        # one timezone (see projection_for), so its fields are given it once.
        field = copy.copy(field)
        field.timezone = zone
    return _Column(field.field_name, path, field.to_representation)


def _follow(model: type[Model], attributes: list[str]) -> Any:
    """The model field that `attributes` name, through forward foreign keys only; None otherwise."""
    if not attributes or attributes == ["*"]:
        return None
    for position, attribute in enumerate(attributes):
        try:
            model_field = model._meta.get_field(attribute)
        except FieldDoesNotExist:
            return None
        if not model_field.concrete or model_field.many_to_many:
            return None
        if position < len(attributes) - 1:
            if not isinstance(model_field, ForeignKey | OneToOneField):
                return None
            model = model_field.related_model
    return model_field
