from io import StringIO

import pytest
from django.core.management import call_command

from candidates.models import Candidate
from recruitment.models import Application, ApplicationStatus, Job
from tenancy.models import Organization, User

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int, int, int]:
    return (
        Organization.objects.count(),
        User.objects.count(),
        Job.unscoped.count(),
        Candidate.unscoped.count(),
        Application.unscoped.count(),
    )


def test_seed_demo_is_idempotent() -> None:
    call_command("seed_demo", stdout=StringIO())
    first = counts()

    call_command("seed_demo", stdout=StringIO())

    assert counts() == first
    assert first[:3] == (2, 2, 6)


def test_demo_has_applications_across_the_pipeline_and_deadlines() -> None:
    call_command("seed_demo", stdout=StringIO())
    nusantara = Application.unscoped.filter(organization__slug="nusantara")

    assert nusantara.count() == 30
    assert set(nusantara.values_list("status", flat=True)) == set(ApplicationStatus.values)
    assert nusantara.filter(decision_due_at__isnull=False).count() >= 5


def test_demo_hr_user_logs_in_with_the_demo_password() -> None:
    call_command("seed_demo", stdout=StringIO())

    assert User.objects.get(email="hr@nusantara.test").check_password("kabar-demo")
