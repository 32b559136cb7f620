from django.contrib import admin

from recruitment.models import (
    Application,
    FollowUpPolicy,
    Interview,
    Job,
    RejectionReason,
    Stage,
    StageChange,
)
from tenancy.admin import OrganizationScopedAdmin, OwnerOnlyAdmin


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0
    fields = ("order", "name", "kind")
    exclude = ("organization",)


@admin.register(Job)
class JobAdmin(OrganizationScopedAdmin):
    list_display = ("title", "department", "location", "status")
    list_filter = ("status",)
    search_fields = ("title", "department")
    inlines = [StageInline]
    filter_horizontal = ("hiring_team",)


class HistoryInline(admin.TabularInline):
    model = StageChange
    extra = 0
    can_delete = False
    fields = ("created_at", "event", "from_stage", "to_stage", "to_status", "rejection_reason", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # noqa: ANN001, ANN201
        return False


class InterviewInline(admin.TabularInline):
    model = Interview
    extra = 0
    fields = ("starts_at", "ends_at", "kind", "results_promised_by", "completed_at", "cancelled_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # noqa: ANN001, ANN201
        return False


@admin.register(Application)
class ApplicationAdmin(OrganizationScopedAdmin):
    list_display = ("candidate", "job", "stage", "status", "decision_due_at", "updated_at")
    list_filter = ("status", "job")
    search_fields = ("candidate__full_name", "candidate__email")
    list_select_related = ("candidate", "job", "stage")
    readonly_fields = (
        "candidate",
        "job",
        "stage",
        "status",
        "decision_due_at",
        "rejection_reason",
        "rejection_note",
        "decided_at",
    )
    inlines = [InterviewInline, HistoryInline]

    def has_add_permission(self, request):  # noqa: ANN001, ANN201
        return False


@admin.register(RejectionReason)
class RejectionReasonAdmin(OrganizationScopedAdmin):
    list_display = ("name", "type", "is_active")
    list_filter = ("type", "is_active")


@admin.register(FollowUpPolicy)
class FollowUpPolicyAdmin(OwnerOnlyAdmin):
    list_display = ("__str__", "decision_window_days", "followup_limit", "auto_reject")
