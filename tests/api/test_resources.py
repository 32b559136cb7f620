from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from candidates.models import Candidate
from notifications.models import Notification, NotificationKind, NotificationStatus
from recruitment.models import Application, ApplicationStatus, FollowUp, RejectionReason
from tests.conftest import World

pytestmark = pytest.mark.django_db


def stages(world: World, application: Application) -> list:
    with world.a.scope():
        return list(application.job.stages.order_by("order"))


def reason_id(world: World) -> str:
    with world.a.scope():
        return str(RejectionReason.objects.filter(type="rejected_by_us").first().pk)


def test_create_job_with_the_default_pipeline(world: World, api_a: APIClient) -> None:
    response = api_a.post("/api/v1/jobs/", {"title": "Designer", "department": "Product"}, format="json")

    assert response.status_code == 201
    assert [stage["kind"] for stage in response.json()["stages"]] == [
        "applied",
        "screening",
        "interview",
        "offer",
        "hired",
    ]


def test_jobs_filter_by_status(world: World, api_a: APIClient) -> None:
    api_a.post("/api/v1/jobs/", {"title": "Open one", "status": "open"}, format="json")
    api_a.post("/api/v1/jobs/", {"title": "Draft one", "status": "draft"}, format="json")

    titles = [job["title"] for job in api_a.get("/api/v1/jobs/?status=draft").json()["results"]]

    assert titles == ["Draft one"]


def test_job_stages_are_listed_in_order(world: World, api_a: APIClient) -> None:
    job = world.a.job()

    response = api_a.get(f"/api/v1/jobs/{job.pk}/stages/")

    assert [stage["order"] for stage in response.json()] == [1, 2, 3, 4, 5]


def test_create_application_with_an_inline_candidate_creates_the_candidate(
    world: World, api_a: APIClient
) -> None:
    job = world.a.job()

    response = api_a.post(
        "/api/v1/applications/",
        {"job": str(job.pk), "candidate": {"email": "Ayu@Mail.test", "full_name": "Ayu", "language": "id"}},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["candidate"]["email"] == "ayu@mail.test"
    assert response.json()["candidate"]["language"] == "id"


def test_inline_candidate_with_a_known_email_reuses_the_candidate(world: World, api_a: APIClient) -> None:
    existing = world.a.candidate(email="ayu@mail.test")
    job = world.a.job()

    response = api_a.post(
        "/api/v1/applications/",
        {"job": str(job.pk), "candidate": {"email": "AYU@mail.test", "full_name": "Someone else"}},
        format="json",
    )

    assert response.json()["candidate"]["id"] == str(existing.pk)
    assert Candidate.unscoped.filter(organization=world.a.organization).count() == 1


def test_create_application_by_candidate_id(world: World, api_a: APIClient) -> None:
    candidate, job = world.a.candidate(), world.a.job()

    response = api_a.post(
        "/api/v1/applications/", {"job": str(job.pk), "candidate": str(candidate.pk)}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["candidate"]["id"] == str(candidate.pk)


def test_another_organizations_job_is_not_found_in_a_body(world: World, api_a: APIClient) -> None:
    job_b, candidate = world.b.job(), world.a.candidate()

    response = api_a.post(
        "/api/v1/applications/", {"job": str(job_b.pk), "candidate": str(candidate.pk)}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "job"
    assert Application.unscoped.count() == 0


def test_duplicate_candidate_is_409_with_the_existing_id(world: World, api_a: APIClient) -> None:
    existing = world.a.candidate(email="ayu@mail.test")

    response = api_a.post(
        "/api/v1/candidates/", {"email": "AYU@mail.test", "full_name": "Ayu"}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["existing_id"] == str(existing.pk)


def test_candidates_filter_by_email_and_search(world: World, api_a: APIClient) -> None:
    world.a.candidate(email="ayu@mail.test", full_name="Ayu Lestari")
    world.a.candidate(email="budi@mail.test", full_name="Budi Santoso")

    by_email = api_a.get("/api/v1/candidates/?email=AYU@mail.test").json()["results"]
    by_search = api_a.get("/api/v1/candidates/?search=santo").json()["results"]

    assert [c["full_name"] for c in by_email] == ["Ayu Lestari"]
    assert [c["full_name"] for c in by_search] == ["Budi Santoso"]


def test_anonymize_erases_the_candidate_and_keeps_the_application(world: World, api_a: APIClient) -> None:
    application = world.a.application()

    response = api_a.post(f"/api/v1/candidates/{application.candidate_id}/anonymize/")

    assert response.status_code == 200
    assert response.json()["full_name"] == "Anonymized candidate" and response.json()["anonymized_at"]
    assert api_a.get(f"/api/v1/applications/{application.pk}/").status_code == 200


def test_move_then_history_shows_both_entries(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    applied, screening = stages(world, application)[:2]

    moved = api_a.post(
        f"/api/v1/applications/{application.pk}/move/",
        {"from_stage": str(applied.pk), "to_stage": str(screening.pk)},
        format="json",
    )
    history = api_a.get(f"/api/v1/applications/{application.pk}/history/").json()

    assert moved.json()["stage"]["id"] == str(screening.pk)
    assert [entry["event"] for entry in history] == ["created", "moved"]
    assert history[1]["actor"] == "API: ATS"


def test_reject_with_a_delayed_notice_that_is_then_cancelled(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    notify_at = timezone.now() + timedelta(days=1)

    rejected = api_a.post(
        f"/api/v1/applications/{application.pk}/reject/",
        {"reason": reason_id(world), "note": "Hired internally", "notify_at": notify_at.isoformat()},
        format="json",
    )
    notice = api_a.get(f"/api/v1/notifications/?caused_by=application:{application.pk}").json()["results"][0]
    cancelled = api_a.post(f"/api/v1/notifications/{notice['id']}/cancel/")

    assert rejected.json()["status"] == "rejected"
    assert notice["kind"] == "rejection" and notice["status"] == "pending"
    assert cancelled.json()["status"] == "cancelled"


def test_delayed_notice_can_be_rescheduled(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    api_a.post(
        f"/api/v1/applications/{application.pk}/reject/",
        {"reason": reason_id(world), "notify_at": (timezone.now() + timedelta(days=1)).isoformat()},
        format="json",
    )
    notice = Notification.unscoped.get()
    later = timezone.now() + timedelta(days=3)

    response = api_a.post(
        f"/api/v1/notifications/{notice.pk}/reschedule/", {"send_after": later.isoformat()}, format="json"
    )

    assert response.status_code == 200
    notice.refresh_from_db()
    assert abs(notice.send_after - later) < timedelta(seconds=1)


def test_unreject_hire_and_withdraw_transitions(world: World, api_a: APIClient) -> None:
    first, second = world.a.application(), world.a.application()
    base = "/api/v1/applications"
    api_a.post(f"{base}/{first.pk}/reject/", {"reason": reason_id(world)}, format="json")

    unrejected = api_a.post(f"{base}/{first.pk}/unreject/")
    hired = api_a.post(f"{base}/{first.pk}/hire/", {}, format="json")
    withdrawn = api_a.post(f"{base}/{second.pk}/withdraw/", {"note": "Took another offer"}, format="json")

    assert (unrejected.json()["status"], hired.json()["status"], withdrawn.json()["status"]) == (
        "active",
        "hired",
        "withdrawn",
    )
    kinds = set(Notification.unscoped.values_list("kind", "status"))
    assert (NotificationKind.REJECTION, NotificationStatus.CANCELLED) in kinds
    assert (NotificationKind.OFFER, NotificationStatus.PENDING) in kinds


def test_hiring_a_withdrawn_application_is_409(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    api_a.post(f"/api/v1/applications/{application.pk}/withdraw/", {}, format="json")

    response = api_a.post(f"/api/v1/applications/{application.pk}/hire/", {}, format="json")

    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "application_closed"


def test_applications_filter_by_status_and_deadline(world: World, api_a: APIClient) -> None:
    overdue = world.a.interviewed_application(days_ago=15)
    world.a.interviewed_application(days_ago=1)
    world.a.application()

    due = api_a.get(
        f"/api/v1/applications/?decision_due_before={timezone.now().isoformat().replace('+', '%2B')}"
    )
    active = api_a.get("/api/v1/applications/?status=active")

    assert [a["id"] for a in due.json()["results"]] == [str(overdue.pk)]
    assert len(active.json()["results"]) == 3


def test_bad_filter_value_is_a_400(world: World, api_a: APIClient) -> None:
    response = api_a.get("/api/v1/applications/?status=sleeping")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "status"


def test_schedule_and_complete_an_interview_sets_the_deadline(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    ends_at = timezone.now() - timedelta(hours=1)

    created = api_a.post(
        "/api/v1/interviews/",
        {
            "application": str(application.pk),
            "starts_at": (ends_at - timedelta(hours=1)).isoformat(),
            "ends_at": ends_at.isoformat(),
            "kind": "onsite",
        },
        format="json",
    )
    completed = api_a.post(
        f"/api/v1/interviews/{created.json()['id']}/complete/", {"feedback_notes": "Good"}, format="json"
    )
    due = api_a.get(f"/api/v1/applications/{application.pk}/").json()["decision_due_at"]

    assert created.status_code == 201 and completed.json()["completed_at"]
    assert due is not None


def test_interview_ending_before_it_starts_is_a_400(world: World, api_a: APIClient) -> None:
    application = world.a.application()
    now = timezone.now()

    response = api_a.post(
        "/api/v1/interviews/",
        {
            "application": str(application.pk),
            "starts_at": now.isoformat(),
            "ends_at": (now - timedelta(hours=1)).isoformat(),
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "ends_at"


def test_logging_a_followup_returns_the_verdict(world: World, api_a: APIClient) -> None:
    application = world.a.interviewed_application(days_ago=9)

    response = api_a.post(
        "/api/v1/follow-ups/",
        {
            "application": str(application.pk),
            "kind": None,
            "channel": "email",
            "received_at": timezone.now().isoformat(),
            "subject": "Backend Engineer",
            "text": "Hello, is there any update on my application?",
        },
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["kind"] == "status_inquiry" and body["kind_was_classified"] is True
    assert body["verdict"]["response_owed"] == "acknowledge"
    assert body["verdict"]["expected_decision_date"] is not None


def test_followup_by_candidate_email_and_job(world: World, api_a: APIClient) -> None:
    application = world.a.interviewed_application(days_ago=2)

    response = api_a.post(
        "/api/v1/follow-ups/",
        {
            "candidate_email": application.candidate.email.upper(),
            "job": str(application.job_id),
            "received_at": timezone.now().isoformat(),
            "kind": "thank_you",
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["application"] == str(application.pk)


def test_followups_filter_awaiting_reply(world: World, api_a: APIClient) -> None:
    application = world.a.interviewed_application(days_ago=3)
    for kind, text in (("other", "Can I bring my portfolio?"), ("thank_you", "Thanks!")):
        api_a.post(
            "/api/v1/follow-ups/",
            {
                "application": str(application.pk),
                "kind": kind,
                "text": text,
                "received_at": timezone.now().isoformat(),
            },
            format="json",
        )

    awaiting = api_a.get("/api/v1/follow-ups/?awaiting_reply=true").json()["results"]

    assert [f["kind"] for f in awaiting] == ["other"]


def test_feedback_is_sent_as_the_reply_to_the_request(world: World, api_a: APIClient) -> None:
    application = world.a.interviewed_application(days_ago=3)
    api_a.post(f"/api/v1/applications/{application.pk}/reject/", {"reason": reason_id(world)}, format="json")
    api_a.post(
        "/api/v1/follow-ups/",
        {
            "application": str(application.pk),
            "kind": "feedback_request",
            "received_at": timezone.now().isoformat(),
        },
        format="json",
    )

    sent = api_a.post(
        f"/api/v1/applications/{application.pk}/feedback/", {"text": "Practise SQL."}, format="json"
    )
    again = api_a.post(f"/api/v1/applications/{application.pk}/feedback/", {"text": "Again"}, format="json")

    assert sent.status_code == 200 and sent.json()["answered_at"]
    assert again.status_code == 409
    assert FollowUp.unscoped.get().feedback_text == "Practise SQL."


def test_policy_can_be_read_and_replaced(world: World, api_a: APIClient) -> None:
    policy = api_a.get("/api/v1/policy/").json()
    policy["decision_window_days"] = 10

    replaced = api_a.put("/api/v1/policy/", policy, format="json")
    application = world.a.interviewed_application(days_ago=1)

    assert replaced.status_code == 200 and replaced.json()["decision_window_days"] == 10
    with world.a.scope():
        assert application.decision_due_at == application.interviews.get().ends_at + timedelta(days=10)


def test_policy_with_a_negative_number_is_a_400(world: World, api_a: APIClient) -> None:
    policy = api_a.get("/api/v1/policy/").json()

    response = api_a.put("/api/v1/policy/", policy | {"followup_limit": -1}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "followup_limit"


def test_rejection_reasons_carry_their_type(world: World, api_a: APIClient) -> None:
    world.a.job()

    reasons = api_a.get("/api/v1/rejection-reasons/").json()

    assert {reason["type"] for reason in reasons} == {"rejected_by_us", "withdrew"}


def test_application_is_active_after_creation(world: World, api_a: APIClient) -> None:
    application = world.a.application()

    assert api_a.get(f"/api/v1/applications/{application.pk}/").json()["status"] == ApplicationStatus.ACTIVE
