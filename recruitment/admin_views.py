"""The HR admin's own recruitment pages: the dashboard, the application page, the pipeline board,
follow-up triage, and the previews of policies and email templates.

Every page finds its rows through its ModelAdmin (so the organization scope and the hiring manager's
narrower view apply), every change is one service call with the user as actor, and a business rule a
service refuses (DomainError) comes back to HR as a message next to the form, never as an error page.
"""

import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ModelAdmin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Max, Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from notifications.models import EmailTemplate, Notification, NotificationKind
from notifications.rendering import RenderedEmail, TemplateRenderError, render_email
from recruitment import admin_forms
from recruitment.classification import FollowUpKind
from recruitment.digest import digest_context
from recruitment.emails import application_reference, candidate_email_context, format_date
from recruitment.models import (
    Application,
    ApplicationStatus,
    FollowUp,
    FollowUpPolicy,
    InboundStatus,
    Interview,
    Job,
    JobStatus,
    StageChange,
)
from recruitment.policy import Message, ResponseOwed, Sequence, Timing, evaluate, expected_decision_date
from recruitment.selectors import application_facts, feedback_draft, policy_for_job, policy_rules
from tenancy.admin import EDIT_ROLES, acting_for, admin_actor, may_edit, membership_role
from tenancy.errors import DomainError
from tenancy.models import Role

TIMING_LABELS = {
    Timing.ON_TIME: gettext_lazy("on time"),
    Timing.LATE: gettext_lazy("late"),
    Timing.EARLY: gettext_lazy("early"),
    Timing.AFTER_DECISION: gettext_lazy("after the decision"),
}
SEQUENCE_LABELS = {
    Sequence.WITHIN_LIMIT: gettext_lazy("within the limit"),
    Sequence.OVER_LIMIT: gettext_lazy("over the limit"),
    Sequence.NOT_COUNTED: gettext_lazy("not counted"),
}
RESPONSE_LABELS = {
    ResponseOwed.ACKNOWLEDGE: gettext_lazy("Kabar acknowledges it"),
    ResponseOwed.FEEDBACK: gettext_lazy("feedback owed"),
    ResponseOwed.HR_REPLY: gettext_lazy("HR reply owed"),
    ResponseOwed.WITHDRAW: gettext_lazy("withdrawal confirmed"),
    ResponseOwed.NONE: gettext_lazy("no reply needed"),
}
SIGNAL_LABELS = {
    "thanked": gettext_lazy("thanked"),
    "named_position": gettext_lazy("named the position"),
    "gave_contact": gettext_lazy("gave contact details"),
    "greeting": gettext_lazy("greeted"),
}


@dataclass(frozen=True)
class Badge:
    label: str
    tone: str  # good, warn, bad, info or muted: a CSS class of templates/admin/base_site.html


def followup_badges(followup: FollowUp, now: datetime) -> list[Badge]:
    """The policy's verdict on a follow-up, as HR reads it."""
    badges = []
    if followup.timing:
        tone = {Timing.ON_TIME: "good", Timing.AFTER_DECISION: "muted"}.get(followup.timing, "warn")
        badges.append(Badge(str(TIMING_LABELS[followup.timing]), tone))
    if followup.sequence == Sequence.OVER_LIMIT:
        badges.append(Badge(str(SEQUENCE_LABELS[Sequence.OVER_LIMIT]), "bad"))
    elif followup.sequence == Sequence.WITHIN_LIMIT:
        badges.append(Badge(_("no. %(number)d") % {"number": followup.number}, "muted"))
    if followup.awaiting_reply and followup.reply_due_at <= now:
        badges.append(Badge(_("reply overdue"), "bad"))
    elif followup.awaiting_reply:
        badges.append(Badge(str(RESPONSE_LABELS[followup.response_owed]), "info"))
    elif followup.answered_at:
        badges.append(Badge(_("answered"), "good"))
    else:
        badges.append(Badge(str(RESPONSE_LABELS[followup.response_owed]), "muted"))
    return badges


def worst_tone(badges: list[Badge]) -> str:
    order = ["bad", "warn", "info", "good", "muted"]
    return min((badge.tone for badge in badges), key=order.index, default="muted")


def page_context(model_admin: ModelAdmin, request: HttpRequest, title: str, **extra: Any) -> dict[str, Any]:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "subtitle": None,
        **extra,
    }


def perform(model_admin: ModelAdmin, request: HttpRequest, obj: Model, form: forms.Form) -> str | None:
    """Runs a valid form's service in the object's organization; a refused rule becomes a form error.

    Returns what to tell HR, or None when nothing was done: the form then holds the errors, also sent
    as a message, since a small form on a row of the page has no room to show them."""
    if form.is_valid():
        try:
            with acting_for(request, obj) as organization:
                done = form.perform(organization=organization, actor=admin_actor(request))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            # The admin's own log names the user too, for the changes no history row records (a notice
            # cancelled, an email dismissed).
            model_admin.log_change(request, obj, done)
            return done
    errors = [str(error) for errors in form.errors.values() for error in errors]
    messages.error(request, " ".join(errors) or _("Nothing was changed."))
    return None


# Dashboard


@dataclass(frozen=True)
class FunnelRow:
    stage: str
    reached: int
    y: int
    width: int


@dataclass(frozen=True)
class Funnel:
    job: Job
    rows: list[FunnelRow]
    height: int


FUNNEL_BAR_WIDTH = 220
FUNNEL_ROW_HEIGHT = 24


def job_funnels(jobs: list[Job]) -> list[Funnel]:
    """Per job, how many applications reached each stage: those now at it or at a later one (a decision
    leaves an application at the stage where it was made)."""
    counts: dict[object, dict[int, int]] = defaultdict(dict)
    rows = Application.objects.filter(job__in=jobs).values("job_id", "stage__order").annotate(n=Count("pk"))
    for row in rows:
        counts[row["job_id"]][row["stage__order"]] = row["n"]
    funnels = []
    for job in jobs:
        stages = sorted(job.stages.all(), key=lambda stage: stage.order)
        reached = [sum(n for order, n in counts[job.pk].items() if order >= stage.order) for stage in stages]
        widest = max(reached, default=0) or 1
        funnels.append(
            Funnel(
                job=job,
                rows=[
                    FunnelRow(
                        stage=stage.name,
                        reached=count,
                        y=index * FUNNEL_ROW_HEIGHT,
                        width=max(2, round(FUNNEL_BAR_WIDTH * count / widest)) if count else 0,
                    )
                    for index, (stage, count) in enumerate(zip(stages, reached, strict=True))
                ],
                height=len(stages) * FUNNEL_ROW_HEIGHT,
            )
        )
    return funnels


def median_days_to_decision(applications: QuerySet[Application], now: datetime) -> tuple[float | None, int]:
    """The median time from the last interview to the hire or rejection, over decisions of the last 30
    days, in days; and how many decisions it is taken over."""
    decided = (
        applications.filter(
            status__in=[ApplicationStatus.HIRED, ApplicationStatus.REJECTED],
            decided_at__gte=now - timedelta(days=30),
        )
        .annotate(
            last_interview_end=Max(
                "interviews__ends_at",
                filter=Q(interviews__cancelled_at__isnull=True, interviews__ends_at__lte=F("decided_at")),
            )
        )
        .exclude(last_interview_end=None)
        .values_list("decided_at", "last_interview_end")
    )
    waits = [(decided_at - last_end).total_seconds() / 86400 for decided_at, last_end in decided]
    return (round(statistics.median(waits), 1) if waits else None), len(waits)


def dashboard(request: HttpRequest) -> HttpResponse:
    """The admin's home: the apps, and for an organization's member what needs HR today."""
    organization = getattr(request, "organization", None)
    context: dict[str, Any] = {}
    if organization is not None:
        now = timezone.now()
        applications = admin.site.get_model_admin(Application).get_queryset(request)
        jobs = list(
            admin.site.get_model_admin(Job)
            .get_queryset(request)
            .filter(status=JobStatus.OPEN)
            .prefetch_related("stages")
        )
        median, decisions = median_days_to_decision(applications, now)
        context |= {
            "title": _("Today"),
            "dashboard": True,
            "funnels": job_funnels(jobs),
            "funnel_bar_width": FUNNEL_BAR_WIDTH,
            "median_days": median,
            "median_decisions": decisions,
        }
        # The digest lists the whole organization's decisions; a hiring manager sees only their jobs.
        if membership_role(request) != Role.HIRING_MANAGER:
            context["digest"] = digest_context(organization, now)
    return admin.site.index(request, extra_context=context)


# The application page


@dataclass(frozen=True)
class ApplicationAction:
    form: type[admin_forms.ApplicationActionForm]
    roles: frozenset[str] = EDIT_ROLES


APPLICATION_ACTIONS: dict[str, ApplicationAction] = {
    "move": ApplicationAction(admin_forms.MoveForm),
    "reject": ApplicationAction(admin_forms.RejectForm),
    "cancel_notice": ApplicationAction(admin_forms.CancelNoticeForm),
    "unreject": ApplicationAction(admin_forms.UnrejectForm),
    "hire": ApplicationAction(admin_forms.HireForm),
    "withdraw": ApplicationAction(admin_forms.WithdrawForm),
    "log_followup": ApplicationAction(admin_forms.LogFollowUpForm),
    "feedback": ApplicationAction(admin_forms.FeedbackForm),
    "correct_kind": ApplicationAction(admin_forms.CorrectKindForm),
    "mark_answered": ApplicationAction(admin_forms.MarkAnsweredForm),
    "schedule_interview": ApplicationAction(admin_forms.ScheduleInterviewForm),
    "complete_interview": ApplicationAction(admin_forms.CompleteInterviewForm),
    "cancel_interview": ApplicationAction(admin_forms.CancelInterviewForm),
    "interview_feedback": ApplicationAction(
        admin_forms.InterviewFeedbackForm, roles=EDIT_ROLES | {Role.HIRING_MANAGER}
    ),
}
# The forms shown whole on the page, by the application's status; the others sit on rows of the story.
PANEL_FORMS = {
    ApplicationStatus.ACTIVE: ("move", "schedule_interview", "reject", "hire", "withdraw", "log_followup"),
    ApplicationStatus.REJECTED: ("unreject", "log_followup"),
    ApplicationStatus.HIRED: ("log_followup",),
    ApplicationStatus.WITHDRAWN: ("log_followup",),
}


@dataclass(frozen=True)
class StoryEntry:
    at: datetime
    kind: str  # history, interview, followup or email
    item: Model
    badges: tuple[Badge, ...] = ()
    signals: tuple[str, ...] = ()


def application_story(application: Application, now: datetime) -> list[StoryEntry]:
    """Everything that happened to an application, oldest first: stage changes and decisions,
    interviews, the candidate's follow-ups with the policy's verdict, and the emails sent or waiting."""
    history = StageChange.objects.filter(application=application).select_related(
        "from_stage", "to_stage", "actor_user", "actor_api_key", "rejection_reason"
    )
    emails = Notification.objects.filter(caused_by=application_reference(application))
    entries = [
        *(StoryEntry(entry.created_at, "history", entry) for entry in history),
        *(StoryEntry(i.starts_at, "interview", i) for i in Interview.objects.filter(application=application)),
        *(
            StoryEntry(
                f.received_at,
                "followup",
                f,
                badges=tuple(followup_badges(f, now)),
                signals=tuple(str(label) for name, label in SIGNAL_LABELS.items() if f.signals.get(name)),
            )
            for f in FollowUp.objects.filter(application=application).select_related("logged_by")
        ),
        *(StoryEntry(email.created_at, "email", email) for email in emails),
    ]
    return sorted(entries, key=lambda entry: entry.at)


def application_page(model_admin: ModelAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    application = model_admin.get_object(request, unquote(object_id))
    if application is None:
        raise Http404(_("Not found."))
    bound: dict[str, forms.Form] = {}
    if request.method == "POST":
        name = request.POST.get("action", "")
        action = APPLICATION_ACTIONS.get(name)
        if action is None:
            return HttpResponseBadRequest(_("Unknown action."))
        if not may_edit(request, action.roles):
            raise PermissionDenied
        form = action.form(request.POST, application=application, prefix=name)
        done = perform(model_admin, request, application, form)
        if done is not None:
            messages.success(request, done)
            return HttpResponseRedirect(request.path)
        bound[name] = form
    now = timezone.now()
    editor = may_edit(request)
    panel = PANEL_FORMS[application.status] if editor else ()
    if editor and admin_forms.followups_owing_feedback(application).exists():
        panel = ("feedback", *panel)
    panel_forms = {
        name: bound.get(name) or APPLICATION_ACTIONS[name].form(application=application, prefix=name)
        for name in panel
    }
    policy = policy_for_job(application.job)
    context = page_context(
        model_admin,
        request,
        str(application),
        application=application,
        story=application_story(application, now),
        panel_forms=panel_forms,
        pending_notices=admin_forms.pending_rejection_notices(application),
        may_edit=editor,
        may_open_outbox=model_admin.admin_site.get_model_admin(Notification).has_view_permission(request),
        may_write_interview_feedback=may_edit(request, APPLICATION_ACTIONS["interview_feedback"].roles),
        followup_kinds=FollowUpKind.choices,
        decision_due_tone=decision_due_tone(application, policy.decision_warning_days, now),
        policy=policy,
        media=model_admin.media + sum((form.media for form in panel_forms.values()), forms.Media()),
    )
    return TemplateResponse(request, "kabar/application.html", context)


def decision_due_tone(application: Application, warning_days: int, now: datetime) -> str:
    """The tone of a decision deadline: bad when overdue, warn within the policy's warning days."""
    due = application.decision_due_at
    if application.status != ApplicationStatus.ACTIVE or due is None:
        return ""
    if due <= now:
        return "bad"
    return "warn" if due <= now + timedelta(days=warning_days) else ""


def application_add_page(model_admin: ModelAdmin, request: HttpRequest) -> HttpResponse:
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    initial = {"candidate": _uuid_or_none(request.GET.get("candidate", ""))}
    form = admin_forms.ApplicationAddForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with acting_for(request, form.cleaned_data["candidate"]) as organization:
                application = form.perform(organization=organization, actor=admin_actor(request))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            model_admin.log_addition(request, application, _("Added through the admin."))
            messages.success(request, _("The application is in the pipeline."))
            return HttpResponseRedirect(
                reverse("admin:recruitment_application_change", args=[application.pk])
            )
    context = page_context(
        model_admin, request, _("Add an application"), form=form, media=model_admin.media + form.media
    )
    return TemplateResponse(request, "kabar/application_add.html", context)


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


# The pipeline board


def job_board(model_admin: ModelAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    """One column per stage with the job's active applications; a move is one form on the card."""
    job = model_admin.get_object(request, unquote(object_id))
    if job is None:
        raise Http404(_("Not found."))
    applications = (
        model_admin.admin_site.get_model_admin(Application)
        .get_queryset(request)
        .filter(job=job, status=ApplicationStatus.ACTIVE)
    )
    if request.method == "POST":
        if not may_edit(request):
            raise PermissionDenied
        try:
            application = applications.get(pk=request.POST.get("application"))
        except (Application.DoesNotExist, ValidationError):
            raise Http404(_("Not found.")) from None
        done = perform(
            model_admin, request, application, admin_forms.MoveForm(request.POST, application=application)
        )
        if done is not None:
            messages.success(request, f"{application.candidate}: {done}")
        return HttpResponseRedirect(request.path)
    now = timezone.now()
    warning_days = policy_for_job(job).decision_warning_days
    stages = list(job.stages.order_by("order"))
    cards = defaultdict(list)
    for application in applications.order_by("decision_due_at", "created_at"):
        cards[application.stage_id].append((application, decision_due_tone(application, warning_days, now)))
    context = page_context(
        model_admin,
        request,
        _("Pipeline: %(job)s") % {"job": job},
        job=job,
        columns=[(stage, cards[stage.pk]) for stage in stages],
        stages=stages,
        may_edit=may_edit(request),
    )
    return TemplateResponse(request, "kabar/board.html", context)


# Follow-up triage


def inbound_email_page(model_admin: ModelAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    inbound = model_admin.get_object(request, unquote(object_id))
    if inbound is None:
        raise Http404(_("Not found."))
    actions = {"attach": admin_forms.InboundAttachForm, "dismiss": admin_forms.InboundDismissForm}
    in_triage = inbound.status == InboundStatus.UNMATCHED and inbound.organization_id is not None
    bound = None
    if request.method == "POST":
        form_class = actions.get(request.POST.get("action", ""))
        if form_class is None or not in_triage:
            return HttpResponseBadRequest(_("This email is not waiting for triage."))
        if not may_edit(request):
            raise PermissionDenied
        bound = form_class(request.POST, inbound=inbound, prefix=request.POST["action"])
        done = perform(model_admin, request, inbound, bound)
        if done is not None:
            messages.success(request, done)
            return HttpResponseRedirect(reverse("admin:recruitment_inboundemail_changelist"))
    suggestion = (
        Application.objects.filter(candidate__email=inbound.from_address).order_by("-updated_at").first()
        if in_triage and inbound.from_address
        else None
    )
    attach = (
        bound
        if isinstance(bound, admin_forms.InboundAttachForm)
        else admin_forms.InboundAttachForm(
            inbound=inbound, prefix="attach", initial={"application": suggestion}
        )
    )
    context = page_context(
        model_admin,
        request,
        inbound.subject or _("(no subject)"),
        inbound=inbound,
        in_triage=in_triage and may_edit(request),
        attach_form=attach,
        media=model_admin.media + attach.media,
    )
    return TemplateResponse(request, "kabar/inbound_email.html", context)


# Previews of the policy and the email templates, for a real application of the organization


def preview_applications(job: Job | None = None) -> list[Application]:
    """Recent applications to preview with, those with an interview first."""
    applications = Application.objects.select_related("candidate", "job")
    if job is not None:
        applications = applications.filter(job=job)
    applications = applications.annotate(interviewed=Count("interviews")).order_by(
        F("interviewed").desc(), "-updated_at"
    )
    return list(applications[:6])


def chosen_application(request: HttpRequest, choices: list[Application]) -> Application | None:
    chosen = _uuid_or_none(request.GET.get("application", ""))
    if chosen is not None:
        return Application.objects.select_related("candidate", "job").filter(pk=chosen).first()
    return choices[0] if choices else None


@dataclass(frozen=True)
class PolicyPreviewLine:
    question: str
    verdict: str


def policy_preview(request: HttpRequest, policy: FollowUpPolicy) -> dict[str, Any]:
    """What this policy (as saved) says about a real application's candidate writing today."""
    choices = preview_applications(policy.job)
    application = chosen_application(request, choices)
    if application is None:
        return {"preview_choices": []}
    rules, facts, now = policy_rules(policy), application_facts(application), timezone.now()
    lines = []
    for kind in (FollowUpKind.THANK_YOU, FollowUpKind.STATUS_INQUIRY, FollowUpKind.FEEDBACK_REQUEST):
        verdict = evaluate(rules, facts, Message(kind=kind, received_at=now))
        parts = [
            str(TIMING_LABELS[verdict.timing]) if verdict.timing else "",
            str(SEQUENCE_LABELS[verdict.sequence]),
            _("no. %(number)d") % {"number": verdict.number} if verdict.number else "",
            str(RESPONSE_LABELS[verdict.response]),
        ]
        lines.append(
            PolicyPreviewLine(str(FollowUpKind(kind).label), ", ".join(part for part in parts if part))
        )
    language = application.candidate.preferred_language
    decision_date = expected_decision_date(rules, facts)
    acknowledgement = _render(
        application.organization,
        NotificationKind.FOLLOWUP_ACK,
        language,
        candidate_email_context(application, language)
        | {"expected_decision_date": format_date(decision_date, language)},
    )
    return {
        "preview_choices": choices,
        "preview_application": application,
        "preview_lines": lines,
        "preview_decision_date": decision_date,
        "preview_email": acknowledgement,
    }


def email_template_preview(request: HttpRequest, template: EmailTemplate) -> dict[str, Any]:
    """The saved template rendered for a real application (the digest: for the organization today)."""
    organization = template.organization
    if template.kind == NotificationKind.HR_DIGEST:
        context = digest_context(organization, timezone.now()) | {"recipient_name": str(request.user)}
        return {"preview_email": _render(organization, template.kind, template.language, context)}
    choices = preview_applications()
    application = chosen_application(request, choices)
    if application is None:
        return {"preview_choices": []}
    context = candidate_email_context(application, template.language)
    if template.kind == NotificationKind.FOLLOWUP_ACK:
        rules = policy_rules(policy_for_job(application.job))
        decision_date = expected_decision_date(rules, application_facts(application))
        context["expected_decision_date"] = format_date(decision_date, template.language)
    elif template.kind == NotificationKind.FEEDBACK_REPLY:
        context["feedback_text"] = feedback_draft(application)
    return {
        "preview_choices": choices,
        "preview_application": application,
        "preview_email": _render(organization, template.kind, template.language, context),
    }


def _render(organization: Any, kind: str, language: str, context: dict[str, Any]) -> RenderedEmail | str:
    """The rendered email, or the template's error as text: a broken template is what HR must see."""
    try:
        return render_email(organization=organization, kind=kind, language=language, context=context)
    except TemplateRenderError as error:
        return str(error)
