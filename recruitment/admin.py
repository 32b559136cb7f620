from datetime import timedelta
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import Count, Max, Model, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.admin import EmailTemplateAdmin
from notifications.models import EmailTemplate
from recruitment.admin_views import (
    application_add_page,
    application_page,
    decision_due_tone,
    email_template_preview,
    followup_badges,
    inbound_email_page,
    job_board,
    policy_preview,
    worst_tone,
)
from recruitment.followups import followup_mark_answered
from recruitment.inbound import inbound_email_dismiss
from recruitment.models import (
    Application,
    ApplicationStatus,
    FollowUp,
    FollowUpPolicy,
    InboundEmail,
    InboundStatus,
    Job,
    RejectionReason,
    Stage,
)
from recruitment.selectors import policy_for_job
from recruitment.services import job_create, job_update
from tenancy.admin import (
    OrganizationScopedAdmin,
    OrganizationScopedInline,
    OwnerOnlyAdmin,
    ReadOnlyScopedAdmin,
    acting_for,
    admin_actor,
    adopt_created,
    may_edit,
)
from tenancy.errors import DomainError
from tenancy.models import Membership, User

STATUS_TONES = {
    ApplicationStatus.ACTIVE: "info",
    ApplicationStatus.HIRED: "good",
    ApplicationStatus.REJECTED: "muted",
    ApplicationStatus.WITHDRAWN: "muted",
}


def badge(label: object, tone: str, title: str = "") -> str:
    return format_html('<span class="kabar-badge kabar-{}" title="{}">{}</span>', tone, title, label)


class StageInline(OrganizationScopedInline):
    model = Stage
    fields = ("order", "name", "kind")


@admin.register(Job)
class JobAdmin(OrganizationScopedAdmin):
    hiring_team_lookup = "hiring_team"
    list_display = ("title", "department", "location", "status", "active_applications", "board")
    list_filter = ("status",)
    search_fields = ("title", "department")
    filter_horizontal = ("hiring_team",)
    # Explicit: a grouped (annotated) query drops the model's default ordering, and autocompletes page.
    ordering = ("title",)

    def get_inlines(self, request: HttpRequest, obj: Job | None) -> list:
        # A new job gets the organization's default pipeline from job_create; its stages are edited after.
        return [StageInline] if obj is not None else []

    def get_queryset(self, request: HttpRequest) -> QuerySet[Job]:
        active = Q(applications__status=ApplicationStatus.ACTIVE)
        return super().get_queryset(request).annotate(active_count=Count("applications", filter=active))

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "hiring_team":
            kwargs["queryset"] = User.objects.filter(pk__in=Membership.objects.values("user"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Job, form: Any, change: bool) -> None:
        fields = {name: form.cleaned_data[name] for name in ("title", "department", "location", "status")}
        with acting_for(request, obj) as organization:
            if change:
                job_update(organization=organization, actor=admin_actor(request), job=obj, **fields)
            else:
                created = job_create(organization=organization, actor=admin_actor(request), **fields)
                adopt_created(obj, created)

    def get_urls(self) -> list[URLPattern]:
        board = path(
            "<path:object_id>/board/",
            self.admin_site.admin_view(self.board_view),
            name="recruitment_job_board",
        )
        return [board, *super().get_urls()]

    def board_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        return job_board(self, request, object_id)

    @admin.display(description=_("active applications"), ordering="active_count")
    def active_applications(self, job: Job) -> int:
        return job.active_count

    @admin.display(description=_("pipeline"))
    def board(self, job: Job) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:recruitment_job_board", args=[job.pk]), _("Board")
        )


class DecisionDueFilter(admin.SimpleListFilter):
    title = _("decision due")
    parameter_name = "due"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [
            ("overdue", _("Overdue")),
            ("soon", _("Within the warning days")),
            ("none", _("No deadline yet")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Application]) -> QuerySet[Application]:
        now = timezone.now()
        active = queryset.filter(status=ApplicationStatus.ACTIVE)
        if self.value() == "overdue":
            return active.filter(decision_due_at__lte=now)
        if self.value() == "none":
            return active.filter(decision_due_at=None)
        if self.value() == "soon":
            upcoming = active.filter(decision_due_at__gt=now)
            within = Q(pk__in=[])
            for job in Job.objects.filter(pk__in=upcoming.values("job_id")):
                warning = timedelta(days=policy_for_job(job).decision_warning_days)
                within |= Q(job=job, decision_due_at__lte=now + warning)
            return upcoming.filter(within)
        return queryset


@admin.register(Application)
class ApplicationAdmin(OrganizationScopedAdmin):
    """The applications list, and the application page (admin_views.application_page) in place of a
    change form: every change to an application is an action that calls its service."""

    hiring_team_lookup = "job__hiring_team"
    list_display = (
        "candidate",
        "job",
        "stage",
        "status_badge",
        "days_since_interview",
        "decision_due",
        "followups",
    )
    list_filter = (("job", admin.RelatedOnlyFieldListFilter), "stage__kind", "status", DecisionDueFilter)
    search_fields = ("candidate__full_name", "candidate__email")
    list_select_related = ("candidate", "job", "stage")
    ordering = ("-created_at",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Application]:
        held = Q(interviews__cancelled_at__isnull=True)
        return (
            super()
            .get_queryset(request)
            .annotate(last_interview_end=Max("interviews__ends_at", filter=held))
            .prefetch_related(Prefetch("followups", queryset=FollowUp.objects.order_by("received_at")))
        )

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        # Each job's warning days, looked up once per page, for the decision-due column.
        changelist = super().get_changelist_instance(request)
        changelist.result_list = list(changelist.result_list)
        warning_days: dict[object, int] = {}
        for application in changelist.result_list:
            if application.job_id not in warning_days:
                warning_days[application.job_id] = policy_for_job(application.job).decision_warning_days
            application.decision_warning_days = warning_days[application.job_id]
        return changelist

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        return application_page(self, request, object_id)

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> HttpResponse:
        return application_add_page(self, request)

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, application: Application) -> str:
        return badge(application.get_status_display(), STATUS_TONES[application.status])

    @admin.display(description=_("decision due"), ordering="decision_due_at")
    def decision_due(self, application: Application) -> str:
        if application.decision_due_at is None:
            return "–"
        tone = decision_due_tone(application, application.decision_warning_days, timezone.now())
        when = formats.date_format(timezone.localtime(application.decision_due_at), "j M Y")
        return badge(when, tone) if tone else when

    @admin.display(description=_("days since the last interview"), ordering="last_interview_end")
    def days_since_interview(self, application: Application) -> str:
        if application.last_interview_end is None:
            return "–"
        if application.last_interview_end > timezone.now():
            return str(_("upcoming"))
        return str((timezone.now() - application.last_interview_end).days)

    @admin.display(description=_("follow-ups"))
    def followups(self, application: Application) -> str:
        now = timezone.now()
        verdicts = [(followup, followup_badges(followup, now)) for followup in application.followups.all()]
        return format_html_join(
            " ",
            "{}",
            (
                (badge(followup.get_kind_display(), worst_tone(badges), ", ".join(b.label for b in badges)),)
                for followup, badges in verdicts
            ),
        )


@admin.register(RejectionReason)
class RejectionReasonAdmin(OrganizationScopedAdmin):
    list_display = ("name", "type", "is_active")
    list_filter = ("type", "is_active")
    search_fields = ("name",)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        # Decisions refer to their reason; one no longer used is made inactive instead.
        return False


@admin.register(FollowUpPolicy)
class FollowUpPolicyAdmin(OwnerOnlyAdmin):
    list_display = (
        "__str__",
        "decision_window_days",
        "decision_warning_days",
        "followup_limit",
        "auto_reject",
    )
    autocomplete_fields = ("job",)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        policy = self.get_object(request, unquote(object_id))
        if policy is not None:
            with acting_for(request, policy):
                extra_context = (extra_context or {}) | policy_preview(request, policy)
        return super().change_view(request, object_id, form_url, extra_context)


class AwaitingReplyFilter(admin.SimpleListFilter):
    title = _("reply")
    parameter_name = "reply"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("awaiting", _("Awaiting a reply")), ("overdue", _("Reply overdue"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[FollowUp]) -> QuerySet[FollowUp]:
        awaiting = queryset.filter(reply_due_at__isnull=False, answered_at__isnull=True)
        if self.value() == "awaiting":
            return awaiting
        if self.value() == "overdue":
            return awaiting.filter(reply_due_at__lte=timezone.now())
        return queryset


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyScopedAdmin):
    """Every follow-up with the policy's verdict; each one is read and acted on in its application's page."""

    hiring_team_lookup = "application__job__hiring_team"
    list_display = ("received_at", "application", "kind", "verdict", "reply_due_at", "answered_at")
    list_filter = ("kind", "timing", "sequence", "response_owed", AwaitingReplyFilter)
    search_fields = ("application__candidate__full_name", "application__candidate__email", "subject")
    list_select_related = ("application__candidate", "application__job")
    date_hierarchy = "received_at"
    actions = ["mark_answered"]

    def has_answer_permission(self, request: HttpRequest) -> bool:
        return may_edit(request)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        followup = self.get_object(request, unquote(object_id))
        if followup is None:
            raise Http404(_("Not found."))
        url = reverse("admin:recruitment_application_change", args=[followup.application_id])
        return HttpResponseRedirect(f"{url}#followup-{followup.pk}")

    @admin.display(description=_("verdict"))
    def verdict(self, followup: FollowUp) -> str:
        now = timezone.now()
        return format_html_join(
            " ", "{}", ((badge(b.label, b.tone),) for b in followup_badges(followup, now))
        )

    @admin.action(description=_("Mark the selected follow-ups as answered"), permissions=["answer"])
    def mark_answered(self, request: HttpRequest, queryset: QuerySet[FollowUp]) -> None:
        answered = 0
        for followup in queryset.filter(answered_at__isnull=True):
            try:
                with acting_for(request, followup) as organization:
                    followup_mark_answered(
                        organization=organization, actor=admin_actor(request), followup=followup
                    )
            except DomainError as error:
                self.message_user(request, error.message, messages.WARNING)
            else:
                answered += 1
        self.message_user(
            request,
            ngettext("%d follow-up marked as answered.", "%d follow-ups marked as answered.", answered)
            % answered,
            messages.SUCCESS,
        )


class TriageStatusFilter(admin.SimpleListFilter):
    """The triage list opens on the emails waiting for it."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [*InboundStatus.choices, ("all", _("All"))]

    def value(self) -> str:
        return super().value() or InboundStatus.UNMATCHED

    def choices(self, changelist: Any) -> Any:
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[InboundEmail]) -> QuerySet[InboundEmail]:
        return queryset if self.value() == "all" else queryset.filter(status=self.value())


@admin.register(InboundEmail)
class InboundEmailAdmin(ReadOnlyScopedAdmin):
    """Follow-up triage: emails to the organization's inbound address that matched no application."""

    list_display = ("received_at", "from_address", "subject", "status", "error")
    list_filter = (TriageStatusFilter,)
    search_fields = ("from_address", "subject")
    actions = ["dismiss"]

    def has_triage_permission(self, request: HttpRequest) -> bool:
        return may_edit(request)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        return super().changelist_view(request, (extra_context or {}) | {"title": _("Follow-up triage")})

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        return inbound_email_page(self, request, object_id)

    @admin.action(description=_("Dismiss the selected emails"), permissions=["triage"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[InboundEmail]) -> None:
        dismissed = 0
        for inbound in queryset.filter(status=InboundStatus.UNMATCHED, organization__isnull=False):
            try:
                with acting_for(request, inbound) as organization:
                    inbound_email_dismiss(
                        organization=organization, actor=admin_actor(request), inbound=inbound
                    )
            except DomainError as error:
                self.message_user(request, error.message, messages.WARNING)
            else:
                dismissed += 1
        self.message_user(
            request,
            ngettext("%d email dismissed.", "%d emails dismissed.", dismissed) % dismissed,
            messages.SUCCESS,
        )


class EmailTemplatePreviewAdmin(EmailTemplateAdmin):
    """The outbox's template page, with the template rendered for one of the organization's applications
    (rendering a real application needs recruitment, which notifications never imports)."""

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        template = self.get_object(request, unquote(object_id))
        if template is not None:
            with acting_for(request, template):
                extra_context = (extra_context or {}) | email_template_preview(request, template)
        return super().change_view(request, object_id, form_url, extra_context)


admin.site.unregister(EmailTemplate)
admin.site.register(EmailTemplate, EmailTemplatePreviewAdmin)
