"""schemathesis against the live test server: no 5xx, and every response matches the schema."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import World

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.xdist_group("schemathesis")]


def test_api_answers_generated_requests_without_server_errors_and_as_documented(
    world: World,
    live_server,
    settings,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    settings.API_RATE_LIMIT_PER_MINUTE = 1_000_000
    world.a.interviewed_application(days_ago=3)
    world.a.application()

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "run",
            f"{live_server.url}/api/v1/schema/?format=json",
            "--url",
            f"{live_server.url}/",
            "--checks",
            "not_a_server_error,response_schema_conformance",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            "12",
            "--seed",
            "20261126",
            "--workers",
            "1",
            "--header",
            f"Authorization: Bearer {world.a.raw_key}",
            "--suppress-health-check",
            "all",
            "--no-color",
            "--request-timeout",
            "20",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
