import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from candidates.models import Candidate
from recruitment.models import Application, Job
from recruitment.services import application_create, interview_complete, interview_schedule, job_create
from tenancy.actors import Actor
from tenancy.models import ApiKey, ApiScope, Organization, Role, User
from tenancy.scope import org_scope
from tenancy.services import api_key_create
from tests.factories import CandidateFactory, MembershipFactory, OrganizationFactory, UserFactory

SERVICE_MARKERS = ("postgres", "redis")


@pytest.fixture(autouse=True)
def _cheap_password_hashing(settings) -> None:  # noqa: ANN001
    settings.PASSWORD_HASHERS = ["tests.hashers.CheapArgon2PasswordHasher"]


@dataclass
class Tenant:
    organization: Organization
    owner: User
    recruiter: User
    api_key: ApiKey
    raw_key: str

    @property
    def actor(self) -> Actor:
        return Actor(user=self.recruiter)

    def scope(self) -> "org_scope":
        return org_scope(self.organization)

    def candidate(self, **fields: object) -> Candidate:
        return CandidateFactory(organization=self.organization, **fields)

    def job(self, title: str = "Backend Engineer") -> Job:
        with self.scope():
            return job_create(organization=self.organization, actor=self.actor, title=title)

    def application(self, job: Job | None = None, candidate: Candidate | None = None) -> Application:
        with self.scope():
            return application_create(
                organization=self.organization,
                actor=self.actor,
                candidate=candidate or self.candidate(),
                job=job or self.job(),
            )

    def interviewed_application(self, days_ago: float = 1, **kwargs: object) -> Application:
        """An application whose one interview ended `days_ago` days ago and was completed."""
        application = self.application(**kwargs)
        ends_at = timezone.now() - timedelta(days=days_ago)
        with self.scope():
            interview = interview_schedule(
                organization=self.organization,
                actor=self.actor,
                application=application,
                starts_at=ends_at - timedelta(hours=1),
                ends_at=ends_at,
                interviewers=["Rina"],
            )
            interview_complete(organization=self.organization, actor=self.actor, interview=interview)
            application.refresh_from_db()
        return application


@dataclass
class World:
    a: Tenant
    b: Tenant
    outsider: User


def make_tenant(slug: str, language: str) -> Tenant:
    organization = OrganizationFactory(slug=slug, name=f"Organization {slug.upper()}", language=language)
    owner = MembershipFactory(
        organization=organization, role=Role.OWNER, user__email=f"owner@{slug}.test"
    ).user
    recruiter = MembershipFactory(
        organization=organization, role=Role.RECRUITER, user__email=f"hr@{slug}.test"
    ).user
    with org_scope(organization):
        api_key, raw_key = api_key_create(
            organization=organization, name="ATS", scopes=[ApiScope.READ, ApiScope.WRITE]
        )
    return Tenant(organization, owner, recruiter, api_key, raw_key)


@pytest.fixture
def world(db: None) -> World:
    """Organization A (English) and B (Indonesian), each with an owner, a recruiter and an API key."""
    return World(
        a=make_tenant("a", "en"), b=make_tenant("b", "id"), outsider=UserFactory(email="outsider@x.test")
    )


@pytest.fixture
def in_a(world: World) -> Iterator[Tenant]:
    """The test body runs in organization A's scope."""
    with world.a.scope():
        yield world.a


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if {"db", "transactional_db", "django_db_setup", "world"} & set(fixtures) or item.get_closest_marker(
            "django_db"
        ):
            item.add_marker(pytest.mark.postgres)


_skipped_service_tests: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and any(marker in report.keywords for marker in SERVICE_MARKERS):
        _skipped_service_tests.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # CI sets KABAR_REQUIRE_SERVICES: there, a skipped PostgreSQL or Redis test is a failure.
    if (
        os.environ.get("KABAR_REQUIRE_SERVICES")
        and _skipped_service_tests
        and not hasattr(session.config, "workerinput")
    ):
        print(f"\nTests that need PostgreSQL or Redis were skipped: {', '.join(_skipped_service_tests)}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
