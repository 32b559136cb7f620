import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from notifications.api.serializers import (
    NotificationSerializer,
    RescheduleSerializer,
    WebhookDeliverySerializer,
    WebhookEndpointSerializer,
)
from notifications.models import Notification, NotificationKind, NotificationStatus, WebhookEndpoint
from notifications.services import notification_cancel, notification_reschedule
from notifications.webhooks import (
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_endpoint_update,
    webhook_ping,
)
from tenancy.api.filters import FilterSet
from tenancy.api.views import ListModelMixin, OrganizationScopedViewSet


class NotificationFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=NotificationStatus.choices)
    kind = django_filters.ChoiceFilter(choices=NotificationKind.choices)
    caused_by = django_filters.CharFilter()

    class Meta:
        model = Notification
        fields = ["status", "kind", "caused_by"]


@extend_schema(tags=["notifications"])
class NotificationViewSet(ListModelMixin, mixins.RetrieveModelMixin, OrganizationScopedViewSet):
    """The outbox: every email Kabar sends, with its status. A pending one can be cancelled or moved."""

    model = Notification
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter

    @extend_schema(request=None, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        notification = notification_cancel(
            organization=request.auth.organization, notification=self.get_object()
        )
        return Response(self.get_serializer(notification).data)

    @extend_schema(request=RescheduleSerializer, responses={200: NotificationSerializer})
    @action(detail=True, methods=["post"])
    def reschedule(self, request: Request, pk: str | None = None) -> Response:
        """Changes when a pending email (such as a delayed rejection notice) goes out."""
        notification = self.get_object()
        serializer = RescheduleSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        notification = notification_reschedule(
            organization=request.auth.organization, notification=notification, **serializer.validated_data
        )
        return Response(self.get_serializer(notification).data)


@extend_schema(tags=["webhooks"])
class WebhookEndpointViewSet(ListModelMixin, mixins.RetrieveModelMixin, OrganizationScopedViewSet):
    """Where Kabar posts events, signed the Standard Webhooks way with the endpoint's `secret`."""

    model = WebhookEndpoint
    serializer_class = WebhookEndpointSerializer

    @extend_schema(responses={201: WebhookEndpointSerializer})
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = webhook_endpoint_create(
            organization=request.auth.organization, **serializer.validated_data
        )
        return Response(self.get_serializer(endpoint).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: WebhookEndpointSerializer})
    def update(self, request: Request, pk: str | None = None, partial: bool = False) -> Response:
        endpoint = self.get_object()
        self.check_if_match(endpoint)
        serializer = self.get_serializer(endpoint, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        endpoint = webhook_endpoint_update(
            organization=request.auth.organization, endpoint=endpoint, **serializer.validated_data
        )
        return Response(self.get_serializer(endpoint).data)

    @extend_schema(responses={200: WebhookEndpointSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self.update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        webhook_endpoint_delete(organization=request.auth.organization, endpoint=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={202: WebhookDeliverySerializer})
    @action(detail=True, methods=["post"])
    def ping(self, request: Request, pk: str | None = None) -> Response:
        delivery = webhook_ping(organization=request.auth.organization, endpoint=self.get_object())
        return Response(WebhookDeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)
