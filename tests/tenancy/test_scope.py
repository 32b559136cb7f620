import pytest
from django.test import Client
from django.urls import reverse

from candidates.models import Candidate
from recruitment.models import Application, Job
from tenancy.errors import CrossOrganizationReference, OrganizationScopeMissing
from tenancy.scope import has_scope, org_scope
from tenancy.tasks import tenant_task
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_query_without_scope_raises(world: World) -> None:
    with pytest.raises(OrganizationScopeMissing):
        list(Candidate.objects.all())


def test_scope_shows_only_its_organizations_rows(world: World) -> None:
    mine = world.a.candidate()
    world.b.candidate()

    with world.a.scope():
        assert list(Candidate.objects.all()) == [mine]


def test_scope_is_reset_after_an_exception(world: World) -> None:
    with pytest.raises(ValueError), world.a.scope():
        raise ValueError("boom")

    assert not has_scope()


def test_unscoped_manager_sees_every_organization(world: World) -> None:
    world.a.candidate()
    world.b.candidate()

    assert Candidate.unscoped.count() == 2


def test_admin_request_scope_does_not_leak_into_the_next_request(world: World) -> None:
    candidate_a = world.a.candidate(full_name="Ayu Lestari")
    candidate_b = world.b.candidate(full_name="Budi Santoso")
    client = Client()
    url = reverse("admin:candidates_candidate_changelist")

    client.force_login(world.a.recruiter)
    page_a = client.get(url).content.decode()
    assert not has_scope()
    client.force_login(world.b.recruiter)
    page_b = client.get(url).content.decode()

    assert candidate_a.full_name in page_a and candidate_b.full_name not in page_a
    assert candidate_b.full_name in page_b and candidate_a.full_name not in page_b
    assert not has_scope()


@tenant_task()
def count_candidates(*, organization: object) -> int:
    return Candidate.objects.count()


def test_task_runs_in_its_organizations_scope_and_resets_it(world: World) -> None:
    world.a.candidate()
    world.b.candidate()
    world.b.candidate()

    counted = count_candidates.apply(kwargs={"organization_id": str(world.b.organization.pk)}).get()

    assert counted == 2
    assert not has_scope()


def test_application_cannot_point_at_another_organizations_job(world: World) -> None:
    application = world.a.application()
    job_b = world.b.job()

    with world.a.scope(), pytest.raises(CrossOrganizationReference):
        application.job = job_b
        application.save()

    with world.a.scope():
        assert Application.objects.get(pk=application.pk).job_id != job_b.pk


def test_scope_needs_a_saved_organization() -> None:
    from tenancy.models import Organization

    with pytest.raises(OrganizationScopeMissing), org_scope(Organization(name="unsaved")):
        pass


def test_new_row_takes_the_active_organization(world: World) -> None:
    with world.a.scope():
        job = Job(title="Designer")
        job.save()

    assert job.organization_id == world.a.organization.pk
