import pytest

from candidates.errors import CandidateAlreadyExists
from candidates.models import Candidate
from candidates.services import candidate_anonymize, candidate_create, candidate_find_or_create
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def test_email_is_unique_per_organization_ignoring_case(in_a: Tenant) -> None:
    first = candidate_create(organization=in_a.organization, email="Ayu@Mail.test", full_name="Ayu")

    with pytest.raises(CandidateAlreadyExists) as exists:
        candidate_create(organization=in_a.organization, email="ayu@mail.TEST", full_name="Ayu L.")

    assert exists.value.existing_id == first.pk
    assert Candidate.objects.count() == 1


def test_same_email_may_exist_in_two_organizations(world: World) -> None:
    for tenant in (world.a, world.b):
        with tenant.scope():
            candidate_create(organization=tenant.organization, email="ayu@mail.test", full_name="Ayu")

    assert Candidate.unscoped.filter(email="ayu@mail.test").count() == 2


def test_find_or_create_returns_the_existing_candidate(in_a: Tenant) -> None:
    first, created_first = candidate_find_or_create(
        organization=in_a.organization, email="a@m.test", full_name="A"
    )
    again, created_again = candidate_find_or_create(
        organization=in_a.organization, email="A@M.test", full_name="B"
    )

    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk and again.full_name == "A"


def test_anonymize_erases_personal_data_and_keeps_applications(world: World) -> None:
    application = world.a.application()
    with world.a.scope():
        candidate = candidate_anonymize(candidate=application.candidate)
        application.refresh_from_db()

    assert candidate.anonymized_at is not None
    assert candidate.full_name == "Anonymized candidate" and candidate.phone == ""
    assert candidate.email.endswith("@invalid")
    assert application.candidate_id == candidate.pk
