from datetime import timedelta

import pytest
from django.utils import timezone

from recruitment.errors import ApplicationAlreadyOpen, InvalidTransition, StaleStage
from recruitment.models import ApplicationStatus, FollowUpPolicy, HistoryEvent, RejectionReason, StageKind
from recruitment.services import (
    application_create,
    application_hire,
    application_move,
    application_reject,
    application_unreject,
    application_withdraw,
    interview_cancel,
    interview_schedule,
)
from tenancy.errors import CrossOrganizationReference
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def reason(tenant: Tenant) -> RejectionReason:
    return RejectionReason.objects.filter(type="rejected_by_us").first()


def test_new_job_copies_the_default_pipeline(in_a: Tenant) -> None:
    job = in_a.job()

    assert [stage.kind for stage in job.stages.order_by("order")] == [
        StageKind.APPLIED,
        StageKind.SCREENING,
        StageKind.INTERVIEW,
        StageKind.OFFER,
        StageKind.HIRED,
    ]


def test_new_application_starts_at_the_first_stage_with_history(in_a: Tenant) -> None:
    application = in_a.application()

    assert application.stage.kind == StageKind.APPLIED
    assert application.status == ApplicationStatus.ACTIVE
    entry = application.history.get()
    assert (entry.event, entry.to_stage, entry.actor_user) == (
        HistoryEvent.CREATED,
        application.stage,
        in_a.recruiter,
    )


def test_second_open_application_for_the_same_job_is_refused(in_a: Tenant) -> None:
    first = in_a.application()

    with pytest.raises(ApplicationAlreadyOpen) as exists:
        application_create(
            organization=in_a.organization, actor=in_a.actor, candidate=first.candidate, job=first.job
        )

    assert exists.value.existing_id == first.pk


def test_move_records_the_stage_change(in_a: Tenant) -> None:
    application = in_a.application()
    screening = application.job.stages.get(kind=StageKind.SCREENING)

    application_move(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        from_stage=application.stage,
        to_stage=screening,
        note="CV looks good",
    )

    application.refresh_from_db()
    assert application.stage == screening
    entry = application.history.get(event=HistoryEvent.MOVED)
    assert (entry.from_stage.kind, entry.to_stage, entry.note) == (
        StageKind.APPLIED,
        screening,
        "CV looks good",
    )


def test_move_from_a_stale_stage_is_refused(in_a: Tenant) -> None:
    application = in_a.application()
    applied = application.stage
    screening = application.job.stages.get(kind=StageKind.SCREENING)
    interview = application.job.stages.get(kind=StageKind.INTERVIEW)
    move = {"organization": in_a.organization, "actor": in_a.actor, "application": application}
    application_move(**move, from_stage=applied, to_stage=screening)

    with pytest.raises(StaleStage):
        application_move(**move, from_stage=applied, to_stage=interview)

    application.refresh_from_db()
    assert application.stage == screening
    assert application.history.filter(event=HistoryEvent.MOVED).count() == 1


def test_move_to_another_jobs_stage_is_refused(in_a: Tenant) -> None:
    application = in_a.application()
    other_stage = in_a.job("Designer").stages.first()

    with pytest.raises(InvalidTransition):
        application_move(
            organization=in_a.organization,
            actor=in_a.actor,
            application=application,
            from_stage=application.stage,
            to_stage=other_stage,
        )


def test_reject_records_reason_and_clears_the_deadline(in_a: Tenant) -> None:
    application = in_a.interviewed_application()
    assert application.decision_due_at is not None

    application_reject(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        reason=reason(in_a),
        note="n",
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert application.decision_due_at is None and application.decided_at is not None
    entry = application.history.get(event=HistoryEvent.REJECTED)
    assert (entry.rejection_reason, entry.from_status, entry.to_status) == (
        reason(in_a),
        "active",
        "rejected",
    )


def test_rejected_application_cannot_be_moved(in_a: Tenant) -> None:
    application = in_a.application()
    application_reject(
        organization=in_a.organization, actor=in_a.actor, application=application, reason=reason(in_a)
    )

    with pytest.raises(InvalidTransition):
        application_move(
            organization=in_a.organization,
            actor=in_a.actor,
            application=application,
            from_stage=application.stage,
            to_stage=application.job.stages.last(),
        )


def test_withdrawn_application_cannot_be_hired(in_a: Tenant) -> None:
    application = in_a.application()
    application_withdraw(organization=in_a.organization, actor=in_a.actor, application=application)

    with pytest.raises(InvalidTransition):
        application_hire(organization=in_a.organization, actor=in_a.actor, application=application)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_hire_moves_to_the_hired_stage(in_a: Tenant) -> None:
    application = in_a.application()

    application_hire(organization=in_a.organization, actor=in_a.actor, application=application)

    application.refresh_from_db()
    assert (application.status, application.stage.kind) == (ApplicationStatus.HIRED, StageKind.HIRED)
    assert application.history.filter(event=HistoryEvent.HIRED).count() == 1


def test_unreject_reopens_and_restores_the_deadline(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=2)
    due = application.decision_due_at
    application_reject(
        organization=in_a.organization, actor=in_a.actor, application=application, reason=reason(in_a)
    )

    application_unreject(organization=in_a.organization, actor=in_a.actor, application=application)

    application.refresh_from_db()
    assert (application.status, application.decision_due_at, application.rejection_reason) == (
        "active",
        due,
        None,
    )
    assert application.history.filter(event=HistoryEvent.UNREJECTED).count() == 1


def test_completing_an_interview_sets_the_decision_deadline(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=3)

    last_end = application.interviews.get().ends_at
    assert application.decision_due_at == last_end + timedelta(days=14)


def test_job_policy_override_sets_its_own_window(in_a: Tenant) -> None:
    job = in_a.job()
    FollowUpPolicy.objects.create(organization=in_a.organization, job=job, decision_window_days=5)

    application = in_a.interviewed_application(job=job)

    assert application.decision_due_at == application.interviews.get().ends_at + timedelta(days=5)


def test_cancelling_the_last_interview_moves_the_deadline_back(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=5)
    first_due = application.decision_due_at
    later = interview_schedule(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=1),
    )
    application.refresh_from_db()
    assert application.decision_due_at == later.ends_at + timedelta(days=14)

    interview_cancel(organization=in_a.organization, actor=in_a.actor, interview=later)

    application.refresh_from_db()
    assert application.decision_due_at == first_due


def test_interview_ending_before_it_starts_is_refused(in_a: Tenant) -> None:
    application = in_a.application()
    now = timezone.now()

    with pytest.raises(InvalidTransition):
        interview_schedule(
            organization=in_a.organization,
            actor=in_a.actor,
            application=application,
            starts_at=now,
            ends_at=now - timedelta(hours=1),
        )


def test_service_refuses_another_organizations_job(world: World) -> None:
    job_b = world.b.job()
    candidate_a = world.a.candidate()

    with world.a.scope(), pytest.raises(CrossOrganizationReference):
        application_create(
            organization=world.a.organization, actor=world.a.actor, candidate=candidate_a, job=job_b
        )

    assert job_b.applications.model.unscoped.count() == 0


def test_service_refuses_another_organizations_application(world: World) -> None:
    application_b = world.b.application()

    with world.a.scope(), pytest.raises(CrossOrganizationReference):
        application_withdraw(
            organization=world.a.organization, actor=world.a.actor, application=application_b
        )

    application_b.refresh_from_db()
    assert application_b.status == ApplicationStatus.ACTIVE
