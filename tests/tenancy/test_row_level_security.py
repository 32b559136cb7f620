"""The database's own wall: with the ORM scope deliberately bypassed, organization A reaches nothing of B."""

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction

from candidates.models import Candidate
from recruitment.models import Application
from tenancy.rls import POLICY, app_role_problems, tenant_tables
from tests.conftest import World

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not settings.DATABASE_APP_ROLE, reason="needs DATABASE_APP_ROLE (set by make test and CI)"
    ),
]


def test_every_table_with_an_organization_has_a_forced_policy(world: World) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid "
            "WHERE c.relrowsecurity AND c.relforcerowsecurity AND p.polname = %s",
            [POLICY],
        )
        protected = {row[0] for row in cursor.fetchall()}

    tables = set(tenant_tables(connection))
    assert tables and tables <= protected
    assert {"recruitment_application", "candidates_candidate", "notifications_notification"} <= tables


def test_unscoped_read_in_a_scope_sees_only_that_organization(world: World) -> None:
    mine = world.a.candidate()
    world.b.candidate()

    with world.a.scope():
        assert list(Candidate.unscoped.all()) == [mine]


def test_unscoped_update_in_a_scope_cannot_touch_another_organization(world: World) -> None:
    theirs = world.b.application()

    with world.a.scope():
        changed = Application.unscoped.filter(pk=theirs.pk).update(status="withdrawn")

    theirs.refresh_from_db()
    assert changed == 0 and theirs.status == "active"


def test_insert_for_another_organization_is_refused_by_the_database(world: World) -> None:
    with world.a.scope(), pytest.raises(DatabaseError), transaction.atomic():
        Candidate.unscoped.bulk_create(
            [Candidate(organization=world.b.organization, email="x@b.test", full_name="X")]
        )

    assert not Candidate.unscoped.filter(email="x@b.test").exists()


def test_scope_setting_does_not_outlive_the_scope(world: World) -> None:
    with world.a.scope():
        list(Candidate.objects.all())

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('app.organization_id', true), current_user")
        setting, user = cursor.fetchone()
    assert setting in ("", None)
    assert user != settings.DATABASE_APP_ROLE


def test_platform_scope_reads_every_organization(world: World) -> None:
    from tenancy.scope import platform_scope

    world.a.candidate()
    world.b.candidate()

    with platform_scope(reason="test"):
        assert Candidate.unscoped.count() == 2


def test_deploy_check_refuses_a_role_that_could_bypass(world: World, settings) -> None:  # noqa: ANN001
    settings.DATABASE_APP_ROLE = "postgres"  # the superuser every PostgreSQL has

    problems = app_role_problems(connection)

    assert problems and problems[0].id == "kabar.E001"


def test_deploy_check_accepts_the_app_role(world: World) -> None:
    assert app_role_problems(connection) == []
