from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import Notification, NotificationKind
from recruitment.errors import InvalidTransition
from recruitment.followups import followup_correct_kind, followup_log, followup_send_feedback
from recruitment.models import Application, ApplicationStatus, FollowUp, RejectionReason
from recruitment.services import application_reject
from tenancy.errors import CrossOrganizationReference
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def log(tenant: Tenant, application, days_after_interview: float = 8, **fields) -> FollowUp:  # noqa: ANN001
    interview_end = application.interviews.order_by("-ends_at").first().ends_at
    fields.setdefault("channel", "email")
    fields.setdefault("received_at", interview_end + timedelta(days=days_after_interview))
    return followup_log(
        organization=tenant.organization, actor=tenant.actor, application=application, **fields
    )


def test_status_inquiry_is_acknowledged_with_the_expected_decision_date(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=9)

    followup = log(in_a, application, kind="status_inquiry", text="Any update?")

    assert (followup.response_owed, followup.timing, followup.number) == ("acknowledge", "on_time", 1)
    ack = Notification.objects.get(kind=NotificationKind.FOLLOWUP_ACK)
    expected = followup.expected_decision_date
    assert expected == (
        application.interviews.get().ends_at.astimezone(in_a.organization.zone).date() + timedelta(days=14)
    )
    assert f"{expected.day} {expected:%B %Y}" in ack.body_text


def test_logging_reads_the_organization_and_candidate_it_has_in_hand_no_more(in_a: Tenant) -> None:
    application = Application.objects.get(pk=in_a.interviewed_application(days_ago=9).pk)

    with CaptureQueriesContext(connection) as queries:
        log(in_a, application, kind="status_inquiry", text="Any update?")

    selects = [query["sql"] for query in queries.captured_queries if query["sql"].startswith("SELECT")]
    assert not [sql for sql in selects if 'FROM "tenancy_organization"' in sql]
    assert not [sql for sql in selects if 'FROM "candidates_candidate"' in sql]
    assert Notification.objects.filter(kind=NotificationKind.FOLLOWUP_ACK).count() == 1


def test_kind_is_classified_when_not_given(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=2)

    followup = log(
        in_a,
        application,
        days_after_interview=1,
        subject="Thank you",
        text="Thank you for the interview yesterday.",
    )

    assert (followup.kind, followup.kind_was_classified, followup.timing) == ("thank_you", True, "on_time")
    assert followup.signals["thanked"] is True


def test_third_followup_is_over_the_limit_and_not_acknowledged(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=12)
    log(in_a, application, days_after_interview=8, kind="status_inquiry")
    log(in_a, application, days_after_interview=9, kind="status_inquiry")

    third = log(in_a, application, days_after_interview=10, kind="status_inquiry")

    assert (third.sequence, third.number, third.response_owed) == ("over_limit", 3, "none")
    assert Notification.objects.filter(kind=NotificationKind.FOLLOWUP_ACK).count() == 2


def test_withdrawal_withdraws_the_application_and_confirms(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=3)

    log(in_a, application, days_after_interview=2, kind="withdrawal", text="I accepted another offer.")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.rejection_reason.type == "withdrew"
    assert Notification.objects.filter(kind=NotificationKind.WITHDRAWAL_CONFIRMATION).count() == 1


def test_followup_never_changes_status_unless_it_is_a_withdrawal(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=12)

    for day, kind in enumerate(
        ["thank_you", "status_inquiry", "feedback_request", "other", "status_inquiry"]
    ):
        log(in_a, application, days_after_interview=day + 1, kind=kind, text="?")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACTIVE


def test_feedback_request_after_rejection_gives_hr_a_deadline(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=5)
    application_reject(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        reason=RejectionReason.objects.first(),
    )

    followup = log(in_a, application, kind="feedback_request", received_at=timezone.now())

    assert followup.response_owed == "feedback"
    assert followup.reply_due_at == followup.received_at + timedelta(days=3)


def test_feedback_is_sent_once_and_marks_the_followup_answered(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=5)
    application_reject(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        reason=RejectionReason.objects.first(),
    )
    followup = log(in_a, application, kind="feedback_request", received_at=timezone.now())

    followup_send_feedback(
        organization=in_a.organization, actor=in_a.actor, followup=followup, text="Practise SQL."
    )
    with pytest.raises(InvalidTransition):
        followup_send_feedback(
            organization=in_a.organization, actor=in_a.actor, followup=followup, text="Again"
        )

    followup.refresh_from_db()
    assert followup.answered_at is not None and followup.feedback_text == "Practise SQL."
    reply = Notification.objects.get(kind=NotificationKind.FEEDBACK_REPLY)
    assert "Practise SQL." in reply.body_text


def test_correcting_the_kind_reevaluates_the_verdict(in_a: Tenant) -> None:
    application = in_a.interviewed_application(days_ago=9)
    followup = log(in_a, application, kind="thank_you")
    assert followup.response_owed == "none"

    corrected = followup_correct_kind(
        organization=in_a.organization, actor=in_a.actor, followup=followup, kind="status_inquiry"
    )

    assert (corrected.kind, corrected.response_owed, corrected.kind_was_classified) == (
        "status_inquiry",
        "acknowledge",
        False,
    )
    assert Notification.objects.filter(kind=NotificationKind.FOLLOWUP_ACK).count() == 1


def test_followup_received_in_the_future_is_refused(in_a: Tenant) -> None:
    application = in_a.application()

    with pytest.raises(InvalidTransition):
        followup_log(
            organization=in_a.organization,
            actor=in_a.actor,
            application=application,
            received_at=timezone.now() + timedelta(days=1),
            channel="manual",
            kind="other",
        )

    assert FollowUp.objects.count() == 0


def test_followup_on_another_organizations_application_is_refused(world: World) -> None:
    application_b = world.b.interviewed_application()

    with world.a.scope(), pytest.raises(CrossOrganizationReference):
        followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=application_b,
            received_at=timezone.now(),
            channel="manual",
            kind="withdrawal",
        )

    application_b.refresh_from_db()
    assert application_b.status == ApplicationStatus.ACTIVE
    assert FollowUp.unscoped.count() == 0 and Notification.unscoped.count() == 0
