"""The admin speaks the user's language (else the organization's) and shows times in the organization's
timezone, and neither leaks past the request."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.admin.conftest import Staff, application_url, logged_in
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_the_users_language_wins_over_the_organizations(world: World, staff: Staff) -> None:
    staff.recruiter.language = "id"
    staff.recruiter.save()

    response = logged_in(staff.recruiter).get(reverse("admin:index"))

    content = response.content.decode()
    assert response.headers["Content-Language"] == "id"
    assert "Keputusan terlambat" in content
    assert "Keluar" in content  # Django's own words, in Django's own translation


def test_without_a_choice_the_organizations_language_is_used(world: World, staff: Staff) -> None:
    english = logged_in(world.a.recruiter).get(reverse("admin:index"))
    indonesian = logged_in(world.b.recruiter).get(reverse("admin:index"))

    assert "Decisions overdue" in english.content.decode()
    assert "Keputusan terlambat" in indonesian.content.decode()


def test_switching_the_language_saves_it_for_the_user_and_returns_to_the_page(
    world: World, staff: Staff
) -> None:
    client = logged_in(staff.recruiter)
    page = application_url(staff.application)

    response = client.post(reverse("kabar-language"), {"language": "id", "next": page})

    assert response.status_code == 302 and response.url == page
    staff.recruiter.refresh_from_db()
    assert staff.recruiter.language == "id"
    assert "Perjalanan lamaran" in client.get(page).content.decode()


def test_switching_the_language_never_redirects_off_site(world: World, staff: Staff) -> None:
    response = logged_in(staff.recruiter).post(
        reverse("kabar-language"), {"language": "en", "next": "https://evil.example/"}
    )

    assert response.url == reverse("admin:index")


def test_times_are_shown_in_the_organizations_timezone(world: World, staff: Staff) -> None:
    world.a.organization.timezone = "Asia/Jayapura"
    world.a.organization.save()
    due = staff.application.decision_due_at

    page = logged_in(staff.recruiter).get(application_url(staff.application)).content.decode()

    jayapura = timezone.localtime(due, world.a.organization.zone)
    assert f"{jayapura:%H:%M}" in page
    assert (
        timezone.localtime(due, timezone.get_fixed_timezone(7 * 60)).strftime("%d %b %Y, %H:%M") not in page
    )


def test_language_and_timezone_do_not_outlive_the_request(world: World, staff: Staff) -> None:
    world.b.organization.timezone = "Asia/Jayapura"
    world.b.organization.save()
    before = (translation.get_language(), timezone.get_current_timezone_name())

    logged_in(world.b.recruiter).get(reverse("admin:index"))

    assert (translation.get_language(), timezone.get_current_timezone_name()) == before
