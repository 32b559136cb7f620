from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.models import (
    EmailTemplate,
    Notification,
    NotificationStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from notifications.services import NotificationNotCancellable, notification_cancel, notification_resend
from notifications.webhooks import webhook_endpoint_create, webhook_endpoint_update, webhook_ping
from tenancy.admin import (
    OwnerOnlyAdmin,
    ReadOnlyOwnerAdmin,
    ReadOnlyScopedAdmin,
    acting_for,
    adopt_created,
    may_edit,
)
from tenancy.errors import DomainError


@admin.register(Notification)
class NotificationAdmin(ReadOnlyScopedAdmin):
    """The outbox: every email with its status, content and error. Nothing here edits an email; HR
    cancels one that waits or sends a failed one again, through the services."""

    list_display = (
        "created_at",
        "kind",
        "recipient",
        "subject",
        "status",
        "send_after",
        "sent_at",
        "attempts",
    )
    list_filter = ("status", "kind")
    search_fields = ("recipient", "recipient_name", "subject")
    date_hierarchy = "created_at"
    actions = ["cancel", "resend"]
    readonly_fields = (
        "kind",
        "recipient",
        "recipient_name",
        "language",
        "subject",
        "body_text",
        "status",
        "send_after",
        "attempts",
        "last_error",
        "sent_at",
        "message_id",
        "reply_to",
        "caused_by",
        "created_at",
    )
    fields = readonly_fields

    def has_outbox_permission(self, request: HttpRequest) -> bool:
        return may_edit(request)

    @admin.action(
        description=_("Cancel the selected pending emails"),
        permissions=["outbox"],
        location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
    )
    def cancel(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        cancelled = 0
        for notification in queryset.filter(status=NotificationStatus.PENDING):
            try:
                notification_cancel(organization=notification.organization, notification=notification)
                cancelled += 1
            except NotificationNotCancellable as error:
                self.message_user(request, error.message, messages.WARNING)
        self.message_user(
            request, ngettext("%d email cancelled.", "%d emails cancelled.", cancelled) % cancelled
        )

    @admin.action(
        description=_("Send the selected failed emails again"),
        permissions=["outbox"],
        location=[admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM],
    )
    def resend(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        resent = 0
        for notification in queryset.filter(status=NotificationStatus.FAILED):
            try:
                notification_resend(organization=notification.organization, notification=notification)
                resent += 1
            except DomainError as error:
                self.message_user(request, error.message, messages.WARNING)
        self.message_user(
            request, ngettext("%d email queued again.", "%d emails queued again.", resent) % resent
        )


@admin.register(EmailTemplate)
class EmailTemplateAdmin(OwnerOnlyAdmin):
    list_display = ("kind", "language", "subject", "updated_at")
    list_filter = ("kind", "language")


class WebhookEndpointForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=WebhookEvent.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None selected: every event."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ("organization", "url", "description", "events", "is_active")


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(OwnerOnlyAdmin):
    form = WebhookEndpointForm
    list_display = ("url", "description", "is_active", "consecutive_failures", "disabled_at", "created_at")
    list_filter = ("is_active",)
    search_fields = ("url", "description")
    readonly_fields = ("secret", "consecutive_failures", "disabled_at", "disabled_reason", "created_at")
    actions = ["ping"]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        return self.readonly_fields if obj is not None else ()

    def get_fields(self, request: HttpRequest, obj: Model | None = None) -> Any:
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [field for field in fields if field != "is_active"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Through the services: re-enabling resets the failure count, disabling cancels what waits.
        with acting_for(request, obj) as organization:
            if not change:
                created = webhook_endpoint_create(
                    organization=organization, url=obj.url, events=obj.events, description=obj.description
                )
                adopt_created(obj, created)
                return
            webhook_endpoint_update(
                organization=organization,
                endpoint=obj,
                url=obj.url,
                events=obj.events,
                description=obj.description,
                is_active=obj.is_active,
            )
        obj.refresh_from_db()

    @admin.action(description=_("Send a test ping to the selected endpoints"))
    def ping(self, request: HttpRequest, queryset: QuerySet[WebhookEndpoint]) -> None:
        pinged = 0
        for endpoint in queryset:
            try:
                with acting_for(request, endpoint) as organization:
                    webhook_ping(organization=organization, endpoint=endpoint)
                pinged += 1
            except DomainError as error:
                self.message_user(request, f"{endpoint}: {error.message}", messages.WARNING)
        self.message_user(request, ngettext("%d ping queued.", "%d pings queued.", pinged) % pinged)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyOwnerAdmin):
    list_display = (
        "created_at",
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_status",
        "send_after",
        "delivered_at",
    )
    list_filter = ("status", "event")
    date_hierarchy = "created_at"
    readonly_fields = (
        "id",
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_status",
        "last_error",
        "send_after",
        "delivered_at",
        "created_at",
        "payload",
    )
    fields = readonly_fields
