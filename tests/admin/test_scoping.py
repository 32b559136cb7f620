"""Organization A's staff never see, reach or change organization B's rows through the admin: B's objects
answer 404 like missing ones, lists and choices leave them out, and actions aimed at them change nothing."""

import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import EmailTemplate, Notification, NotificationKind
from recruitment.followups import followup_log
from recruitment.models import (
    Application,
    FollowUp,
    FollowUpChannel,
    FollowUpPolicy,
    InboundEmail,
    InboundStatus,
    Interview,
    RejectionReason,
    StageChange,
    StageKind,
)
from recruitment.services import application_reject
from tenancy.models import ApiKey, Membership
from tenancy.scope import platform_scope
from tests.admin.conftest import Staff, act, logged_in, unmatched_email
from tests.conftest import Tenant, World
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@dataclass
class Rows:
    """One row of every admin page's model in A and in B, and the text that tells them apart."""

    a: dict
    b: dict
    markers: dict


def rows_of(tenant: Tenant, application: Application, marker: str) -> dict:
    with tenant.scope():
        followup = followup_log(
            organization=tenant.organization,
            actor=tenant.actor,
            application=application,
            received_at=timezone.now() - timedelta(hours=1),
            channel=FollowUpChannel.EMAIL,
            subject=f"Question from {marker}",
            text="When will I hear back?",
        )
        reason = RejectionReason.objects.filter(type="rejected_by_us").first()
        rejected = tenant.application(job=application.job)
        application_reject(
            organization=tenant.organization,
            actor=tenant.actor,
            application=rejected,
            reason=reason,
            notify_at=timezone.now() + timedelta(days=2),
        )
        notification = Notification.objects.get(kind=NotificationKind.REJECTION)
        template = EmailTemplate.objects.create(
            organization=tenant.organization,
            kind=NotificationKind.OFFER,
            language="en",
            subject=f"Offer from {marker}",
            body_text="Hello {{ candidate_name }}",
        )
        return {
            "application": application,
            "rejected": rejected,
            "candidate": application.candidate,
            "job": application.job,
            "followup": followup,
            "inbound": unmatched_email(tenant, f"stranger-{marker}@mail.test"),
            "notification": notification,
            "reason": reason,
            "policy": FollowUpPolicy.objects.get(job=None),
            "membership": Membership.objects.get(user=tenant.owner),
            "api_key": ApiKey.objects.get(),
            "template": template,
            "organization": tenant.organization,
        }


@pytest.fixture
def rows(world: World, staff: Staff) -> Rows:
    a = rows_of(world.a, staff.application, "org-a")
    b = rows_of(world.b, staff.b_application, "org-b")
    markers = {
        "application": lambda r: r["candidate"].full_name,
        "candidate": lambda r: r["candidate"].email,
        "job": lambda r: r["job"].title,
        "followup": lambda r: r["candidate"].full_name,
        "inbound": lambda r: r["inbound"].from_address,
        "notification": lambda r: r["rejected"].candidate.email,
        "reason": lambda r: r["reason"].name,
        "policy": lambda r: r["organization"].name,
        "membership": lambda r: str(r["membership"].user),
        "api_key": lambda r: r["api_key"].prefix,
        "template": lambda r: r["template"].subject,
        "organization": lambda r: r["organization"].name,
    }
    return Rows(a=a, b=b, markers=markers)


ADMIN_URL_NAMES = {
    "application": "recruitment_application",
    "candidate": "candidates_candidate",
    "job": "recruitment_job",
    "followup": "recruitment_followup",
    "inbound": "recruitment_inboundemail",
    "notification": "notifications_notification",
    "reason": "recruitment_rejectionreason",
    "policy": "recruitment_followuppolicy",
    "membership": "tenancy_membership",
    "api_key": "tenancy_apikey",
    "template": "notifications_emailtemplate",
    "organization": "tenancy_organization",
}


@pytest.mark.parametrize("kind", ADMIN_URL_NAMES)
def test_changelist_shows_only_the_organizations_rows(rows: Rows, world: World, kind: str) -> None:
    page = logged_in(world.a.owner).get(reverse(f"admin:{ADMIN_URL_NAMES[kind]}_changelist"))

    content = page.content.decode()
    assert page.status_code == 200
    assert rows.markers[kind](rows.a) in content
    assert rows.markers[kind](rows.b) not in content


@pytest.mark.parametrize("kind", ADMIN_URL_NAMES)
@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_another_organizations_row_answers_exactly_like_a_missing_one(
    rows: Rows, world: World, kind: str, view: str
) -> None:
    client = logged_in(world.a.owner)
    url_name = f"admin:{ADMIN_URL_NAMES[kind]}_{view}"
    other_id = str(rows.b[kind].pk)
    missing_id = str(uuid.uuid4()) if isinstance(rows.b[kind].pk, uuid.UUID) else "987654321"

    other = client.get(reverse(url_name, args=[other_id]))
    missing = client.get(reverse(url_name, args=[missing_id]))

    assert other.status_code in (403, 404)
    assert (other.status_code, other.content.replace(other_id.encode(), b"")) == (
        missing.status_code,
        missing.content.replace(missing_id.encode(), b""),
    )


def test_change_pages_of_another_organization_answer_404(rows: Rows, world: World) -> None:
    client = logged_in(world.a.owner)

    for kind, url_name in ADMIN_URL_NAMES.items():
        response = client.get(reverse(f"admin:{url_name}_change", args=[rows.b[kind].pk]))
        assert response.status_code == 404, kind


def test_board_of_another_organizations_job_is_404(rows: Rows, world: World) -> None:
    response = logged_in(world.a.recruiter).get(
        reverse("admin:recruitment_job_board", args=[rows.b["job"].pk])
    )

    assert response.status_code == 404


APPLICATION_ACTIONS = {
    "move": {"to_stage": "x", "from_stage": "x"},
    "reject": {"reason": "x", "notice": "now"},
    "cancel_notice": {"notification": "x"},
    "unreject": {},
    "hire": {},
    "withdraw": {},
    "log_followup": {"email": "Any news?", "channel": "email"},
    "feedback": {"followup": "x", "text": "x"},
    "correct_kind": {"followup": "x", "kind": "other"},
    "mark_answered": {"followup": "x"},
    "schedule_interview": {"starts_at": "2030-01-01T09:00", "ends_at": "2030-01-01T10:00", "kind": "video"},
    "complete_interview": {"interview": "x"},
    "cancel_interview": {"interview": "x"},
    "interview_feedback": {"interview": "x", "feedback_notes": "x"},
}


def snapshot(tenant: Tenant) -> dict:
    """Everything an application action could change in the organization."""
    with tenant.scope():
        return {
            "applications": sorted(
                Application.objects.values_list("pk", "status", "stage_id", "decision_due_at", "updated_at")
            ),
            "history": StageChange.objects.count(),
            "interviews": sorted(
                Interview.objects.values_list("pk", "feedback_notes", "completed_at", "cancelled_at")
            ),
            "followups": sorted(FollowUp.objects.values_list("pk", "kind", "answered_at")),
            "notifications": sorted(Notification.objects.values_list("pk", "status", "send_after")),
            "inbound": sorted(InboundEmail.objects.values_list("pk", "status")),
        }


@pytest.mark.parametrize("action", APPLICATION_ACTIONS)
def test_application_actions_on_another_organization_are_404_and_change_nothing(
    rows: Rows, world: World, action: str
) -> None:
    before = snapshot(world.b)
    target = rows.b["rejected"] if action in ("unreject", "cancel_notice") else rows.b["application"]

    response = act(logged_in(world.a.owner), target, action, **APPLICATION_ACTIONS[action])

    assert response.status_code == 404
    assert snapshot(world.b) == before


def test_actions_cannot_reach_another_organizations_rows_through_their_ids(rows: Rows, world: World) -> None:
    """A's application page with B's follow-up, notice, stage or interview ids: a form error, nothing changes."""
    with world.b.scope():
        b_interview = rows.b["application"].interviews.get()
        b_stage = rows.b["job"].stages.get(kind=StageKind.SCREENING)
    client = logged_in(world.a.owner)
    application = rows.a["application"]
    before_a, before_b = snapshot(world.a), snapshot(world.b)

    responses = [
        act(client, application, "move", from_stage=application.stage_id, to_stage=b_stage.pk),
        act(client, rows.a["rejected"], "cancel_notice", notification=rows.b["notification"].pk),
        act(client, application, "correct_kind", followup=rows.b["followup"].pk, kind="withdrawal"),
        act(client, application, "mark_answered", followup=rows.b["followup"].pk),
        act(client, application, "interview_feedback", interview=b_interview.pk, feedback_notes="leak"),
        act(client, application, "complete_interview", interview=b_interview.pk),
        act(client, application, "reject", reason=rows.b["reason"].pk, notice="now"),
    ]

    assert [r.status_code for r in responses] == [200] * len(responses)
    assert snapshot(world.a) == before_a
    assert snapshot(world.b) == before_b


def test_board_move_of_another_organizations_application_is_404(rows: Rows, world: World) -> None:
    application = rows.b["application"]
    before = snapshot(world.b)

    response = logged_in(world.a.recruiter).post(
        reverse("admin:recruitment_job_board", args=[rows.a["job"].pk]),
        {"application": application.pk, "from_stage": application.stage_id, "to_stage": application.stage_id},
    )

    assert response.status_code == 404
    assert snapshot(world.b) == before


def test_triage_of_another_organizations_email_is_404(rows: Rows, world: World) -> None:
    before = snapshot(world.b)
    client = logged_in(world.a.recruiter)
    url = reverse("admin:recruitment_inboundemail_change", args=[rows.b["inbound"].pk])

    attach = client.post(url, {"action": "attach", "attach-application": rows.a["application"].pk})
    dismiss = client.post(url, {"action": "dismiss"})

    assert (attach.status_code, dismiss.status_code) == (404, 404)
    assert snapshot(world.b) == before


def test_an_email_cannot_be_attached_to_another_organizations_application(rows: Rows, world: World) -> None:
    before = snapshot(world.b)
    url = reverse("admin:recruitment_inboundemail_change", args=[rows.a["inbound"].pk])

    response = logged_in(world.a.recruiter).post(
        url, {"action": "attach", "attach-application": rows.b["application"].pk}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert snapshot(world.b) == before
    rows.a["inbound"].refresh_from_db()
    assert rows.a["inbound"].status == InboundStatus.UNMATCHED


@pytest.mark.parametrize(
    ("url_name", "action", "kind"),
    [
        ("notifications_notification", "cancel", "notification"),
        ("recruitment_followup", "mark_answered", "followup"),
        ("recruitment_inboundemail", "dismiss", "inbound"),
        ("candidates_candidate", "anonymize", "candidate"),
        ("tenancy_apikey", "revoke", "api_key"),
    ],
)
def test_changelist_actions_skip_another_organizations_rows(
    rows: Rows, world: World, url_name: str, action: str, kind: str
) -> None:
    row = rows.b[kind]
    with platform_scope():
        before = type(row).objects.filter(pk=row.pk).values().get()

    response = logged_in(world.a.owner).post(
        reverse(f"admin:{url_name}_changelist"), {"action": action, "_selected_action": [row.pk]}
    )

    assert response.status_code == 302
    with platform_scope():
        assert type(row).objects.filter(pk=row.pk).values().get() == before


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [
        ("application", "candidate"),
        ("application", "job"),
        ("followup", "application"),
        ("followuppolicy", "job"),
    ],
)
def test_autocomplete_offers_only_the_organizations_rows(
    rows: Rows, world: World, model_name: str, field_name: str
) -> None:
    response = logged_in(world.a.owner).get(
        reverse("admin:autocomplete"),
        {"app_label": "recruitment", "model_name": model_name, "field_name": field_name, "term": ""},
    )

    ids = {result["id"] for result in response.json()["results"]}
    remote = {"candidate": "candidate", "job": "job", "application": "application"}[field_name]
    assert str(rows.a[remote].pk) in ids
    assert str(rows.b[remote].pk) not in ids


def test_autocomplete_cannot_list_users_or_memberships(world: World) -> None:
    client = logged_in(world.a.owner)

    for model_name, field_name in [("job", "hiring_team"), ("membership", "user")]:
        app_label = "recruitment" if model_name == "job" else "tenancy"
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": "b.test"},
        )
        assert response.status_code == 403


def test_filters_list_and_apply_only_the_organizations_jobs(rows: Rows, world: World) -> None:
    client = logged_in(world.a.recruiter)
    url = reverse("admin:recruitment_application_changelist")

    listing = client.get(url).content.decode()
    filtered = client.get(url, {"job__id__exact": rows.b["job"].pk}).content.decode()

    assert rows.a["job"].title in listing and rows.b["job"].title not in listing
    assert rows.b["candidate"].full_name not in filtered
    assert rows.a["candidate"].full_name not in filtered


def test_search_finds_only_the_organizations_rows(rows: Rows, world: World) -> None:
    url = reverse("admin:recruitment_application_changelist")

    page = logged_in(world.a.recruiter).get(url, {"q": rows.b["candidate"].email}).content.decode()

    assert rows.b["candidate"].full_name not in page


def test_job_form_offers_only_the_organizations_members_for_the_hiring_team(rows: Rows, world: World) -> None:
    page = logged_in(world.a.owner).get(reverse("admin:recruitment_job_add")).content.decode()

    assert str(world.a.recruiter) in page
    assert str(world.b.recruiter) not in page and str(world.outsider) not in page


def test_hiring_team_cannot_take_another_organizations_user(rows: Rows, world: World) -> None:
    job = rows.a["job"]
    response = logged_in(world.a.owner).post(
        reverse("admin:recruitment_job_change", args=[job.pk]),
        {
            "title": job.title,
            "status": job.status,
            "hiring_team": [world.b.recruiter.pk],
            "stages-TOTAL_FORMS": 0,
            "stages-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 200
    assert not job.hiring_team.filter(pk=world.b.recruiter.pk).exists()


def test_switching_to_an_organization_one_is_not_a_member_of_is_404(world: World) -> None:
    client = logged_in(world.a.recruiter)

    response = client.post(reverse("kabar-organization"), {"organization": world.b.organization.pk})

    assert response.status_code == 404
    assert "kabar_organization_id" not in client.session


def test_platform_superuser_sees_every_organization_with_its_column(rows: Rows, world: World) -> None:
    superuser = UserFactory(is_superuser=True)

    page = logged_in(superuser).get(reverse("admin:recruitment_application_changelist")).content.decode()

    assert rows.a["candidate"].full_name in page and rows.b["candidate"].full_name in page
    assert "column-organization" in page
