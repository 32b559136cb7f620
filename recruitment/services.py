from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from candidates.models import Candidate
from notifications.models import NotificationKind
from recruitment.emails import cancel_pending_rejection, queue_candidate_email
from recruitment.errors import ApplicationAlreadyOpen, InvalidTransition, StaleStage
from recruitment.events import publish_application_event
from recruitment.models import (
    Application,
    ApplicationStatus,
    DefaultStage,
    FollowUpPolicy,
    HistoryEvent,
    Interview,
    InterviewKind,
    Job,
    JobStatus,
    RejectionReason,
    RejectionType,
    Stage,
    StageChange,
    StageKind,
)
from recruitment.selectors import last_interview_end, policy_for_job
from tenancy.actors import Actor
from tenancy.errors import CrossOrganizationReference
from tenancy.models import Organization

DEFAULT_PIPELINE: tuple[tuple[str, str], ...] = (
    ("Applied", StageKind.APPLIED),
    ("Screening", StageKind.SCREENING),
    ("Interview", StageKind.INTERVIEW),
    ("Offer", StageKind.OFFER),
    ("Hired", StageKind.HIRED),
)

DEFAULT_REJECTION_REASONS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Not enough experience", RejectionType.REJECTED_BY_US),
        ("Skills do not match the role", RejectionType.REJECTED_BY_US),
        ("Another candidate was chosen", RejectionType.REJECTED_BY_US),
        ("Position closed", RejectionType.REJECTED_BY_US),
        ("Accepted another offer", RejectionType.WITHDREW),
        ("No longer interested", RejectionType.WITHDREW),
    ),
    "id": (
        ("Pengalaman belum cukup", RejectionType.REJECTED_BY_US),
        ("Keahlian belum sesuai dengan posisi", RejectionType.REJECTED_BY_US),
        ("Kandidat lain terpilih", RejectionType.REJECTED_BY_US),
        ("Posisi sudah ditutup", RejectionType.REJECTED_BY_US),
        ("Menerima tawaran lain", RejectionType.WITHDREW),
        ("Tidak lagi berminat", RejectionType.WITHDREW),
    ),
}
NO_DECISION_REASON = {"en": "No decision within {days} days", "id": "Tidak ada keputusan dalam {days} hari"}


@transaction.atomic
def organization_provision(*, organization: Organization) -> None:
    """Gives an organization the default pipeline, rejection reasons and policy it lacks. Idempotent."""
    if not DefaultStage.objects.filter(organization=organization).exists():
        DefaultStage.objects.bulk_create(
            DefaultStage(organization=organization, name=name, order=order, kind=kind)
            for order, (name, kind) in enumerate(DEFAULT_PIPELINE, start=1)
        )
    for name, reason_type in DEFAULT_REJECTION_REASONS[organization.language]:
        RejectionReason.objects.get_or_create(
            organization=organization, name=name, defaults={"type": reason_type}
        )
    FollowUpPolicy.objects.get_or_create(organization=organization, job=None)


@transaction.atomic
def job_create(
    *,
    organization: Organization,
    actor: Actor,
    title: str,
    department: str = "",
    location: str = "",
    status: str = JobStatus.OPEN,
) -> Job:
    """Creates a job with a copy of the organization's default pipeline."""
    organization_provision(organization=organization)
    job = Job(organization=organization, title=title, department=department, location=location, status=status)
    job.save()
    Stage.objects.bulk_create(
        Stage(organization=organization, job=job, name=stage.name, order=stage.order, kind=stage.kind)
        for stage in DefaultStage.objects.filter(organization=organization)
    )
    return job


@transaction.atomic
def job_update(*, organization: Organization, actor: Actor, job: Job, **fields: Any) -> Job:
    refuse_other_organization(organization, job)
    allowed = {"title", "department", "location", "status"}
    if set(fields) - allowed:
        raise TypeError(f"Unknown job fields: {', '.join(sorted(set(fields) - allowed))}")
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=[*fields, "updated_at"])
    return job


@transaction.atomic
def application_create(
    *, organization: Organization, actor: Actor, candidate: Candidate, job: Job, stage: Stage | None = None
) -> Application:
    refuse_other_organization(organization, candidate, job, stage)
    if job.status == JobStatus.CLOSED:
        raise InvalidTransition("The job is closed; it takes no new applications.", code="job_closed")
    first_stage = stage or job.stages.order_by("order").first()
    if first_stage is None or first_stage.job_id != job.pk:
        raise InvalidTransition("The stage must belong to the job's pipeline.", code="stage_not_in_job")
    application = Application(organization=organization, candidate=candidate, job=job, stage=first_stage)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        existing = Application.objects.get(job=job, candidate=candidate, status=ApplicationStatus.ACTIVE)
        raise ApplicationAlreadyOpen(existing.pk) from None
    _record(application, actor, HistoryEvent.CREATED, to_stage=first_stage)
    return application


@transaction.atomic
def application_move(
    *,
    organization: Organization,
    actor: Actor,
    application: Application,
    from_stage: Stage,
    to_stage: Stage,
    note: str = "",
) -> Application:
    """Moves an active application; refused when it is no longer at `from_stage` (a double move)."""
    application = lock_application(organization, application)
    refuse_other_organization(organization, from_stage, to_stage)
    _require_active(application, "moved")
    if application.stage_id != from_stage.pk:
        raise StaleStage(
            f"The application is at “{application.stage.name}”, no longer at “{from_stage.name}”."
        )
    if to_stage.job_id != application.job_id:
        raise InvalidTransition(
            "The target stage belongs to another job's pipeline.", code="stage_not_in_job"
        )
    if to_stage.pk == from_stage.pk:
        return application
    application.stage = to_stage
    application.save(update_fields=["stage", "updated_at"])
    _record(application, actor, HistoryEvent.MOVED, from_stage=from_stage, to_stage=to_stage, note=note)
    return application


@transaction.atomic
def application_reject(
    *,
    organization: Organization,
    actor: Actor,
    application: Application,
    reason: RejectionReason,
    note: str = "",
    notify_at: datetime | None = None,
) -> Application:
    application = lock_application(organization, application)
    refuse_other_organization(organization, reason)
    _require_active(application, "rejected")
    _decide(application, ApplicationStatus.REJECTED, reason=reason, note=note)
    entry = _record(
        application,
        actor,
        HistoryEvent.REJECTED,
        reason=reason,
        note=note,
        from_status=ApplicationStatus.ACTIVE,
    )
    queue_candidate_email(application, NotificationKind.REJECTION, event_id=entry.pk, send_after=notify_at)
    return application


@transaction.atomic
def application_auto_reject(
    *, organization: Organization, application: Application, now: datetime
) -> Application | None:
    """The decision sweep's rejection: only while the application is still active and overdue.

    Under the row lock the check is the conditional update: a human decision that committed first wins.
    The sweep rejects in batches (recruitment/sweep.py) with the same reason, history entry and notice.
    """
    application = lock_application(organization, application)
    if (
        application.status != ApplicationStatus.ACTIVE
        or not application.decision_due_at
        or application.decision_due_at > now
    ):
        return None
    reason = no_decision_reason(organization, policy_for_job(application.job).decision_window_days)
    _decide(application, ApplicationStatus.REJECTED, reason=reason, note=reason.name)
    entry = _record_entry(application, auto_rejection_entry(application, reason))
    queue_candidate_email(application, NotificationKind.AUTO_REJECTION, event_id=entry.pk, automatic=True)
    return application


def auto_rejection_entry(application: Application, reason: RejectionReason) -> StageChange:
    """The unsaved history entry of an automatic rejection: by Kabar itself, with the reason as the note."""
    return history_entry(
        application,
        Actor.system(),
        HistoryEvent.REJECTED,
        reason=reason,
        note=reason.name,
        from_status=ApplicationStatus.ACTIVE,
    )


def no_decision_reason(organization: Organization, days: int) -> RejectionReason:
    name = NO_DECISION_REASON[organization.language].format(days=days)
    reason, _created = RejectionReason.objects.get_or_create(
        organization=organization, name=name, defaults={"type": RejectionType.REJECTED_BY_US}
    )
    return reason


@transaction.atomic
def application_unreject(
    *, organization: Organization, actor: Actor, application: Application
) -> Application:
    application = lock_application(organization, application)
    if application.status != ApplicationStatus.REJECTED:
        raise InvalidTransition("Only a rejected application can be un-rejected.")
    if Application.objects.filter(
        job=application.job_id, candidate=application.candidate_id, status=ApplicationStatus.ACTIVE
    ).exists():
        raise InvalidTransition(
            "The candidate has another open application for this job.", code="application_exists"
        )
    application.status = ApplicationStatus.ACTIVE
    application.rejection_reason = None
    application.rejection_note = ""
    application.decided_at = None
    application.decision_due_at = _decision_due_at(application)
    application.save(
        update_fields=[
            "status",
            "rejection_reason",
            "rejection_note",
            "decided_at",
            "decision_due_at",
            "updated_at",
        ]
    )
    _record(application, actor, HistoryEvent.UNREJECTED, from_status=ApplicationStatus.REJECTED)
    cancel_pending_rejection(application)
    return application


@transaction.atomic
def application_hire(
    *, organization: Organization, actor: Actor, application: Application, note: str = ""
) -> Application:
    application = lock_application(organization, application)
    _require_active(application, "hired")
    from_stage = application.stage
    hired_stage = application.job.stages.filter(kind=StageKind.HIRED).order_by("order").first()
    if hired_stage is not None:
        application.stage = hired_stage
    _decide(application, ApplicationStatus.HIRED, note=note, extra_fields=["stage"])
    entry = _record(
        application,
        actor,
        HistoryEvent.HIRED,
        from_stage=from_stage,
        to_stage=application.stage,
        note=note,
        from_status=ApplicationStatus.ACTIVE,
    )
    queue_candidate_email(application, NotificationKind.OFFER, event_id=entry.pk)
    return application


@transaction.atomic
def application_withdraw(
    *,
    organization: Organization,
    actor: Actor,
    application: Application,
    reason: RejectionReason | None = None,
    note: str = "",
) -> Application:
    application = lock_application(organization, application)
    refuse_other_organization(organization, reason)
    _require_active(application, "withdrawn")
    _decide(application, ApplicationStatus.WITHDRAWN, reason=reason, note=note)
    entry = _record(
        application,
        actor,
        HistoryEvent.WITHDRAWN,
        reason=reason,
        note=note,
        from_status=ApplicationStatus.ACTIVE,
    )
    queue_candidate_email(application, NotificationKind.WITHDRAWAL_CONFIRMATION, event_id=entry.pk)
    return application


@transaction.atomic
def interview_schedule(
    *,
    organization: Organization,
    actor: Actor,
    application: Application,
    starts_at: datetime,
    ends_at: datetime,
    kind: str = InterviewKind.ONSITE,
    interviewers: list[str] | None = None,
    results_promised_by: date | None = None,
) -> Interview:
    application = lock_application(organization, application)
    _require_active(application, "interviewed")
    _require_order(starts_at, ends_at)
    interview = Interview(
        organization=organization,
        application=application,
        starts_at=starts_at,
        ends_at=ends_at,
        kind=kind,
        interviewers=interviewers or [],
        results_promised_by=results_promised_by,
    )
    interview.save()
    _refresh_decision_due(application)
    return interview


@transaction.atomic
def interview_update(
    *, organization: Organization, actor: Actor, interview: Interview, **fields: Any
) -> Interview:
    application = lock_application(organization, interview.application)
    allowed = {"starts_at", "ends_at", "kind", "interviewers", "results_promised_by", "feedback_notes"}
    if set(fields) - allowed:
        raise TypeError(f"Unknown interview fields: {', '.join(sorted(set(fields) - allowed))}")
    for name, value in fields.items():
        setattr(interview, name, value)
    _require_order(interview.starts_at, interview.ends_at)
    interview.save(update_fields=list(fields))
    _refresh_decision_due(application)
    return interview


@transaction.atomic
def interview_complete(
    *, organization: Organization, actor: Actor, interview: Interview, feedback_notes: str | None = None
) -> Interview:
    """Records that the interview took place; the decision is due the policy's window after the last one."""
    application = lock_application(organization, interview.application)
    if interview.cancelled_at is not None:
        raise InvalidTransition("A cancelled interview cannot be completed.")
    interview.completed_at = interview.completed_at or timezone.now()
    if feedback_notes is not None:
        interview.feedback_notes = feedback_notes
    interview.save(update_fields=["completed_at", "feedback_notes"])
    _refresh_decision_due(application)
    return interview


@transaction.atomic
def interview_cancel(*, organization: Organization, actor: Actor, interview: Interview) -> Interview:
    application = lock_application(organization, interview.application)
    if interview.completed_at is not None:
        raise InvalidTransition("A completed interview cannot be cancelled.")
    interview.cancelled_at = interview.cancelled_at or timezone.now()
    interview.save(update_fields=["cancelled_at"])
    _refresh_decision_due(application)
    return interview


def lock_application(organization: Organization, application: Application) -> Application:
    refuse_other_organization(organization, application)
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("job", "stage", "candidate")
        .get(pk=application.pk)
    )
    # The organization in hand is theirs (checked above, and the scope allows no other): attached rather
    # than loaded again by each email and event that names it.
    locked.organization = locked.job.organization = locked.candidate.organization = organization
    return locked


def refuse_other_organization(organization: Organization, *objects: Any) -> None:
    for obj in objects:
        if obj is not None and obj.organization_id != organization.pk:
            raise CrossOrganizationReference(f"The {obj._meta.verbose_name} belongs to another organization.")


def _require_active(application: Application, verb: str) -> None:
    if application.status != ApplicationStatus.ACTIVE:
        raise InvalidTransition(
            f"A {application.get_status_display().lower()} application cannot be {verb}.",
            code="application_closed",
        )


def _require_order(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at < starts_at:
        raise InvalidTransition(
            "An interview cannot end before it starts.", code="interview_ends_before_start"
        )


def _decision_due_at(application: Application) -> datetime | None:
    last_end = last_interview_end(application)
    if last_end is None:
        return None
    return last_end + timedelta(days=policy_for_job(application.job).decision_window_days)


def _refresh_decision_due(application: Application) -> None:
    if application.status != ApplicationStatus.ACTIVE:
        return
    decision_due_at = _decision_due_at(application)
    if decision_due_at != application.decision_due_at:
        application.decision_due_at = decision_due_at
        application.save(update_fields=["decision_due_at", "updated_at"])


def _decide(
    application: Application,
    status: str,
    *,
    reason: RejectionReason | None = None,
    note: str = "",
    extra_fields: list[str] | None = None,
) -> None:
    application.status = status
    application.rejection_reason = reason
    application.rejection_note = note if status != ApplicationStatus.HIRED else ""
    application.decided_at = timezone.now()
    application.decision_due_at = None
    application.save(
        update_fields=[
            "status",
            "rejection_reason",
            "rejection_note",
            "decided_at",
            "decision_due_at",
            "updated_at",
            *(extra_fields or []),
        ]
    )


def _record(
    application: Application,
    actor: Actor,
    event: str,
    *,
    from_stage: Stage | None = None,
    to_stage: Stage | None = None,
    reason: RejectionReason | None = None,
    note: str = "",
    from_status: str = "",
) -> StageChange:
    """Records a history entry and tells the integrations, in the transaction of the change."""
    entry = history_entry(
        application,
        actor,
        event,
        from_stage=from_stage,
        to_stage=to_stage,
        reason=reason,
        note=note,
        from_status=from_status,
    )
    return _record_entry(application, entry)


def _record_entry(application: Application, entry: StageChange) -> StageChange:
    entry.save(force_insert=True)
    publish_application_event(application, entry)
    return entry


def history_entry(
    application: Application,
    actor: Actor,
    event: str,
    *,
    from_stage: Stage | None = None,
    to_stage: Stage | None = None,
    reason: RejectionReason | None = None,
    note: str = "",
    from_status: str = "",
) -> StageChange:
    """The unsaved history entry of a change already made to `application` in memory."""
    return StageChange(
        organization_id=application.organization_id,
        application=application,
        event=event,
        from_stage=from_stage,
        to_stage=to_stage or application.stage,
        from_status=from_status or application.status,
        to_status=application.status,
        actor_user=actor.user,
        actor_api_key=actor.api_key,
        rejection_reason=reason,
        note=note,
    )


@transaction.atomic
def policy_update(*, organization: Organization, actor: Actor, **fields: Any) -> FollowUpPolicy:
    """Replaces the organization's follow-up policy numbers; deadlines already set keep their dates."""
    organization_provision(organization=organization)
    policy = FollowUpPolicy.objects.select_for_update().get(organization=organization, job__isnull=True)
    for name, value in fields.items():
        setattr(policy, name, value)
    policy.full_clean()
    policy.save()
    return policy
