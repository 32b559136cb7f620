from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from notifications.models import Notification, NotificationKind
from recruitment.digest import hr_digest_queue_due
from recruitment.followups import followup_log
from tests.conftest import World

pytestmark = pytest.mark.django_db

# 08:30 in Jakarta (UTC+7) on a Thursday.
MORNING = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)


def digests() -> list[Notification]:
    return list(Notification.unscoped.filter(kind=NotificationKind.HR_DIGEST).order_by("recipient"))


def test_digest_goes_to_owners_and_recruiters_once_a_day(world: World) -> None:
    hr_digest_queue_due(now=MORNING)
    hr_digest_queue_due(now=MORNING + timedelta(hours=3))

    assert [n.recipient for n in digests() if n.organization_id == world.a.organization.pk] == [
        "hr@a.test",
        "owner@a.test",
    ]
    assert len(digests()) == 4


def test_no_digest_before_eight_in_the_organizations_timezone(world: World) -> None:
    hr_digest_queue_due(now=MORNING - timedelta(hours=1))

    assert digests() == []


def test_digest_lists_overdue_decisions_and_unanswered_questions(world: World) -> None:
    overdue = world.a.interviewed_application(days_ago=15)
    asking = world.a.interviewed_application(days_ago=3)
    with world.a.scope():
        followup_log(
            organization=world.a.organization,
            actor=world.a.actor,
            application=asking,
            received_at=timezone.now() - timedelta(days=2),
            channel="email",
            kind="other",
            text="Can I bring a portfolio?",
        )

    hr_digest_queue_due(now=timezone.now().replace(hour=3))

    body = next(n for n in digests() if n.recipient == "hr@a.test").body_text
    assert overdue.candidate.full_name in body
    assert asking.candidate.full_name in body
