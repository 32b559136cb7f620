import copy
from typing import Any

import django_filters
from django import forms
from django_filters.filters import Filter, QuerySetRequestMixin
from django_filters.filterset import FilterSetMetaclass


class _Filters(dict):
    """A filter set's filters, each copied on its own for every filter set made from them.

    django-filter deep-copies its filters for each filter set so that each can be given its own `model`
    and `parent`; the deep copy also copied every filter's choices and arguments, about a fiftieth of a
    list request. A copy of each filter, with its own arguments dict (a choice filter sets its request's
    queryset there) and its method bound to the copy, keeps that separation.
    """

    def __deepcopy__(self, memo: dict) -> dict[str, Filter]:
        return {name: _copied(filter_) for name, filter_ in self.items()}


def _copied(filter_: Filter) -> Filter:
    copied = copy.copy(filter_)
    copied.extra = dict(filter_.extra)
    if filter_.method is not None:
        copied.method = filter_.method  # binds a new FilterMethod to the copy, not to the original
    return copied


class _FilterSetMetaclass(FilterSetMetaclass):
    def __new__(mcs, name: str, bases: tuple, attrs: dict[str, Any]) -> type:
        filter_set = super().__new__(mcs, name, bases, attrs)
        filter_set.base_filters = _Filters(filter_set.base_filters)
        return filter_set


class FilterSet(django_filters.FilterSet, metaclass=_FilterSetMetaclass):
    """django-filter's FilterSet, its form class built once per filter set rather than on every request.

    Filters declared on the class make the same form class for every request; building it (a new class
    and a copy of every filter's form field) cost a list request about a twentieth of its time. A filter
    whose choices come from the request (a model choice filter) keeps the per-request form class, so no
    request ever sees choices made for another organization.
    """

    _form_classes: dict[type, type[forms.Form]] = {}

    def get_form_class(self) -> type[forms.Form]:
        if any(isinstance(filter_, QuerySetRequestMixin) for filter_ in self.filters.values()):
            return super().get_form_class()
        form_class = self._form_classes.get(type(self))
        if form_class is None:
            form_class = self._form_classes[type(self)] = super().get_form_class()
        return form_class
