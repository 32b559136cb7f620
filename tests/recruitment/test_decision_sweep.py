import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from notifications.models import Notification, NotificationKind
from recruitment.errors import InvalidTransition
from recruitment.models import Application, ApplicationStatus, FollowUpPolicy, HistoryEvent
from recruitment.services import application_hire
from recruitment.sweep import decision_sweep
from tests.conftest import Tenant, World

pytestmark = pytest.mark.django_db


def test_overdue_application_is_rejected_with_a_notice(in_a: Tenant) -> None:
    overdue = in_a.interviewed_application(days_ago=15)

    report = decision_sweep()

    overdue.refresh_from_db()
    assert report.rejected == 1
    assert (overdue.status, overdue.rejection_reason.name) == (
        ApplicationStatus.REJECTED,
        "No decision within 14 days",
    )
    entry = overdue.history.get(event=HistoryEvent.REJECTED)
    assert entry.actor_user is None and entry.actor_api_key is None
    assert Notification.objects.get().kind == NotificationKind.AUTO_REJECTION


def test_application_within_its_window_is_left_alone(in_a: Tenant) -> None:
    waiting = in_a.interviewed_application(days_ago=13)

    report = decision_sweep()

    waiting.refresh_from_db()
    assert (report.rejected, waiting.status) == (0, ApplicationStatus.ACTIVE)
    assert Notification.objects.count() == 0


def test_running_the_sweep_twice_changes_nothing_more(in_a: Tenant) -> None:
    in_a.interviewed_application(days_ago=20)

    first, second = decision_sweep(), decision_sweep()

    assert (first.rejected, second.rejected) == (1, 0)
    assert Notification.objects.count() == 1


def test_due_soon_applications_are_reported(in_a: Tenant) -> None:
    in_a.interviewed_application(days_ago=12)
    in_a.interviewed_application(days_ago=2)

    assert decision_sweep(dry_run=True).due_soon == 1


def test_dry_run_counts_without_rejecting(in_a: Tenant) -> None:
    overdue = in_a.interviewed_application(days_ago=15)
    out = StringIO()

    call_command("run_decision_sweep", "--dry-run", stdout=out)

    overdue.refresh_from_db()
    assert overdue.status == ApplicationStatus.ACTIVE
    assert out.getvalue().startswith("1 applications would be rejected")


def test_policy_without_auto_reject_keeps_the_application_open(in_a: Tenant) -> None:
    overdue = in_a.interviewed_application(days_ago=15)
    FollowUpPolicy.objects.filter(job__isnull=True).update(auto_reject=False)

    report = decision_sweep()

    overdue.refresh_from_db()
    assert (report.rejected, overdue.status) == (0, ApplicationStatus.ACTIVE)


def test_sweep_covers_every_organization(world: World) -> None:
    a = world.a.interviewed_application(days_ago=15)
    b = world.b.interviewed_application(days_ago=15)

    decision_sweep()

    assert {Application.unscoped.get(pk=pk).status for pk in (a.pk, b.pk)} == {ApplicationStatus.REJECTED}
    assert Notification.unscoped.get(organization=world.b.organization).language == "id"


def race_sweep_against_hire(tenant: Tenant) -> tuple[Application, list[str], int, list[BaseException]]:
    """Starts the sweep and a human hire on one overdue application at the same moment."""
    application = tenant.interviewed_application(days_ago=15)
    start = threading.Barrier(2)
    lost: list[BaseException] = []

    def sweep() -> None:
        try:
            start.wait()
            decision_sweep()
        finally:
            connection.close()

    def hire() -> None:
        try:
            start.wait()
            with tenant.scope():
                application_hire(
                    organization=tenant.organization, actor=tenant.actor, application=application
                )
        except InvalidTransition as error:
            lost.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep), threading.Thread(target=hire)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    with tenant.scope():
        application.refresh_from_db()
        emails = list(
            Notification.objects.filter(caused_by=f"application:{application.pk}").values_list(
                "kind", flat=True
            )
        )
        decisions = application.history.filter(event__in=[HistoryEvent.HIRED, HistoryEvent.REJECTED]).count()
    return application, emails, decisions, lost


@pytest.mark.django_db(transaction=True)
def test_sweep_racing_a_human_hire_ends_with_one_outcome_and_one_email(world: World) -> None:
    for _round in range(15):
        application, emails, decisions, lost = race_sweep_against_hire(world.a)

        assert decisions == 1
        if application.status == ApplicationStatus.HIRED:
            assert (emails, lost) == ([NotificationKind.OFFER], [])
        else:
            assert application.status == ApplicationStatus.REJECTED
            assert emails == [NotificationKind.AUTO_REJECTION] and len(lost) == 1
