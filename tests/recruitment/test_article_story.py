"""The source article's story, end to end through the services, in English and in Indonesian."""

from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Notification, NotificationKind
from recruitment.followups import followup_log, followup_send_feedback
from recruitment.models import ApplicationStatus, FollowUp
from recruitment.sweep import decision_sweep
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
}
MESSAGES = {
    "en": {
        "thanks": (
            "Thank you - Backend Engineer interview",
            "Dear Rina, thank you for the interview yesterday.",
        ),
        "status": (
            "Backend Engineer application",
            "Hello, may I ask whether there is any update on the result?",
        ),
        "feedback": ("Feedback request", "Thank you for letting me know. Could you share some feedback?"),
    },
    "id": {
        "thanks": (
            "Terima kasih - wawancara Backend Engineer",
            "Yth. Ibu Rina, terima kasih atas wawancara kemarin.",
        ),
        "status": (
            "Lamaran Backend Engineer",
            "Selamat siang, apakah sudah ada kabar mengenai hasil wawancara saya?",
        ),
        "feedback": (
            "Permohonan masukan",
            "Terima kasih atas informasinya. Boleh saya minta masukan atau evaluasi?",
        ),
    },
}


def story(tenant: Tenant, language: str) -> None:
    messages = MESSAGES[language]
    application = tenant.interviewed_application(days_ago=20, candidate=tenant.candidate(language=language))
    with tenant.scope():
        interview_end = application.interviews.get().ends_at

    def candidate_writes(what: str, received_at) -> FollowUp:  # noqa: ANN001
        subject, text = messages[what]
        return followup_log(
            organization=tenant.organization,
            actor=tenant.actor,
            application=application,
            received_at=received_at,
            channel="email",
            subject=subject,
            text=text,
        )

    with tenant.scope():
        thanks = candidate_writes("thanks", interview_end + timedelta(days=1))
        assert (thanks.kind, thanks.timing, thanks.response_owed) == ("thank_you", "on_time", "none")

        inquiry = candidate_writes("status", interview_end + timedelta(days=8))
        assert (inquiry.kind, inquiry.timing, inquiry.response_owed) == (
            "status_inquiry",
            "on_time",
            "acknowledge",
        )
        ack = Notification.objects.get(kind=NotificationKind.FOLLOWUP_ACK)
        expected = inquiry.expected_decision_date
        assert f"{expected.day} {MONTHS[language][expected.month - 1]} {expected.year}" in ack.body_text
        assert "Backend Engineer" in ack.subject and ack.language == language

    report = decision_sweep()
    assert report.rejected == 1

    with tenant.scope():
        application.refresh_from_db()
        assert application.status == ApplicationStatus.REJECTED
        notice = Notification.objects.get(kind=NotificationKind.AUTO_REJECTION)
        assert "Backend Engineer" in notice.subject and notice.language == language

        first_request = candidate_writes("feedback", timezone.now())
        assert (first_request.kind, first_request.response_owed) == ("feedback_request", "feedback")
        followup_send_feedback(
            organization=tenant.organization,
            actor=tenant.actor,
            followup=first_request,
            text="Strong SQL; practise system design.",
        )
        second_request = candidate_writes("feedback", timezone.now())
        assert (second_request.sequence, second_request.response_owed) == ("over_limit", "none")

        kinds = sorted(Notification.objects.values_list("kind", flat=True))
        assert kinds == sorted(
            [NotificationKind.FOLLOWUP_ACK, NotificationKind.AUTO_REJECTION, NotificationKind.FEEDBACK_REPLY]
        )
        assert FollowUp.objects.filter(application=application).count() == 4


def test_article_story_in_english(world: World) -> None:
    story(world.a, "en")


def test_article_story_in_indonesian(world: World) -> None:
    story(world.b, "id")
