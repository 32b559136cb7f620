import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from notifications.delivery import deliver_notifications
from notifications.models import EmailTemplate, Notification, NotificationKind, NotificationStatus
from notifications.sending_hours import next_sending_time
from notifications.services import (
    NotificationNotCancellable,
    OutgoingEmail,
    notification_cancel,
    notification_queue,
    notification_resend,
)
from recruitment.models import RejectionReason
from recruitment.services import (
    application_hire,
    application_reject,
    application_unreject,
    application_withdraw,
)
from tests.conftest import Tenant
from tests.smtp import Inbox

pytestmark = [pytest.mark.django_db, pytest.mark.smtp]


def queue(tenant: Tenant, key: str = "k1", **overrides: object) -> Notification:
    fields = {
        "kind": NotificationKind.OFFER,
        "recipient": "ayu@mail.test",
        "recipient_name": "Ayu",
        "language": "en",
        "dedupe_key": key,
        "context": {
            "candidate_name": "Ayu",
            "position": "Backend Engineer",
            "organization": "A",
            "hr_contact": "HR",
        },
    }
    return notification_queue(organization=tenant.organization, email=OutgoingEmail(**(fields | overrides)))


def deliver_due(tenant: Tenant) -> list[str]:
    due = Notification.objects.filter(status=NotificationStatus.PENDING, send_after__lte=timezone.now())
    ids = [str(pk) for pk in due.order_by("send_after").values_list("pk", flat=True)]
    return list(deliver_notifications(ids, tenant.organization).values())


def make_due(notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk).update(send_after=timezone.now() - timedelta(seconds=1))


def rejection_reason() -> RejectionReason:
    return RejectionReason.objects.filter(type="rejected_by_us").first()


def test_queuing_the_same_dedupe_key_twice_returns_the_first_row(in_a: Tenant) -> None:
    first = queue(in_a)
    again = queue(in_a, recipient="other@mail.test")

    assert again.pk == first.pk
    assert Notification.objects.count() == 1


def test_email_is_rendered_when_queued_and_names_the_position(in_a: Tenant) -> None:
    notification = queue(in_a)

    assert "Backend Engineer" in notification.subject
    assert "Ayu" in notification.body_text
    assert notification.message_id.startswith(f"<{notification.pk}@")


def test_sent_email_carries_message_id_reply_to_and_sender(in_a: Tenant, inbox: Inbox) -> None:
    notification = queue(in_a)

    assert deliver_due(in_a) == ["sent"]

    [message] = inbox.messages
    assert message["Message-ID"] == notification.message_id
    assert message["Reply-To"] == in_a.organization.reply_to_email
    assert in_a.organization.sender_email in message["From"]
    assert message["Subject"] == notification.subject
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT and notification.sent_at is not None


def test_candidate_language_wins_over_the_organizations(in_a: Tenant) -> None:
    application = in_a.application(candidate=in_a.candidate(language="id"))

    application_hire(organization=in_a.organization, actor=in_a.actor, application=application)

    offer = Notification.objects.get(kind=NotificationKind.OFFER)
    assert offer.language == "id"
    assert "Backend Engineer" in offer.subject
    assert application.candidate.full_name in offer.body_text


def test_organization_language_is_used_when_the_candidate_has_none(in_a: Tenant) -> None:
    application = in_a.application(candidate=in_a.candidate(language=""))

    application_withdraw(organization=in_a.organization, actor=in_a.actor, application=application)

    assert Notification.objects.get(kind=NotificationKind.WITHDRAWAL_CONFIRMATION).language == "en"


def test_reject_queues_the_rejection_at_notify_at(in_a: Tenant) -> None:
    application = in_a.application()
    notify_at = timezone.now() + timedelta(days=2)

    application_reject(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        reason=rejection_reason(),
        notify_at=notify_at,
    )

    rejection = Notification.objects.get(kind=NotificationKind.REJECTION)
    assert (rejection.send_after, rejection.status, rejection.caused_by) == (
        notify_at,
        NotificationStatus.PENDING,
        f"application:{application.pk}",
    )


def test_unreject_cancels_the_rejection_not_yet_sent(in_a: Tenant, inbox: Inbox) -> None:
    application = in_a.application()
    application_reject(
        organization=in_a.organization,
        actor=in_a.actor,
        application=application,
        reason=rejection_reason(),
        notify_at=timezone.now() + timedelta(hours=4),
    )

    application_unreject(organization=in_a.organization, actor=in_a.actor, application=application)
    make_due(Notification.objects.get())
    deliver_due(in_a)

    assert Notification.objects.get().status == NotificationStatus.CANCELLED
    assert inbox.messages == []


def test_cancelled_delayed_email_is_never_sent(in_a: Tenant, inbox: Inbox) -> None:
    notification = queue(in_a, send_after=timezone.now() + timedelta(hours=1))

    notification_cancel(organization=in_a.organization, notification=notification)
    make_due(notification)
    results = deliver_notifications([str(notification.pk)], in_a.organization)

    assert results == {str(notification.pk): "skipped"}
    assert inbox.messages == []


def test_sent_email_cannot_be_cancelled(in_a: Tenant, inbox: Inbox) -> None:
    notification = queue(in_a)
    deliver_due(in_a)

    with pytest.raises(NotificationNotCancellable):
        notification_cancel(organization=in_a.organization, notification=notification)

    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT


def test_smtp_down_backs_off_and_sends_when_it_returns(in_a: Tenant, smtp_down: int) -> None:
    from tests.smtp import smtp_server

    notification = queue(in_a)

    assert deliver_due(in_a) == ["pending"]
    notification.refresh_from_db()
    assert notification.attempts == 1 and "Connection refused" in notification.last_error
    assert timedelta(seconds=50) < notification.send_after - timezone.now() <= timedelta(seconds=60)

    with smtp_server(port=smtp_down) as (inbox, _port, _controller):
        make_due(notification)
        assert deliver_due(in_a) == ["sent"]

    assert inbox.message_ids() == [notification.message_id]


def test_permanent_smtp_rejection_fails_with_the_reason(in_a: Tenant, inbox: Inbox) -> None:
    inbox.refuse["nobody@mail.test"] = "550 5.1.1 No such user"
    notification = queue(in_a, recipient="nobody@mail.test")

    assert deliver_due(in_a) == ["failed"]

    notification.refresh_from_db()
    assert notification.status == NotificationStatus.FAILED
    assert "No such user" in notification.last_error


def test_transient_errors_end_as_failed_after_the_last_retry(in_a: Tenant, smtp_down: int) -> None:
    notification = queue(in_a)

    outcomes = []
    for _attempt in range(6):
        make_due(notification)
        outcomes += deliver_due(in_a)

    assert outcomes == ["pending"] * 5 + ["failed"]
    notification.refresh_from_db()
    assert notification.attempts == 6 and notification.last_error


def test_failed_email_can_be_sent_again_by_hr(in_a: Tenant, inbox: Inbox) -> None:
    inbox.refuse["ayu@mail.test"] = "550 mailbox full"
    notification = queue(in_a)
    deliver_due(in_a)
    del inbox.refuse["ayu@mail.test"]

    notification_resend(organization=in_a.organization, notification=notification)
    deliver_due(in_a)

    notification.refresh_from_db()
    assert notification.status == NotificationStatus.SENT
    assert inbox.message_ids() == [notification.message_id]


def test_template_error_fails_that_email_alone(in_a: Tenant, inbox: Inbox) -> None:
    EmailTemplate.objects.create(
        organization=in_a.organization,
        kind=NotificationKind.REJECTION,
        language="en",
        subject="{{ position|no_such_filter }}",
        body_text="x",
    )
    broken = queue(in_a, key="broken", kind=NotificationKind.REJECTION)
    fine = [queue(in_a, key=f"fine-{n}") for n in range(3)]

    deliver_due(in_a)

    broken.refresh_from_db()
    assert broken.status == NotificationStatus.FAILED and "no_such_filter" in broken.last_error
    assert sorted(inbox.message_ids()) == sorted(n.message_id for n in fine)


def test_template_that_does_not_render_cannot_be_saved(in_a: Tenant) -> None:
    template = EmailTemplate(
        organization=in_a.organization,
        kind=NotificationKind.OFFER,
        language="en",
        subject="Offer: {{ position }}",
        body_text="{% if %}",
    )

    with pytest.raises(ValidationError):
        template.full_clean()


def test_organization_template_overrides_the_default(in_a: Tenant) -> None:
    EmailTemplate.objects.create(
        organization=in_a.organization,
        kind=NotificationKind.OFFER,
        language="en",
        subject="Welcome aboard, {{ candidate_name }} ({{ position }})",
        body_text="Hi {{ candidate_name }}",
    )

    notification = queue(in_a)

    assert notification.subject == "Welcome aboard, Ayu (Backend Engineer)"


def test_edited_template_is_used_by_the_next_email(in_a: Tenant) -> None:
    template = EmailTemplate.objects.create(
        organization=in_a.organization,
        kind=NotificationKind.OFFER,
        language="en",
        subject="Offer for {{ candidate_name }}",
        body_text="Hi {{ candidate_name }}",
    )
    first = queue(in_a, key="before")
    template.subject = "Your offer, {{ candidate_name }}"
    template.save()

    second = queue(in_a, key="after")

    assert (first.subject, second.subject) == ("Offer for Ayu", "Your offer, Ayu")


def test_hourly_cap_defers_the_excess_to_the_next_hour(in_a: Tenant, inbox: Inbox) -> None:
    in_a.organization.email_hourly_cap = 2
    in_a.organization.save()
    notifications = [queue(in_a, key=f"n{n}") for n in range(3)]

    outcomes = deliver_due(in_a)

    assert sorted(outcomes) == ["sent", "sent", "skipped"]
    waiting = Notification.objects.get(status=NotificationStatus.PENDING)
    next_hour = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    assert waiting.send_after == next_hour
    assert len(inbox.messages) == 2 and waiting in notifications


def test_batch_hands_back_what_it_has_not_sent_when_half_the_lease_is_gone(
    in_a: Tenant, inbox: Inbox, settings: SettingsWrapper
) -> None:
    settings.NOTIFICATION_LEASE_SECONDS = 0
    for n in range(3):
        queue(in_a, key=f"n{n}")

    outcomes = deliver_due(in_a)

    assert sorted(outcomes) == ["sent", "skipped", "skipped"]
    handed_back = Notification.objects.filter(status=NotificationStatus.PENDING)
    assert [(n.attempts, n.queued_at) for n in handed_back] == [(0, None), (0, None)]
    assert len(inbox.messages) == 1


def test_delivery_leaves_the_connection_committing_synchronously(in_a: Tenant, inbox: Inbox) -> None:
    queue(in_a)

    deliver_due(in_a)

    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"
    assert len(inbox.messages) == 1


def test_automatic_email_on_saturday_waits_for_monday_morning(in_a: Tenant) -> None:
    in_a.organization.timezone = "Asia/Jakarta"
    saturday_noon_jakarta = datetime(2026, 11, 28, 5, 0, tzinfo=UTC)

    assert next_sending_time(in_a.organization, saturday_noon_jakarta) == datetime(
        2026, 11, 30, 1, 0, tzinfo=UTC
    )


def test_automatic_email_inside_sending_hours_goes_now(in_a: Tenant) -> None:
    thursday_ten_jakarta = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)

    assert next_sending_time(in_a.organization, thursday_ten_jakarta) == thursday_ten_jakarta


def test_outbox_status_prints_counts_per_status(in_a: Tenant) -> None:
    queue(in_a, key="a")
    notification_cancel(organization=in_a.organization, notification=queue(in_a, key="b"))
    out = StringIO()

    call_command("outbox_status", stdout=out)

    assert json.loads(out.getvalue()) == {"pending": 1, "sending": 0, "sent": 0, "failed": 0, "cancelled": 1}
