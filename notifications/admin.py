from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.models import EmailTemplate, Notification, NotificationStatus
from notifications.services import NotificationNotCancellable, notification_cancel, notification_resend
from tenancy.admin import OrganizationScopedAdmin, OwnerOnlyAdmin
from tenancy.errors import DomainError


@admin.register(Notification)
class NotificationAdmin(OrganizationScopedAdmin):
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

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Notification | None = None) -> bool:
        return False

    @admin.action(description=_("Cancel the selected pending emails"))
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

    @admin.action(description=_("Send the selected failed emails again"))
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
