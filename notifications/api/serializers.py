from rest_framework import serializers

from notifications.models import Notification, WebhookDelivery, WebhookEndpoint, WebhookEvent


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "recipient",
            "recipient_name",
            "language",
            "subject",
            "body_text",
            "status",
            "send_after",
            "sent_at",
            "attempts",
            "last_error",
            "message_id",
            "caused_by",
            "created_at",
        ]


class RescheduleSerializer(serializers.Serializer):
    send_after = serializers.DateTimeField()


class WebhookEndpointSerializer(serializers.ModelSerializer):
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices),
        required=False,
        default=list,
        help_text="Events to receive; empty means every event.",
    )
    secret = serializers.CharField(
        read_only=True, help_text="Verifies webhook-signature (Standard Webhooks)."
    )

    class Meta:
        model = WebhookEndpoint
        fields = [
            "id",
            "url",
            "description",
            "events",
            "is_active",
            "secret",
            "consecutive_failures",
            "disabled_at",
            "disabled_reason",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "consecutive_failures",
            "disabled_at",
            "disabled_reason",
            "created_at",
            "updated_at",
        ]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "endpoint",
            "event",
            "status",
            "send_after",
            "attempts",
            "last_error",
            "response_status",
            "delivered_at",
            "created_at",
        ]
