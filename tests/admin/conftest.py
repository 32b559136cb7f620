from dataclasses import dataclass
from email.message import EmailMessage

import pytest
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from recruitment.inbound import inbound_email_receive
from recruitment.models import Application, InboundEmail, InboundStatus, Job
from tenancy.models import Role, User
from tests.conftest import Tenant, World
from tests.factories import MembershipFactory


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Staff:
    """Organization A's members in every role, and a pipeline in A and in B."""

    owner: User
    recruiter: User
    hiring_manager: User
    viewer: User
    job: Job
    application: Application
    other_job: Job
    b_job: Job
    b_application: Application


def member(tenant: Tenant, role: str, email: str) -> User:
    return MembershipFactory(organization=tenant.organization, role=role, user__email=email).user


@pytest.fixture
def staff(world: World) -> Staff:
    """A's hiring manager is on the hiring team of `job` only; `other_job` is another team's."""
    hiring_manager = member(world.a, Role.HIRING_MANAGER, "manager@a.test")
    viewer = member(world.a, Role.VIEWER, "viewer@a.test")
    job = world.a.job("Backend Engineer")
    job.hiring_team.add(hiring_manager)
    application = world.a.interviewed_application(days_ago=2, job=job)
    other_job = world.a.job("Designer")
    world.a.application(job=other_job)
    b_job = world.b.job("Staf Keuangan")
    b_application = world.b.interviewed_application(days_ago=2, job=b_job)
    return Staff(
        owner=world.a.owner,
        recruiter=world.a.recruiter,
        hiring_manager=hiring_manager,
        viewer=viewer,
        job=job,
        application=application,
        other_job=other_job,
        b_job=b_job,
        b_application=b_application,
    )


def application_url(application: Application) -> str:
    return reverse("admin:recruitment_application_change", args=[application.pk])


def act(client: Client, application: Application, action: str, **fields: object) -> HttpResponse:
    """Posts one action of the application page, its fields named as the page's form names them."""
    data = {"action": action, **{f"{action}-{name}": value for name, value in fields.items()}}
    return client.post(application_url(application), data)


def raw_email(
    tenant: Tenant, sender: str, subject: str = "Any news?", body: str = "Any news about my application?"
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Candidate <{sender}>"
    message["To"] = tenant.organization.inbound_address
    message["Subject"] = subject
    message["Date"] = "Wed, 25 Nov 2026 09:00:00 +0700"
    message.set_content(body)
    return message.as_bytes()


def unmatched_email(tenant: Tenant, sender: str = "stranger@mail.test") -> InboundEmail:
    """An email to the organization's inbound address from nobody it knows: it waits for triage."""
    inbound = inbound_email_receive(raw=raw_email(tenant, sender), source="test")
    assert inbound.status == InboundStatus.UNMATCHED
    return inbound


def messages_of(response: HttpResponse) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
