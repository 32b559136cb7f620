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
