import pytest
from rest_framework.test import APIClient

from tests.conftest import Tenant, World


def api_client(tenant: Tenant, raw_key: str | None = None) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key or tenant.raw_key}")
    return client


@pytest.fixture
def api_a(world: World) -> APIClient:
    return api_client(world.a)


@pytest.fixture
def api_b(world: World) -> APIClient:
    return api_client(world.b)
