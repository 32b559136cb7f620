"""Incoming email -> FollowUp. The raw message is stored first; everything after may fail without loss."""

import logging
import re
import uuid
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from candidates.models import Candidate
from notifications.selectors import causes_of_messages
from recruitment.emails import application_reference
from recruitment.errors import InvalidTransition
from recruitment.followups import followup_log
from recruitment.models import Application, ApplicationStatus, FollowUpChannel, InboundEmail, InboundStatus
from tenancy.actors import Actor
from tenancy.errors import DomainError
from tenancy.models import Organization
from tenancy.scope import org_scope, platform_scope

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"\+([0-9a-f]{12})@", re.IGNORECASE)
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_ADDRESS_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")


class UnreadableEmail(Exception):
    pass


def inbound_email_receive(*, raw: bytes, source: str) -> InboundEmail:
    """Stores the raw message in its own transaction, then reads, matches and logs it.

    Until the message names its organization it belongs to none: a named platform-scope step.
    """
    with platform_scope(reason="inbound email intake"):
        inbound = InboundEmail.unscoped.create(raw=raw, size=len(raw), source=source)
        try:
            inbound_email_process(inbound)
        except Exception as error:  # noqa: BLE001 - the stored message stays for HR whatever goes wrong
            logger.exception("Inbound email %s could not be processed.", inbound.pk)
            _reject(inbound, f"Processing failed: {type(error).__name__}: {error}")
        inbound.refresh_from_db()
    return inbound


def anymail_inbound_received(sender: object, event: object, esp_name: str, **kwargs: object) -> None:
    inbound_email_receive(raw=event.message.as_bytes(), source=f"anymail:{esp_name}")


def inbound_email_process(inbound: InboundEmail) -> None:
    try:
        message = _parse(bytes(inbound.raw))
    except UnreadableEmail as error:
        _reject(inbound, str(error))
        return
    inbound.from_address = parseaddr(str(message.get("From", "")))[1].lower()
    inbound.to_addresses = ", ".join(address for _name, address in _addresses(message))
    inbound.subject = " ".join(str(message.get("Subject", "")).split())[:500]
    inbound.message_id = str(message.get("Message-ID", ""))[:300]
    inbound.in_reply_to = f"{message.get('In-Reply-To', '')} {message.get('References', '')}".strip()
    try:
        inbound.text = _text_of(message)
    except UnreadableEmail as error:
        _reject(inbound, str(error))
        return
    inbound.organization = _organization_for(message)
    inbound.status = InboundStatus.UNMATCHED
    inbound.save()
    if inbound.organization is None or not inbound.from_address:
        return
    with org_scope(inbound.organization):
        application = _application_for(inbound)
        if application is None:
            return
        try:
            inbound_email_attach(
                organization=inbound.organization,
                actor=Actor.system(),
                inbound=inbound,
                application=application,
                received_at=_received_at(message),
            )
        except DomainError as error:
            InboundEmail.objects.filter(pk=inbound.pk).update(error=error.message)


@transaction.atomic
def inbound_email_attach(
    *,
    organization: Organization,
    actor: Actor,
    inbound: InboundEmail,
    application: Application,
    received_at: datetime | None = None,
) -> InboundEmail:
    """Logs a stored email as a follow-up on the application (automatically, or by HR from triage)."""
    inbound = InboundEmail.objects.select_for_update().get(pk=inbound.pk)
    if inbound.status == InboundStatus.MATCHED:
        raise InvalidTransition("This email is already logged as a follow-up.", code="inbound_already_logged")
    if inbound.status == InboundStatus.REJECTED:
        raise InvalidTransition(
            "This email could not be read; it cannot be logged.", code="inbound_unreadable"
        )
    followup_log(
        organization=organization,
        actor=actor,
        application=application,
        received_at=received_at or inbound.received_at,
        channel=FollowUpChannel.EMAIL,
        subject=inbound.subject,
        text=inbound.text,
        sender=inbound.from_address,
        inbound_email_id=inbound.pk,
    )
    inbound.status = InboundStatus.MATCHED
    inbound.save(update_fields=["status"])
    return inbound


@transaction.atomic
def inbound_email_dismiss(*, organization: Organization, actor: Actor, inbound: InboundEmail) -> InboundEmail:
    updated = InboundEmail.objects.filter(pk=inbound.pk, status=InboundStatus.UNMATCHED).update(
        status=InboundStatus.DISMISSED
    )
    if not updated:
        raise DomainError("Only an email waiting for triage can be dismissed.", code="inbound_not_in_triage")
    inbound.refresh_from_db()
    return inbound


def _reject(inbound: InboundEmail, error: str) -> None:
    inbound.status = InboundStatus.REJECTED
    inbound.error = error[:2000]
    InboundEmail.unscoped.filter(pk=inbound.pk).update(status=inbound.status, error=inbound.error)
    logger.warning("Inbound email %s rejected: %s", inbound.pk, error)


def _parse(raw: bytes) -> EmailMessage:
    if len(raw) > settings.INBOUND_EMAIL_MAX_BYTES:
        raise UnreadableEmail(
            f"The message is {len(raw)} bytes, over the {settings.INBOUND_EMAIL_MAX_BYTES} byte limit."
        )
    if not raw.strip():
        raise UnreadableEmail("The message is empty.")
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception as error:  # noqa: BLE001 - the parser's failures are as varied as the input
        raise UnreadableEmail(f"Not a readable email: {error}") from error
    if message.defects and not message.get("From"):
        raise UnreadableEmail(f"Not a readable email: {', '.join(type(d).__name__ for d in message.defects)}")
    if not message.get("From"):
        raise UnreadableEmail("The message has no From header.")
    return message


def _text_of(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = part.get_content()
    except (LookupError, UnicodeError, KeyError, ValueError) as error:
        raise UnreadableEmail(f"The message text cannot be decoded: {error}") from error
    if part.get_content_type() == "text/html":
        content = re.sub(r"<[^>]+>", " ", content)
    return content.strip()


def _addresses(message: EmailMessage) -> list[tuple[str, str]]:
    values = [str(value) for header in _ADDRESS_HEADERS for value in message.get_all(header, [])]
    return getaddresses(values)


def _organization_for(message: EmailMessage) -> Organization | None:
    for _name, address in _addresses(message):
        match = _TOKEN.search(address)
        if match:
            organization = Organization.objects.filter(inbound_token=match.group(1).lower()).first()
            if organization is not None:
                return organization
    return None


def _application_for(inbound: InboundEmail) -> Application | None:
    """The thread it answers (our Message-IDs), else the sender's open application, else the latest closed."""
    for cause in causes_of_messages(_MESSAGE_ID.findall(inbound.in_reply_to)):
        kind, _sep, application_id = cause.partition(":")
        if kind == "application":
            application = Application.objects.filter(pk=_uuid(application_id)).first()
            if application is not None and application_reference(application) == cause:
                return application
    candidate = Candidate.objects.filter(email=inbound.from_address).first()
    if candidate is None:
        return None
    applications = Application.objects.filter(candidate=candidate)
    return (
        applications.filter(status=ApplicationStatus.ACTIVE).order_by("-updated_at").first()
        or applications.order_by("-decided_at", "-updated_at").first()
    )


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _received_at(message: EmailMessage) -> datetime:
    try:
        sent = parsedate_to_datetime(str(message.get("Date", "")))
    except (TypeError, ValueError):
        return timezone.now()
    if sent is None or sent.tzinfo is None:
        return timezone.now()
    return min(sent, timezone.now())
