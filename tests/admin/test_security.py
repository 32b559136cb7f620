"""Login lockout with a finite cool-off, the admin's Content-Security-Policy, Argon2 passwords."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.admin.conftest import Staff
from tests.conftest import World

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
LOGIN = reverse("admin:login")


def log_in(email: str, password: str, ip: str = "10.0.0.1") -> int:
    """The login's status: 302 when it worked, 200 when refused, 429 when locked out."""
    return Client().post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip).status_code


def fail_five_times(email: str, ip: str = "10.0.0.1") -> None:
    statuses = [log_in(email, "wrong password", ip) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200, 200, 200, 200, 429]


def test_five_failures_lock_the_login_even_with_the_right_password(world: World) -> None:
    fail_five_times(world.a.recruiter.email)

    response = Client().post(
        LOGIN, {"username": world.a.recruiter.email, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )

    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()


def test_the_lockout_is_for_that_email_from_that_address_only(world: World) -> None:
    fail_five_times(world.a.recruiter.email)

    assert log_in(world.a.recruiter.email, PASSWORD, ip="10.0.0.2") == 302
    assert log_in(world.a.owner.email, PASSWORD, ip="10.0.0.1") == 302


def test_the_lockout_ends_after_the_cool_off(world: World) -> None:
    fail_five_times(world.a.recruiter.email)
    assert log_in(world.a.recruiter.email, PASSWORD) == 429

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )

    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert log_in(world.a.recruiter.email, PASSWORD) == 302


def test_admin_pages_carry_the_content_security_policy_with_their_nonce(staff: Staff) -> None:
    client = Client()
    client.force_login(staff.recruiter)

    response = client.get(reverse("admin:index"))

    policy = response.headers["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert f'<style nonce="{nonce}">' in response.content.decode()


def test_the_login_page_carries_the_policy_and_the_api_docs_do_not(world: World) -> None:
    assert "default-src 'self'" in Client().get(LOGIN).headers["Content-Security-Policy"]
    assert "Content-Security-Policy" not in Client().get(reverse("api-docs")).headers


def test_passwords_are_hashed_with_argon2(world: World) -> None:
    assert world.a.recruiter.password.startswith("argon2$")
