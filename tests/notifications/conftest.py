from collections.abc import Iterator

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from tests.smtp import Inbox, free_port, mailer_settings, smtp_server


@pytest.fixture
def inbox(settings: SettingsWrapper) -> Iterator[Inbox]:
    """A real SMTP server that Django's default mailer sends to."""
    with smtp_server() as (inbox, port, _controller):
        settings.MAILERS = mailer_settings(port)
        yield inbox


@pytest.fixture
def smtp_down(settings: SettingsWrapper) -> int:
    """Django's mailer points at a port where no SMTP server listens (yet)."""
    port = free_port()
    settings.MAILERS = mailer_settings(port)
    return port
