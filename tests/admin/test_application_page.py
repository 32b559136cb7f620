"""The application page: the story in time order, and each action through its service, with the user as
the actor in the application's history, and a refused rule shown to HR instead of an error page."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification, NotificationKind, NotificationStatus
from recruitment.admin_forms import read_pasted_email
from recruitment.followups import followup_log
from recruitment.models import (
    Application,
    ApplicationStatus,
    FollowUp,
    FollowUpChannel,
    HistoryEvent,
    Interview,
    RejectionReason,
    StageKind,
)
from recruitment.policy import ResponseOwed
from recruitment.services import application_reject, interview_update
from tests.admin.conftest import Staff, act, application_url, logged_in, messages_of
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def reason(tenant: Tenant, type: str = "rejected_by_us") -> RejectionReason:
    with tenant.scope():
        return RejectionReason.objects.filter(type=type).first()


def latest_entry(application: Application, world: World) -> object:
    with world.a.scope():
        return application.history.order_by("-created_at", "-id").first()


def reloaded(application: Application, world: World) -> Application:
    with world.a.scope():
        return Application.objects.select_related("stage").get(pk=application.pk)


def emails(world: World, kind: str) -> list[Notification]:
    with world.a.scope():
        return list(Notification.objects.filter(kind=kind))


def test_page_tells_the_story_in_time_order(staff: Staff, world: World) -> None:
    with world.a.scope():
        followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            received_at=timezone.now() - timedelta(days=1),
            channel=FollowUpChannel.EMAIL,
            subject="Thank you for the interview",
            text="Thank you for your time yesterday.",
        )

    page = logged_in(staff.recruiter).get(application_url(staff.application)).content.decode()

    # The interview ended two days ago, the thank-you came yesterday, the application was entered today.
    story = page[page.index('id="story"') :]
    positions = [story.index(text) for text in ("Interview:", "Thank you for the interview", "Applied")]
    assert positions == sorted(positions)
    assert "on time" in story and "thanked" in story


def test_move_records_the_user_in_the_history(staff: Staff, world: World) -> None:
    with world.a.scope():
        offer = staff.job.stages.get(kind=StageKind.OFFER)

    response = act(
        logged_in(staff.recruiter),
        staff.application,
        "move",
        from_stage=staff.application.stage_id,
        to_stage=offer.pk,
        note="Strong panel",
    )

    assert response.status_code == 302
    assert reloaded(staff.application, world).stage == offer
    entry = latest_entry(staff.application, world)
    assert (entry.event, entry.actor_user, entry.note) == (
        HistoryEvent.MOVED,
        staff.recruiter,
        "Strong panel",
    )


def test_move_from_a_stage_the_application_has_left_is_refused_on_the_page(
    staff: Staff, world: World
) -> None:
    with world.a.scope():
        stages = {stage.kind: stage for stage in staff.job.stages.all()}

    response = act(
        logged_in(staff.recruiter),
        staff.application,
        "move",
        from_stage=stages[StageKind.SCREENING].pk,
        to_stage=stages[StageKind.OFFER].pk,
    )

    assert response.status_code == 200
    assert "no longer at" in " ".join(messages_of(response))
    assert "no longer at" in response.content.decode()
    assert reloaded(staff.application, world).stage_id == staff.application.stage_id


def test_reject_now_queues_the_notice_at_once(staff: Staff, world: World) -> None:
    response = act(
        logged_in(staff.recruiter), staff.application, "reject", reason=reason(world.a).pk, notice="now"
    )

    assert response.status_code == 302
    application = reloaded(staff.application, world)
    assert (application.status, application.rejection_reason) == (ApplicationStatus.REJECTED, reason(world.a))
    [notice] = emails(world, NotificationKind.REJECTION)
    assert notice.send_after <= timezone.now()
    assert latest_entry(staff.application, world).actor_user == staff.recruiter


def test_reject_with_a_scheduled_notice_then_cancel_it(staff: Staff, world: World) -> None:
    client = logged_in(staff.recruiter)
    send_at = (timezone.localtime() + timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)

    rejected = act(
        client,
        staff.application,
        "reject",
        reason=reason(world.a).pk,
        notice="later",
        notify_at=send_at.strftime("%Y-%m-%dT%H:%M"),
    )
    [notice] = emails(world, NotificationKind.REJECTION)
    page = client.get(application_url(staff.application)).content.decode()
    cancelled = act(client, staff.application, "cancel_notice", notification=notice.pk)

    assert rejected.status_code == 302
    assert notice.send_after == send_at
    assert 'id="pending-notices"' in page
    assert cancelled.status_code == 302
    notice.refresh_from_db()
    assert notice.status == NotificationStatus.CANCELLED
    assert reloaded(staff.application, world).status == ApplicationStatus.REJECTED


def test_scheduled_notice_time_is_read_in_the_organizations_timezone(staff: Staff, world: World) -> None:
    world.a.organization.timezone = "Asia/Makassar"
    world.a.organization.save()

    act(
        logged_in(staff.recruiter),
        staff.application,
        "reject",
        reason=reason(world.a).pk,
        notice="later",
        notify_at="2030-01-02T09:00",
    )

    [notice] = emails(world, NotificationKind.REJECTION)
    assert notice.send_after == datetime(2030, 1, 2, 1, 0, tzinfo=UTC)


def test_a_notice_scheduled_in_the_past_is_a_form_error(staff: Staff, world: World) -> None:
    response = act(
        logged_in(staff.recruiter),
        staff.application,
        "reject",
        reason=reason(world.a).pk,
        notice="later",
        notify_at="2020-01-01T09:00",
    )

    assert response.status_code == 200
    assert "Choose a time in the future" in response.content.decode()
    assert reloaded(staff.application, world).status == ApplicationStatus.ACTIVE
    assert emails(world, NotificationKind.REJECTION) == []


def test_undoing_a_rejection_cancels_the_notice_not_yet_sent(staff: Staff, world: World) -> None:
    with world.a.scope():
        application_reject(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            reason=reason(world.a),
            notify_at=timezone.now() + timedelta(days=1),
        )

    response = act(logged_in(staff.owner), staff.application, "unreject")

    assert response.status_code == 302
    assert reloaded(staff.application, world).status == ApplicationStatus.ACTIVE
    assert [n.status for n in emails(world, NotificationKind.REJECTION)] == [NotificationStatus.CANCELLED]
    assert latest_entry(staff.application, world).actor_user == staff.owner


def test_hire_sends_the_offer(staff: Staff, world: World) -> None:
    response = act(logged_in(staff.recruiter), staff.application, "hire", note="Welcome aboard")

    assert response.status_code == 302
    application = reloaded(staff.application, world)
    assert (application.status, application.stage.kind) == (ApplicationStatus.HIRED, StageKind.HIRED)
    assert len(emails(world, NotificationKind.OFFER)) == 1


def test_withdraw_confirms_to_the_candidate(staff: Staff, world: World) -> None:
    withdrew = reason(world.a, "withdrew")

    response = act(logged_in(staff.recruiter), staff.application, "withdraw", reason=withdrew.pk)

    assert response.status_code == 302
    application = reloaded(staff.application, world)
    assert (application.status, application.rejection_reason) == (ApplicationStatus.WITHDRAWN, withdrew)
    assert len(emails(world, NotificationKind.WITHDRAWAL_CONFIRMATION)) == 1


def test_a_rule_the_service_refuses_is_a_message_not_an_error_page(staff: Staff, world: World) -> None:
    client = logged_in(staff.recruiter)
    act(client, staff.application, "hire")

    response = act(client, staff.application, "hire")

    assert response.status_code == 200
    assert "A hired application cannot be hired." in " ".join(messages_of(response))
    assert len(emails(world, NotificationKind.OFFER)) == 1


def test_an_unknown_action_is_a_bad_request(staff: Staff) -> None:
    response = act(logged_in(staff.recruiter), staff.application, "delete_everything")

    assert response.status_code == 400


PASTED = """From: Ayu Lestari <Ayu@Mail.test>
Date: Tue, 24 Nov 2026 10:00:00 +0700
Subject: Follow up: Backend Engineer interview

Dear Ms Rina,

Thank you for the interview. May I ask when the result for the Backend Engineer position will be out?

Ayu, 0812 3456 7890"""


def test_log_a_followup_by_pasting_an_email(staff: Staff, world: World) -> None:
    response = act(
        logged_in(staff.recruiter), staff.application, "log_followup", email=PASTED, channel="email"
    )

    assert response.status_code == 302
    with world.a.scope():
        followup = FollowUp.objects.get(application=staff.application)
    assert (followup.subject, followup.sender, followup.kind, followup.logged_by) == (
        "Follow up: Backend Engineer interview",
        "ayu@mail.test",
        "status_inquiry",
        staff.recruiter,
    )
    assert followup.received_at == datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    assert followup.text.startswith("Dear Ms Rina,")
    assert followup.signals["named_position"] is True


def test_logging_a_followup_with_a_chosen_kind_and_time(staff: Staff, world: World) -> None:
    response = act(
        logged_in(staff.recruiter),
        staff.application,
        "log_followup",
        email="Called to say thanks for the interview.",
        channel="phone",
        kind="thank_you",
        received_at=timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
    )

    assert response.status_code == 302
    with world.a.scope():
        followup = FollowUp.objects.get(application=staff.application)
    assert (followup.kind, followup.channel, followup.kind_was_classified) == ("thank_you", "phone", False)


@pytest.mark.parametrize(
    ("pasted", "sender", "subject", "text"),
    [
        ("Halo Bu, apakah sudah ada kabar?", "", "", "Halo Bu, apakah sudah ada kabar?"),
        ("Dear Sir: any news?\nThanks", "", "", "Dear Sir: any news?\nThanks"),
        (
            "Dari: Budi <budi@mail.test>\nSubjek: Tanya hasil\n\nApakah sudah ada kabar?",
            "budi@mail.test",
            "Tanya hasil",
            "Apakah sudah ada kabar?",
        ),
    ],
)
def test_pasted_email_is_read_with_or_without_header_lines(
    pasted: str, sender: str, subject: str, text: str
) -> None:
    email = read_pasted_email(pasted)

    assert (email.sender, email.subject, email.text, email.sent_at) == (sender, subject, text, None)


def test_feedback_is_prefilled_from_interview_notes_and_sent(staff: Staff, world: World) -> None:
    with world.a.scope():
        interview = staff.application.interviews.get()
        interview_update(
            organization=world.a.organization,
            actor=world.a.actor,
            interview=interview,
            feedback_notes="Clear answers; practise SQL window functions.",
        )
        application_reject(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            reason=reason(world.a),
        )
        request = followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            received_at=timezone.now(),
            channel=FollowUpChannel.EMAIL,
            subject="Feedback",
            text="Could you share some feedback on my interview?",
        )
    client = logged_in(staff.recruiter)

    page = client.get(application_url(staff.application)).content.decode()
    response = act(
        client,
        staff.application,
        "feedback",
        followup=request.pk,
        text="Your answers were clear. Practise SQL.",
    )

    assert request.response_owed == ResponseOwed.FEEDBACK
    assert "Clear answers; practise SQL window functions." in page[page.index('id="action-feedback"') :]
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.feedback_text, request.answered_at is not None) == (
        "Your answers were clear. Practise SQL.",
        True,
    )
    [reply] = emails(world, NotificationKind.FEEDBACK_REPLY)
    assert "Your answers were clear." in reply.body_text


def test_correct_the_kind_of_a_followup(staff: Staff, world: World) -> None:
    with world.a.scope():
        followup = followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            received_at=timezone.now(),
            channel=FollowUpChannel.EMAIL,
            text="Halo, saya mau tanya",
        )

    response = act(
        logged_in(staff.recruiter),
        staff.application,
        "correct_kind",
        followup=followup.pk,
        kind="status_inquiry",
    )

    assert response.status_code == 302
    followup.refresh_from_db()
    assert (followup.kind, followup.kind_was_classified) == ("status_inquiry", False)


def test_mark_a_question_answered(staff: Staff, world: World) -> None:
    with world.a.scope():
        followup = followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            received_at=timezone.now(),
            channel=FollowUpChannel.EMAIL,
            kind="other",
            text="Is parking available at the office?",
        )

    response = act(logged_in(staff.recruiter), staff.application, "mark_answered", followup=followup.pk)

    assert response.status_code == 302
    followup.refresh_from_db()
    assert followup.answered_at is not None


def test_schedule_hold_and_cancel_interviews(staff: Staff, world: World) -> None:
    client = logged_in(staff.recruiter)
    starts = timezone.localtime() + timedelta(days=3)

    scheduled = act(
        client,
        staff.application,
        "schedule_interview",
        starts_at=starts.strftime("%Y-%m-%dT10:00"),
        ends_at=starts.strftime("%Y-%m-%dT11:00"),
        kind="video",
        interviewers="Rina, Budi",
        results_promised_by=(starts + timedelta(days=7)).strftime("%Y-%m-%d"),
    )
    with world.a.scope():
        new = Interview.objects.get(application=staff.application, completed_at=None)
    held = act(client, staff.application, "complete_interview", interview=new.pk)
    second = act(
        client,
        staff.application,
        "schedule_interview",
        starts_at=starts.strftime("%Y-%m-%dT13:00"),
        ends_at=starts.strftime("%Y-%m-%dT14:00"),
        kind="onsite",
    )
    with world.a.scope():
        later = Interview.objects.get(application=staff.application, completed_at=None)
    cancelled = act(client, staff.application, "cancel_interview", interview=later.pk)

    assert [r.status_code for r in (scheduled, held, second, cancelled)] == [302] * 4
    new.refresh_from_db()
    later.refresh_from_db()
    assert (new.interviewers, new.completed_at is not None) == (["Rina", "Budi"], True)
    assert later.cancelled_at is not None
    assert reloaded(staff.application, world).decision_due_at > timezone.now() + timedelta(days=14)


def test_an_interview_ending_before_it_starts_is_a_form_error(staff: Staff) -> None:
    response = act(
        logged_in(staff.recruiter),
        staff.application,
        "schedule_interview",
        starts_at="2030-01-01T11:00",
        ends_at="2030-01-01T10:00",
        kind="video",
    )

    assert response.status_code == 200
    assert "An interview cannot end before it starts." in response.content.decode()


def test_add_an_application_for_a_candidate(staff: Staff, world: World) -> None:
    candidate = world.a.candidate(full_name="Dewi Kusuma")
    client = logged_in(staff.recruiter)

    form = client.get(reverse("admin:recruitment_application_add"), {"candidate": candidate.pk})
    added = client.post(
        reverse("admin:recruitment_application_add"), {"candidate": candidate.pk, "job": staff.job.pk}
    )
    again = client.post(
        reverse("admin:recruitment_application_add"), {"candidate": candidate.pk, "job": staff.job.pk}
    )

    assert "Dewi Kusuma" in form.content.decode()
    assert added.status_code == 302
    with world.a.scope():
        application = Application.objects.get(candidate=candidate)
        assert application.history.get().actor_user == staff.recruiter
    assert again.status_code == 200
    assert "already has an open application" in again.content.decode()
