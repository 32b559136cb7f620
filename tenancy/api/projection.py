"""Lists read as column values instead of model instances, represented by the serializer's own fields.

Most of the time of a 50-row list went into building model instances (three per application, with its
candidate and stage) and walking DRF's attribute lookup for every field of every row. When every readable
field of a serializer is a model column, reached through forward foreign keys (a nested serializer is one
such key), the list asks for exactly those columns with `values()` and hands each value to the field's
own `to_representation`, or, for DRF's own text, uuid and ISO 8601 time fields, to a function that gives
the same result without DRF's per-value lookups: the JSON is the serializer's, at a fraction of the cost
(tests/api/test_projection.py holds it to that). Any other serializer (method fields, many-valued fields,
files, properties) gets `None` here and is listed the usual way.
"""

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, FileField, ForeignKey, Model, OneToOneField, TextField
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField
from rest_framework.settings import api_settings


@dataclass(frozen=True)
class _Column:
    name: str
    path: str
    represent: Callable[[Any], Any] | None  # None: the column's value is its own representation


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
        return _objects(self.members, list(rows))


def _paths(members: Iterable[_Column | _Nested]) -> Iterable[str]:
    for member in members:
        if isinstance(member, _Nested):
            yield member.key_path
            yield from _paths(member.members)
        else:
            yield member.path


# A page is represented a column at a time and zipped into objects: the per-value work is then one call of
# the field's representation, not a walk over the serializer's fields for every row.
def _objects(members: tuple[_Column | _Nested, ...], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not members:
        return [{} for _row in rows]
    names = [member.name for member in members]
    return [dict(zip(names, values, strict=True)) for values in zip(*_columns(members, rows), strict=True)]


def _columns(members: tuple[_Column | _Nested, ...], rows: list[dict[str, Any]]) -> list[list[Any]]:
    columns = []
    for member in members:
        if isinstance(member, _Nested):
            objects = _objects(member.members, rows)
            key = member.key_path
            columns.append(
                [None if row[key] is None else obj for obj, row in zip(objects, rows, strict=True)]
            )
        elif member.represent is None:
            columns.append([row[member.path] for row in rows])
        else:
            path, represent = member.path, member.represent
            columns.append([None if (value := row[path]) is None else represent(value) for row in rows])
    return columns


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
    if _represents_as_itself(field, model_field):
        return _Column(field.field_name, path, None)
    if _represents_as_text(field):
        return _Column(field.field_name, path, str)
    if isinstance(field, serializers.DateTimeField):
        return _Column(field.field_name, path, _datetime_representation(field, zone))
    return _Column(field.field_name, path, field.to_representation)


def _represents_as_itself(field: serializers.Field, model_field: Any) -> bool:
    """DRF's CharField represents a value as str(value): a text column's value already is that."""
    return type(field).to_representation is serializers.CharField.to_representation and isinstance(
        model_field, CharField | TextField
    )


def _represents_as_text(field: serializers.Field) -> bool:
    """DRF's UUIDField in its default format represents a value as str(value)."""
    return (
        type(field).to_representation is serializers.UUIDField.to_representation
        and field.uuid_format == "hex_verbose"
    )


def _datetime_representation(field: serializers.DateTimeField, zone: tzinfo) -> Callable[[Any], Any]:
    """The field's representation of the aware datetimes a timestamptz column gives.

    DRF's DateTimeField looks its format, the timezone and the value's awareness up again for every value,
    which made the three times of each application about half the cost of representing a page. In its
    default format (ISO 8601) the result is the value in the field's timezone, with UTC written as Z, and
    that is what this gives; any other format or field keeps DRF's own method. A projection is built for
    one timezone (see projection_for), so a field without its own is given that one.
    """
    field_zone = field.timezone if hasattr(field, "timezone") else zone
    output_format = getattr(field, "format", api_settings.DATETIME_FORMAT)
    if (
        type(field).to_representation is not serializers.DateTimeField.to_representation
        or field_zone is None
        or not isinstance(output_format, str)
        or output_format.lower() != ISO_8601
    ):
        field = copy.copy(field)
        field.timezone = field_zone
        return field.to_representation

    def represent(value: datetime) -> str:
        text = value.astimezone(field_zone).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return represent


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
