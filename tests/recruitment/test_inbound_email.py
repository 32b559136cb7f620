from email.message import EmailMessage
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from notifications.models import Notification
from recruitment.inbound import inbound_email_attach, inbound_email_dismiss, inbound_email_receive
from recruitment.models import FollowUp, InboundEmail, InboundStatus
from recruitment.services import application_hire
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def email(
    tenant: Tenant,
    sender: str,
    *,
    subject: str = "Any update?",
    body: str = "Is there any news on my application?",
    **headers: str,
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Candidate <{sender}>"
    message["To"] = tenant.organization.inbound_address
    message["Subject"] = subject
    message["Date"] = "Wed, 25 Nov 2026 09:00:00 +0700"
    message["Message-ID"] = "<reply-1@mail.test>"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def test_reply_to_our_email_is_logged_on_that_application(world: World) -> None:
    application = world.a.interviewed_application(days_ago=9)
    with world.a.scope():
        application_hire(organization=world.a.organization, actor=world.a.actor, application=application)
        offer = Notification.objects.get()
    other_open = world.a.application(candidate=application.candidate)

    inbound = inbound_email_receive(
        raw=email(world.a, application.candidate.email, In_Reply_To=offer.message_id, subject="Re: offer"),
        source="test",
    )

    assert inbound.status == InboundStatus.MATCHED
    with world.a.scope():
        followup = FollowUp.objects.get()
    assert followup.application_id == application.pk != other_open.pk
    assert (followup.channel, followup.sender, followup.inbound_email_id) == (
        "email",
        application.candidate.email,
        inbound.pk,
    )


def test_email_from_a_known_candidate_is_logged_on_the_open_application(world: World) -> None:
    application = world.a.interviewed_application(days_ago=9)

    inbound = inbound_email_receive(raw=email(world.a, application.candidate.email.upper()), source="test")

    assert inbound.status == InboundStatus.MATCHED
    with world.a.scope():
        followup = FollowUp.objects.get(application=application)
    assert followup.kind == "status_inquiry" and followup.kind_was_classified


def test_email_from_an_unknown_sender_waits_for_triage(world: World) -> None:
    inbound = inbound_email_receive(raw=email(world.a, "stranger@mail.test"), source="test")

    assert (inbound.status, inbound.organization_id) == (InboundStatus.UNMATCHED, world.a.organization.pk)
    assert FollowUp.unscoped.count() == 0


def test_email_to_no_known_address_is_kept_without_an_organization(world: World) -> None:
    raw = email(world.a, "someone@mail.test").replace(
        world.a.organization.inbound_token.encode(), b"000000000000"
    )

    inbound = inbound_email_receive(raw=raw, source="test")

    assert (inbound.status, inbound.organization_id) == (InboundStatus.UNMATCHED, None)
    with world.a.scope():
        assert not InboundEmail.objects.exists()


def test_sender_known_only_in_another_organization_is_not_matched(world: World) -> None:
    application_b = world.b.interviewed_application()

    inbound = inbound_email_receive(raw=email(world.a, application_b.candidate.email), source="test")

    assert inbound.status == InboundStatus.UNMATCHED
    assert FollowUp.unscoped.count() == 0


def test_malformed_email_is_stored_with_its_error(world: World) -> None:
    inbound = inbound_email_receive(raw=b"this is not an email at all", source="test")

    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.REJECTED
    assert inbound.error.startswith("Not a readable email")
    assert bytes(inbound.raw) == b"this is not an email at all"


def test_oversized_email_is_stored_and_not_read(world: World) -> None:
    raw = email(world.a, "big@mail.test", body="x" * (10 * 1024 * 1024 + 1))

    inbound = inbound_email_receive(raw=raw, source="test")

    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.REJECTED and "limit" in inbound.error
    assert inbound.size == len(raw)


def test_undecodable_email_is_stored_with_its_error(world: World) -> None:
    raw = (
        f"From: c@mail.test\r\nTo: {world.a.organization.inbound_address}\r\nSubject: hi\r\n"
        "Content-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: 8bit\r\n\r\n\xff\xfe body"
    ).encode("latin-1")

    inbound = inbound_email_receive(raw=raw, source="test")

    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.REJECTED
    assert "decoded" in inbound.error


def test_hr_attaches_a_triaged_email_to_an_application(world: World) -> None:
    application = world.a.interviewed_application(days_ago=3)
    inbound = inbound_email_receive(raw=email(world.a, "personal@mail.test"), source="test")

    with world.a.scope():
        inbound_email_attach(
            organization=world.a.organization, actor=world.a.actor, inbound=inbound, application=application
        )
        followup = FollowUp.objects.get()

    assert followup.application_id == application.pk
    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.MATCHED


def test_hr_dismisses_a_triaged_email(world: World) -> None:
    inbound = inbound_email_receive(raw=email(world.a, "spam@mail.test"), source="test")

    with world.a.scope():
        inbound_email_dismiss(organization=world.a.organization, actor=world.a.actor, inbound=inbound)

    inbound.refresh_from_db()
    assert inbound.status == InboundStatus.DISMISSED


def test_ingest_email_command_logs_an_eml_file(world: World, tmp_path: Path) -> None:
    application = world.a.interviewed_application(days_ago=9)
    path = tmp_path / "reply.eml"
    path.write_bytes(email(world.a, application.candidate.email))
    out = StringIO()

    call_command("ingest_email", str(path), stdout=out)

    assert " matched follow-up " in out.getvalue()
    assert FollowUp.unscoped.filter(application=application).count() == 1


def test_esp_inbound_webhook_stores_and_logs_the_email(world: World, client) -> None:  # noqa: ANN001
    import base64
    import json

    application = world.a.interviewed_application(days_ago=9)
    payload = {
        "FromFull": {"Email": application.candidate.email, "Name": application.candidate.full_name},
        "ToFull": [{"Email": world.a.organization.inbound_address, "Name": ""}],
        "Subject": "Status of my application",
        "TextBody": "Hello, is there any update on the result of my interview?",
        "Date": "Wed, 25 Nov 2026 09:00:00 +0700",
        "MessageID": "postmark-1",
        "Headers": [{"Name": "Message-ID", "Value": "<reply-2@mail.test>"}],
    }
    auth = base64.b64encode(b"kabar:local-inbound").decode()

    response = client.post(
        "/anymail/postmark/inbound/",
        data=json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )

    assert response.status_code == 200
    inbound = InboundEmail.unscoped.get()
    assert (inbound.source, inbound.status) == ("anymail:Postmark", InboundStatus.MATCHED)
    assert FollowUp.unscoped.get().application_id == application.pk
