from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from pytest_django.fixtures import Settings as SettingsWrapper

from tenancy.models import ApiKey
from tenancy.services import api_key_authenticate, api_key_revoke, recent_api_keys
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_create_api_key_prints_the_key_alone(world: World) -> None:
    out = StringIO()

    call_command("create_api_key", "--org", "a", "--name", "Greenhouse", "--scopes", "read", stdout=out)

    raw_key = out.getvalue().strip()
    assert "\n" not in raw_key and raw_key.startswith("kbr_")
    key = api_key_authenticate(raw_key)
    assert key is not None and key.name == "Greenhouse" and key.scopes == ["read"]
    assert key.organization == world.a.organization


def test_only_a_hash_of_the_key_is_stored(world: World) -> None:
    stored = ApiKey.unscoped.get(pk=world.a.api_key.pk)

    assert world.a.raw_key not in {stored.key_hash, stored.prefix, stored.name}
    assert len(stored.key_hash) == 64


def test_revoked_key_no_longer_authenticates(world: World) -> None:
    with world.a.scope():
        api_key_revoke(api_key=world.a.api_key)

    assert api_key_authenticate(world.a.raw_key) is None


def test_key_authenticated_moments_ago_is_accepted_without_a_query(
    world: World, django_assert_num_queries
) -> None:  # noqa: ANN001
    api_key_authenticate(world.a.raw_key)

    with django_assert_num_queries(0):
        api_key = api_key_authenticate(world.a.raw_key)

    assert api_key.pk == world.a.api_key.pk and api_key.organization == world.a.organization


def test_remembered_key_is_a_copy_for_each_request(world: World) -> None:
    first = api_key_authenticate(world.a.raw_key)
    first.organization.name = "Changed in one request only"

    assert api_key_authenticate(world.a.raw_key).organization.name == world.a.organization.name


def test_saving_the_organization_forgets_its_remembered_keys(world: World) -> None:
    api_key_authenticate(world.a.raw_key)
    world.a.organization.language = "id"
    world.a.organization.save()

    assert api_key_authenticate(world.a.raw_key).organization.language == "id"


def test_key_revoked_in_another_process_stops_working_after_the_cache_time(
    world: World, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.API_KEY_CACHE_SECONDS = 5
    now = [1000.0]
    monkeypatch.setattr(recent_api_keys, "clock", lambda: now[0])
    api_key_authenticate(world.a.raw_key)
    ApiKey.unscoped.filter(pk=world.a.api_key.pk).update(revoked_at=timezone.now())  # no signal here

    now[0] += 4.9
    remembered = api_key_authenticate(world.a.raw_key)
    now[0] += 0.2

    assert remembered is not None and api_key_authenticate(world.a.raw_key) is None


def test_tampered_key_does_not_authenticate(world: World) -> None:
    assert api_key_authenticate(world.a.raw_key[:-2] + "xx") is None


def test_authentication_records_last_use(world: World) -> None:
    api_key_authenticate(world.a.raw_key)

    assert ApiKey.unscoped.get(pk=world.a.api_key.pk).last_used_at is not None


def test_create_api_key_for_unknown_organization_fails(world: World) -> None:
    with pytest.raises(CommandError, match="No organization"):
        call_command("create_api_key", "--org", "nope", "--name", "x", stdout=StringIO())
