"""What each role may see and do: owner everything, recruiter the hiring work, hiring manager the
applications of their jobs and interview feedback, viewer reads."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification, NotificationKind, NotificationStatus
from recruitment.models import Application, ApplicationStatus, Interview, RejectionReason
from recruitment.services import application_reject
from tenancy.models import Membership
from tests.admin.conftest import Staff, act, application_url, logged_in
from tests.conftest import World
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

OWNER_PAGES = [
    "tenancy_membership",
    "tenancy_apikey",
    "tenancy_organization",
    "recruitment_followuppolicy",
    "notifications_emailtemplate",
]
HIRING_WORK_PAGES = [
    "recruitment_application",
    "recruitment_job",
    "candidates_candidate",
    "recruitment_followup",
    "recruitment_inboundemail",
    "notifications_notification",
    "recruitment_rejectionreason",
]


def reason(world: World) -> RejectionReason:
    with world.a.scope():
        return RejectionReason.objects.filter(type="rejected_by_us").first()


@pytest.mark.parametrize("page", OWNER_PAGES + HIRING_WORK_PAGES)
def test_owner_reaches_every_page(staff: Staff, page: str) -> None:
    assert logged_in(staff.owner).get(reverse(f"admin:{page}_changelist")).status_code == 200


@pytest.mark.parametrize("page", OWNER_PAGES)
def test_recruiter_cannot_open_the_owners_pages(staff: Staff, page: str) -> None:
    assert logged_in(staff.recruiter).get(reverse(f"admin:{page}_changelist")).status_code == 403


@pytest.mark.parametrize("page", HIRING_WORK_PAGES)
def test_recruiter_and_viewer_reach_the_hiring_work(staff: Staff, page: str) -> None:
    url = reverse(f"admin:{page}_changelist")

    assert logged_in(staff.recruiter).get(url).status_code == 200
    assert logged_in(staff.viewer).get(url).status_code == 200


def test_home_page_lists_only_what_the_role_may_open(staff: Staff) -> None:
    recruiter = logged_in(staff.recruiter).get(reverse("admin:index")).content.decode()
    manager = logged_in(staff.hiring_manager).get(reverse("admin:index")).content.decode()

    assert "/admin/tenancy/membership/" not in recruiter and "/admin/recruitment/application/" in recruiter
    assert "/admin/notifications/notification/" not in manager
    assert "/admin/recruitment/inboundemail/" not in manager
    assert "/admin/recruitment/application/" in manager


def test_hiring_manager_sees_only_the_applications_of_their_jobs(staff: Staff, world: World) -> None:
    with world.a.scope():
        other = Application.objects.get(job=staff.other_job)
    client = logged_in(staff.hiring_manager)

    listing = client.get(reverse("admin:recruitment_application_changelist")).content.decode()
    candidates = client.get(reverse("admin:candidates_candidate_changelist")).content.decode()

    assert staff.application.candidate.full_name in listing
    assert other.candidate.full_name not in listing
    assert other.candidate.email not in candidates and staff.application.candidate.email in candidates
    assert client.get(application_url(other)).status_code == 404
    assert client.get(reverse("admin:recruitment_job_board", args=[staff.other_job.pk])).status_code == 404
    assert client.get(application_url(staff.application)).status_code == 200


@pytest.mark.parametrize("page", ["notifications_notification", "recruitment_inboundemail", *OWNER_PAGES])
def test_hiring_manager_cannot_open_pages_beyond_their_jobs(staff: Staff, page: str) -> None:
    assert logged_in(staff.hiring_manager).get(reverse(f"admin:{page}_changelist")).status_code == 403


def test_hiring_manager_writes_interview_feedback(staff: Staff, world: World) -> None:
    with world.a.scope():
        interview = staff.application.interviews.get()

    response = act(
        logged_in(staff.hiring_manager),
        staff.application,
        "interview_feedback",
        interview=interview.pk,
        feedback_notes="Strong SQL, needs coaching on system design.",
    )

    assert response.status_code == 302
    with world.a.scope():
        assert (
            Interview.objects.get(pk=interview.pk).feedback_notes
            == "Strong SQL, needs coaching on system design."
        )


@pytest.mark.parametrize("role", ["hiring_manager", "viewer"])
def test_hiring_manager_and_viewer_cannot_decide(staff: Staff, world: World, role: str) -> None:
    client = logged_in(getattr(staff, role))

    reject = act(client, staff.application, "reject", reason=reason(world).pk, notice="now")
    board = client.post(
        reverse("admin:recruitment_job_board", args=[staff.job.pk]),
        {"application": staff.application.pk, "from_stage": staff.application.stage_id, "to_stage": "x"},
    )

    assert (reject.status_code, board.status_code) == (403, 403)
    staff.application.refresh_from_db()
    assert staff.application.status == ApplicationStatus.ACTIVE


def test_viewer_cannot_write_interview_feedback(staff: Staff, world: World) -> None:
    with world.a.scope():
        interview = staff.application.interviews.get()

    response = act(logged_in(staff.viewer), staff.application, "interview_feedback", interview=interview.pk)

    assert response.status_code == 403


def test_viewer_reads_the_application_page_without_action_forms(staff: Staff) -> None:
    page = logged_in(staff.viewer).get(application_url(staff.application)).content.decode()

    assert staff.application.candidate.full_name in page
    assert 'name="action"' not in page


def test_viewer_cannot_cancel_an_email_from_the_outbox(staff: Staff, world: World) -> None:
    with world.a.scope():
        application_reject(
            organization=world.a.organization,
            actor=world.a.actor,
            application=staff.application,
            reason=reason(world),
            notify_at=timezone.now() + timedelta(days=1),
        )
        notice = Notification.objects.get(kind=NotificationKind.REJECTION)
    client = logged_in(staff.viewer)

    listing = client.get(reverse("admin:notifications_notification_changelist")).content.decode()
    client.post(
        reverse("admin:notifications_notification_changelist"),
        {"action": "cancel", "_selected_action": [notice.pk]},
    )

    assert 'value="cancel"' not in listing
    notice.refresh_from_db()
    assert notice.status == NotificationStatus.PENDING


def test_only_the_owner_may_anonymize_candidates(staff: Staff, world: World) -> None:
    candidate = staff.application.candidate
    url = reverse("admin:candidates_candidate_changelist")

    logged_in(staff.recruiter).post(url, {"action": "anonymize", "_selected_action": [candidate.pk]})
    candidate.refresh_from_db()
    assert candidate.anonymized_at is None

    logged_in(staff.owner).post(url, {"action": "anonymize", "_selected_action": [candidate.pk]})
    candidate.refresh_from_db()
    assert candidate.anonymized_at is not None


def test_member_of_two_organizations_switches_between_them(world: World, staff: Staff) -> None:
    MembershipFactory(organization=world.b.organization, user=staff.recruiter)
    client = logged_in(staff.recruiter)

    switched = client.post(reverse("kabar-organization"), {"organization": world.b.organization.pk})
    listing = client.get(reverse("admin:recruitment_application_changelist")).content.decode()

    assert switched.status_code == 302
    assert staff.b_application.candidate.full_name in listing
    assert staff.application.candidate.full_name not in listing
    assert 'id="kabar-organization"' in listing


def test_a_session_keeps_no_organization_the_user_has_left(world: World, staff: Staff) -> None:
    membership = MembershipFactory(organization=world.b.organization, user=staff.recruiter)
    client = logged_in(staff.recruiter)
    client.post(reverse("kabar-organization"), {"organization": world.b.organization.pk})
    Membership.unscoped.filter(pk=membership.pk).delete()

    listing = client.get(reverse("admin:recruitment_application_changelist")).content.decode()

    assert staff.application.candidate.full_name in listing
    assert staff.b_application.candidate.full_name not in listing


def test_staff_without_membership_is_refused(world: World) -> None:
    assert logged_in(world.outsider).get(reverse("admin:index")).status_code == 403
