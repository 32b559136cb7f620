"""A real SMTP server (aiosmtpd) for tests about sending."""

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """Collects what the server accepts. `refuse` maps a recipient to an SMTP answer such as '550 ...'.

    `hold_at=n` stops the n-th RCPT before any data is sent, until `release` is set: the moment a test
    kills the sending worker.
    """

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.refuse: dict[str, str] = {}
        self.hold_at: int | None = None
        self.held = threading.Event()
        self.release = threading.Event()
        self._rcpt_count = 0

    async def handle_RCPT(
        self, server: object, session: object, envelope, address: str, options: list
    ) -> str:  # noqa: ANN001
        if address in self.refuse:
            return self.refuse[address]
        self._rcpt_count += 1
        if self.hold_at is not None and self._rcpt_count == self.hold_at:
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
            return "421 Closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: object, session: object, envelope) -> str:  # noqa: ANN001
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted"

    def message_ids(self) -> list[str]:
        return [message["Message-ID"] for message in self.messages]


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[tuple[Inbox, int, Controller]]:
    inbox = Inbox()
    port = port or free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port, controller
    finally:
        inbox.release.set()
        controller.stop()


def mailer_settings(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
