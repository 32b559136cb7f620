import uuid

import django_filters
import pytest

from recruitment.models import Application, Job
from tenancy.api.filters import FilterSet
from tests.conftest import Tenant

pytestmark = pytest.mark.django_db


class JobIdFilter(FilterSet):
    job = django_filters.UUIDFilter(field_name="job_id")

    class Meta:
        model = Application
        fields = ["job"]


class JobChoiceFilter(FilterSet):
    job = django_filters.ModelChoiceFilter(queryset=lambda request: Job.objects.all())

    class Meta:
        model = Application
        fields = ["job"]


def test_filter_set_builds_its_form_class_once(in_a: Tenant) -> None:
    first = JobIdFilter({"job": str(uuid.uuid4())}).get_form_class()

    assert JobIdFilter({"job": str(uuid.uuid4())}).get_form_class() is first


def test_filter_with_choices_from_the_request_builds_its_form_class_per_request(in_a: Tenant) -> None:
    first = JobChoiceFilter({}).get_form_class()

    assert JobChoiceFilter({}).get_form_class() is not first


def test_shared_form_class_validates_each_requests_own_data(in_a: Tenant) -> None:
    job_id = uuid.uuid4()
    valid, invalid = JobIdFilter({"job": str(job_id)}), JobIdFilter({"job": "not-a-uuid"})

    assert valid.is_valid() and valid.form.cleaned_data == {"job": job_id}
    assert not invalid.is_valid() and "job" in invalid.errors


class NoteFilter(FilterSet):
    note = django_filters.CharFilter(method="note_contains")

    class Meta:
        model = Application
        fields = ["note"]

    def note_contains(self, queryset: object, name: str, value: str) -> object:
        return queryset.filter(rejection_note__icontains=value)


def test_each_filter_set_gets_its_own_filters(in_a: Tenant) -> None:
    first, second = JobChoiceFilter({}), JobChoiceFilter({})

    assert first.filters["job"] is not second.filters["job"]
    assert first.filters["job"].parent is first and second.filters["job"].parent is second
    # a model choice filter puts its request's queryset in its arguments: they must not be shared
    assert first.filters["job"].extra is not second.filters["job"].extra


def test_method_filter_runs_on_its_own_filter_set(in_a: Tenant) -> None:
    application = in_a.application()
    Application.objects.filter(pk=application.pk).update(rejection_note="Strong portfolio")
    in_a.application()

    matching, other = NoteFilter({"note": "portfolio"}), NoteFilter({"note": "absent"})

    assert matching.filters["note"].method == "note_contains"
    assert list(matching.qs) == [Application.objects.get(pk=application.pk)]
    assert list(other.qs) == []
