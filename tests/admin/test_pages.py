"""The dashboard, the applications list, the pipeline board, follow-up triage, the outbox, and the pages
that create and preview through the services."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from candidates.models import Candidate
from notifications.models import EmailTemplate, Notification, NotificationKind, NotificationStatus
from recruitment.followups import followup_log
from recruitment.models import (
    Application,
    ApplicationStatus,
    FollowUp,
    FollowUpChannel,
    FollowUpPolicy,
    InboundStatus,
    Job,
    RejectionReason,
    StageKind,
)
from recruitment.services import application_hire, application_move, application_reject
from tests.admin.conftest import Staff, logged_in, messages_of, unmatched_email
from tests.conftest import World
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def overdue_and_due_soon(world: World, staff: Staff) -> tuple[Application, Application]:
    """One application 15 days after its interview (overdue) and one 12 days after (due in 2 days)."""
    overdue = world.a.interviewed_application(days_ago=15, job=staff.job)
    due_soon = world.a.interviewed_application(days_ago=12, job=staff.job)
    return overdue, due_soon


def test_dashboard_shows_what_needs_hr_today(world: World, staff: Staff) -> None:
    overdue, due_soon = overdue_and_due_soon(world, staff)
    with world.a.scope():
        followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=overdue,
            received_at=timezone.now() - timedelta(days=3),
            channel=FollowUpChannel.EMAIL,
            kind="other",
            text="Could I reschedule?",
        )

    page = logged_in(staff.recruiter).get(reverse("admin:index")).content.decode()

    decisions = page[page.index('id="decisions"') : page.index('id="followups"')]
    assert overdue.candidate.full_name in decisions and due_soon.candidate.full_name in decisions
    assert staff.application.candidate.full_name not in decisions
    followups = page[page.index('id="followups"') :]
    assert overdue.candidate.full_name in followups and "waiting 3 days" in followups
    assert '<svg class="kabar-funnel"' in page


def test_dashboard_funnel_counts_applications_that_reached_each_stage(world: World, staff: Staff) -> None:
    with world.a.scope():
        stages = {stage.kind: stage for stage in staff.job.stages.all()}
        application_move(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            from_stage=staff.application.stage,
            to_stage=stages[StageKind.INTERVIEW],
        )
    world.a.application(job=staff.job)

    page = logged_in(staff.recruiter).get(reverse("admin:index")).content.decode()

    funnel = page[page.index(f'href="/admin/recruitment/job/{staff.job.pk}/board/"') :]
    funnel = funnel[: funnel.index("</svg>")]
    counts = [int(line.split(">")[1].split("<")[0]) for line in funnel.split("\n") if "kabar-count" in line]
    assert counts == [2, 1, 1, 0, 0]


def test_dashboard_shows_the_median_time_from_last_interview_to_decision(world: World, staff: Staff) -> None:
    for days in (2, 4, 9):
        application = world.a.interviewed_application(days_ago=days, job=staff.job)
        with world.a.scope():
            application_hire(organization=world.a.organization, actor=world.a.actor, application=application)

    page = logged_in(staff.recruiter).get(reverse("admin:index")).content.decode()

    median = page[page.index('id="time-to-decision"') :]
    assert "4.0 days" in median
    assert "median of 3 decisions" in median


def test_hiring_manager_dashboard_leaves_out_the_organizations_decision_lists(
    world: World, staff: Staff
) -> None:
    overdue = world.a.interviewed_application(days_ago=15, job=staff.other_job)

    page = logged_in(staff.hiring_manager).get(reverse("admin:index")).content.decode()

    assert overdue.candidate.full_name not in page
    assert 'id="decisions"' not in page
    assert staff.other_job.title not in page[page.index('id="kabar-dashboard"') :]


def test_applications_list_highlights_decisions_due(world: World, staff: Staff) -> None:
    overdue, due_soon = overdue_and_due_soon(world, staff)

    page = (
        logged_in(staff.recruiter).get(reverse("admin:recruitment_application_changelist")).content.decode()
    )

    row = page[page.index(overdue.candidate.full_name) :]
    assert 'class="kabar-badge kabar-bad"' in row[: row.index("</tr>")]
    row = page[page.index(due_soon.candidate.full_name) :]
    assert 'class="kabar-badge kabar-warn"' in row[: row.index("</tr>")]
    row = page[page.index(staff.application.candidate.full_name) :]
    row = row[: row.index("</tr>")]
    assert "kabar-badge kabar-bad" not in row and "kabar-badge kabar-warn" not in row
    assert '<td class="field-days_since_interview">2</td>' in row


def test_applications_list_shows_followups_with_their_verdict(world: World, staff: Staff) -> None:
    with world.a.scope():
        followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            received_at=timezone.now(),
            channel=FollowUpChannel.EMAIL,
            kind="status_inquiry",
            text="Any news?",
        )

    page = (
        logged_in(staff.recruiter).get(reverse("admin:recruitment_application_changelist")).content.decode()
    )

    row = page[page.index(staff.application.candidate.full_name) :]
    assert 'title="early, no. 1, Kabar acknowledges it">Status inquiry</span>' in row[: row.index("</tr>")]


@pytest.mark.parametrize(
    ("due", "expected"), [("overdue", "overdue"), ("soon", "due_soon"), ("none", "fresh")]
)
def test_applications_list_filters_by_decision_due(
    world: World, staff: Staff, due: str, expected: str
) -> None:
    overdue, due_soon = overdue_and_due_soon(world, staff)
    fresh = world.a.application(job=staff.job)
    names = {"overdue": overdue, "due_soon": due_soon, "fresh": fresh, "on_track": staff.application}

    page = logged_in(staff.recruiter).get(reverse("admin:recruitment_application_changelist"), {"due": due})

    shown = {
        key for key, application in names.items() if application.candidate.full_name in page.content.decode()
    }
    assert shown == {expected}


def test_applications_list_searches_by_email_and_filters_by_stage_and_status(
    world: World, staff: Staff
) -> None:
    other = world.a.application(job=staff.job)
    url = reverse("admin:recruitment_application_changelist")
    client = logged_in(staff.recruiter)

    by_email = client.get(url, {"q": other.candidate.email}).content.decode()
    by_stage = client.get(url, {"stage__kind": StageKind.APPLIED}).content.decode()
    by_status = client.get(url, {"status__exact": ApplicationStatus.HIRED}).content.decode()

    assert other.candidate.full_name in by_email and staff.application.candidate.full_name not in by_email
    assert other.candidate.full_name in by_stage
    assert other.candidate.full_name not in by_status


def test_board_shows_a_column_per_stage_and_moves_in_one_action(world: World, staff: Staff) -> None:
    with world.a.scope():
        stages = list(staff.job.stages.order_by("order"))
    url = reverse("admin:recruitment_job_board", args=[staff.job.pk])
    client = logged_in(staff.recruiter)

    page = client.get(url).content.decode()
    moved = client.post(
        url, {"application": staff.application.pk, "from_stage": stages[0].pk, "to_stage": stages[1].pk}
    )

    assert [page.index(f'id="stage-{stage.pk}"') for stage in stages] == sorted(
        page.index(f'id="stage-{stage.pk}"') for stage in stages
    )
    assert f'id="card-{staff.application.pk}"' in page
    assert moved.status_code == 302
    with world.a.scope():
        application = Application.objects.get(pk=staff.application.pk)
        assert application.stage == stages[1]
        assert application.history.order_by("-id").first().actor_user == staff.recruiter


def test_board_move_from_a_stale_column_is_a_message(world: World, staff: Staff) -> None:
    with world.a.scope():
        stages = list(staff.job.stages.order_by("order"))

    response = logged_in(staff.recruiter).post(
        reverse("admin:recruitment_job_board", args=[staff.job.pk]),
        {"application": staff.application.pk, "from_stage": stages[1].pk, "to_stage": stages[2].pk},
    )

    assert response.status_code == 302
    assert any("no longer at" in message for message in messages_of(response))


def test_triage_lists_the_emails_waiting_for_it(world: World, staff: Staff) -> None:
    waiting = unmatched_email(world.a, "waiting@mail.test")
    dismissed = unmatched_email(world.a, "dismissed@mail.test")
    with world.a.scope():
        type(dismissed).objects.filter(pk=dismissed.pk).update(status=InboundStatus.DISMISSED)

    page = (
        logged_in(staff.recruiter).get(reverse("admin:recruitment_inboundemail_changelist")).content.decode()
    )

    assert waiting.from_address in page and dismissed.from_address not in page


def test_triage_attaches_an_email_to_an_application(world: World, staff: Staff) -> None:
    inbound = unmatched_email(world.a, staff.application.candidate.email.replace("@", "+alt@"))
    url = reverse("admin:recruitment_inboundemail_change", args=[inbound.pk])
    client = logged_in(staff.recruiter)

    page = client.get(url)
    response = client.post(url, {"action": "attach", "attach-application": staff.application.pk})

    assert page.status_code == 200
    assert response.status_code == 302
    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.MATCHED
    with world.a.scope():
        followup = FollowUp.objects.get(application=staff.application)
    assert (followup.inbound_email_id, followup.channel) == (inbound.pk, FollowUpChannel.EMAIL)


def test_triage_dismisses_emails_one_by_one_or_in_bulk(world: World, staff: Staff) -> None:
    one, two, three = (unmatched_email(world.a, f"spam{n}@mail.test") for n in range(3))
    client = logged_in(staff.recruiter)

    client.post(reverse("admin:recruitment_inboundemail_change", args=[one.pk]), {"action": "dismiss"})
    client.post(
        reverse("admin:recruitment_inboundemail_changelist"),
        {"action": "dismiss", "_selected_action": [two.pk, three.pk]},
    )

    for inbound in (one, two, three):
        inbound.refresh_from_db()
        assert inbound.status == InboundStatus.DISMISSED


def test_triage_of_an_email_already_dismissed_is_a_bad_request(world: World, staff: Staff) -> None:
    inbound = unmatched_email(world.a)
    url = reverse("admin:recruitment_inboundemail_change", args=[inbound.pk])
    client = logged_in(staff.recruiter)
    client.post(url, {"action": "dismiss"})

    response = client.post(url, {"action": "attach", "attach-application": staff.application.pk})

    assert response.status_code == 400
    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.DISMISSED


def scheduled_notice(world: World, staff: Staff) -> Notification:
    with world.a.scope():
        application_reject(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            reason=RejectionReason.objects.filter(type="rejected_by_us").first(),
            notify_at=timezone.now() + timedelta(days=1),
        )
        return Notification.objects.get(kind=NotificationKind.REJECTION)


def test_outbox_cancels_a_pending_email_from_its_page(world: World, staff: Staff) -> None:
    notice = scheduled_notice(world, staff)
    url = reverse("admin:notifications_notification_change", args=[notice.pk])

    page = logged_in(staff.recruiter).get(url).content.decode()
    logged_in(staff.recruiter).post(
        url, {"CHANGE_FORM-action": "cancel", "_selected_action": [notice.pk], "index": 0}
    )

    assert notice.subject in page and notice.body_text.splitlines()[0] in page
    notice.refresh_from_db()
    assert notice.status == NotificationStatus.CANCELLED


def test_outbox_sends_a_failed_email_again(world: World, staff: Staff) -> None:
    notice = scheduled_notice(world, staff)
    with world.a.scope():
        Notification.objects.filter(pk=notice.pk).update(
            status=NotificationStatus.FAILED, last_error="550 no such user"
        )

    listing = logged_in(staff.recruiter).get(
        reverse("admin:notifications_notification_changelist"), {"status__exact": "failed"}
    )
    logged_in(staff.recruiter).post(
        reverse("admin:notifications_notification_changelist"),
        {"action": "resend", "_selected_action": [notice.pk]},
    )

    assert notice.recipient in listing.content.decode()
    notice.refresh_from_db()
    assert (notice.status, notice.attempts) == (NotificationStatus.PENDING, 0)


def test_policy_page_previews_the_policy_for_a_real_application(world: World, staff: Staff) -> None:
    with world.a.scope():
        policy = FollowUpPolicy.objects.get(job=None)
    policy.decision_window_days = 20
    policy.save()

    page = logged_in(staff.owner).get(reverse("admin:recruitment_followuppolicy_change", args=[policy.pk]))

    content = page.content.decode()
    preview = content[content.index('id="kabar-preview"') :]
    assert staff.application.candidate.full_name in preview
    with world.a.scope():
        expected = (
            timezone.localtime(staff.application.interviews.get().ends_at) + timedelta(days=20)
        ).date()
    assert f"{expected.day} {expected:%B} {expected.year}" in preview
    assert "Status inquiry" in preview and "early" in preview


def test_email_template_page_previews_the_template_for_a_real_application(world: World, staff: Staff) -> None:
    with world.a.scope():
        template = EmailTemplate.objects.create(
            organization=world.a.organization,
            kind=NotificationKind.REJECTION,
            language="en",
            subject="About {{ position }}",
            body_text="Dear {{ candidate_name }}, thank you for interviewing for {{ position }}.",
        )

    page = logged_in(staff.owner).get(
        reverse("admin:notifications_emailtemplate_change", args=[template.pk]),
        {"application": staff.application.pk},
    )

    preview = page.content.decode()[page.content.decode().index('id="kabar-preview"') :]
    assert f"About {staff.job.title}" in preview
    assert f"Dear {staff.application.candidate.full_name}, thank you" in preview


def test_a_job_added_in_the_admin_gets_the_default_pipeline(world: World, staff: Staff) -> None:
    response = logged_in(staff.recruiter).post(
        reverse("admin:recruitment_job_add"),
        {"title": "Data Analyst", "status": "open", "department": "Analytics"},
    )

    assert response.status_code == 302
    with world.a.scope():
        job = Job.objects.get(title="Data Analyst")
        assert job.stages.count() == 5
        assert job.organization == world.a.organization


def test_candidate_added_in_the_admin_goes_through_the_service(world: World, staff: Staff) -> None:
    client = logged_in(staff.recruiter)
    fields = {"full_name": "Eko Saputra", "email": " Eko@Mail.TEST ", "language": "id"}

    added = client.post(reverse("admin:candidates_candidate_add"), fields)
    duplicate = client.post(reverse("admin:candidates_candidate_add"), fields | {"full_name": "Eko S."})

    assert added.status_code == 302
    with world.a.scope():
        assert Candidate.objects.get(full_name="Eko Saputra").email == "eko@mail.test"
    assert duplicate.status_code == 200
    assert "A candidate with this email address already exists." in duplicate.content.decode()


@pytest.mark.parametrize("editor", ["recruiter", "superuser"])
def test_stages_are_added_on_the_job_page_in_the_jobs_organization(
    world: World, staff: Staff, editor: str
) -> None:
    user = staff.recruiter if editor == "recruiter" else UserFactory(is_superuser=True)
    with world.a.scope():
        stages = list(staff.job.stages.order_by("order"))
    data = {
        "title": staff.job.title,
        "status": staff.job.status,
        "organization": world.a.organization.pk,
        "stages-TOTAL_FORMS": len(stages) + 1,
        "stages-INITIAL_FORMS": len(stages),
    }
    for index, stage in enumerate([*stages, None]):
        data |= {
            f"stages-{index}-id": stage.pk if stage else "",
            f"stages-{index}-job": staff.job.pk,
            f"stages-{index}-order": stage.order if stage else 9,
            f"stages-{index}-name": stage.name if stage else "Reference check",
            f"stages-{index}-kind": stage.kind if stage else StageKind.OFFER,
        }

    response = logged_in(user).post(reverse("admin:recruitment_job_change", args=[staff.job.pk]), data)

    assert response.status_code == 302
    with world.a.scope():
        added = staff.job.stages.get(name="Reference check")
    assert added.organization == world.a.organization
