import datetime as dt
import json
import zoneinfo

import pytest
from django.utils import timezone
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIClient, APIRequestFactory, force_authenticate

from recruitment.api.serializers import ApplicationSerializer, RejectionReasonSerializer
from recruitment.models import Application, RejectionReason
from recruitment.services import application_reject
from tenancy.api.projection import projection_for
from tenancy.api.views import ListModelMixin, OrganizationScopedViewSet
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def as_json(data: object) -> object:
    return json.loads(JSONRenderer().render(data))


def reject(tenant: Tenant, application: Application) -> None:
    with tenant.scope():
        application_reject(
            organization=tenant.organization,
            actor=tenant.actor,
            application=application,
            reason=RejectionReason.objects.filter(type="rejected_by_us").first(),
            note="Another candidate fit better",
        )


class ApplicationWithReasonSerializer(serializers.ModelSerializer):
    """A nested object behind a nullable key: the projection must give null where there is none."""

    rejection_reason = RejectionReasonSerializer(read_only=True)

    class Meta:
        model = Application
        fields = ["id", "status", "rejection_reason", "rejection_note", "decided_at"]


class ApplicationTimesSerializer(serializers.ModelSerializer):
    """Times in another format, or pinned to a timezone: the projection must still agree with DRF."""

    created_on = serializers.DateTimeField(source="created_at", format="%d/%m/%Y %H:%M", read_only=True)
    updated_in_papua = serializers.DateTimeField(
        source="updated_at", default_timezone=zoneinfo.ZoneInfo("Asia/Jayapura"), read_only=True
    )
    updated_in_utc = serializers.DateTimeField(source="updated_at", default_timezone=dt.UTC, read_only=True)

    class Meta:
        model = Application
        fields = ["id", "created_on", "updated_in_papua", "updated_in_utc", "decided_at"]


class ApplicationWithMethodSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = ["id", "label"]

    def get_label(self, application: Application) -> str:
        return str(application)


class ApplicationStatusSerializer(serializers.ModelSerializer):
    """Without the column the list is ordered by: the list must still read it to page."""

    class Meta:
        model = Application
        fields = ["id", "status"]


class ApplicationStatusViewSet(ListModelMixin, OrganizationScopedViewSet):
    model = Application
    serializer_class = ApplicationStatusSerializer


def test_list_pages_by_a_column_its_serializer_leaves_out(in_a: Tenant) -> None:
    created = {str(in_a.application().pk) for _ in range(3)}
    view = ApplicationStatusViewSet.as_view({"get": "list"})
    listed, url = [], "/?page_size=2"
    while url:
        request = APIRequestFactory().get(url)
        force_authenticate(request, token=in_a.api_key)
        page = view(request).data
        listed += [row["id"] for row in page["results"]]
        url = page["next"]

    assert len(listed) == 3 and set(listed) == created


def test_application_list_is_what_the_serializer_gives_for_each_application(
    world: World, api_a: APIClient
) -> None:
    reject(world.a, world.a.application())
    world.a.application()

    listed = api_a.get("/api/v1/applications/").json()["results"]

    with world.a.scope():
        expected = [
            as_json(ApplicationSerializer(Application.objects.get(pk=row["id"])).data) for row in listed
        ]
    assert len(listed) == 2 and listed == expected


def test_projected_nested_object_is_null_where_the_key_is_null(in_a: Tenant) -> None:
    reject(in_a, in_a.application())
    in_a.application()
    projection = projection_for(ApplicationWithReasonSerializer)
    applications = Application.objects.order_by("created_at")

    projected = projection.render(applications.values(*projection.paths))

    assert as_json(projected) == as_json(ApplicationWithReasonSerializer(applications, many=True).data)
    assert [row["rejection_reason"] is None for row in projected] == [False, True]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Jayapura"])
def test_projected_times_are_in_the_active_timezone_like_the_serializer(in_a: Tenant, zone: str) -> None:
    reject(in_a, in_a.application())
    applications = Application.objects.all()

    with timezone.override(zone):
        projection = projection_for(ApplicationSerializer)
        projected = as_json(projection.render(applications.values(*projection.paths)))
        expected = as_json(ApplicationSerializer(applications, many=True).data)

    assert projected == expected
    offset = "Z" if zone == "UTC" else "+09:00"
    assert projected[0]["created_at"].endswith(offset)


def test_projected_times_keep_a_field_s_own_format_and_timezone(in_a: Tenant) -> None:
    reject(in_a, in_a.application())
    applications = Application.objects.all()

    with timezone.override("Asia/Makassar"):
        projection = projection_for(ApplicationTimesSerializer)
        projected = as_json(projection.render(applications.values(*projection.paths)))
        expected = as_json(ApplicationTimesSerializer(applications, many=True).data)

    assert projected == expected
    assert projected[0]["updated_in_papua"].endswith("+09:00")
    assert projected[0]["updated_in_utc"].endswith("Z")
    assert projected[0]["decided_at"].endswith("+08:00")


def test_serializer_with_a_method_field_is_listed_from_instances(in_a: Tenant) -> None:
    assert projection_for(ApplicationWithMethodSerializer) is None
