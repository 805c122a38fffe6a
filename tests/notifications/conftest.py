"""A real SMTP server (aiosmtpd) on a free local port, and Django's SMTP mailer pointed at it.

The tests run the real queue worker (django-tasks-db ``db_worker``) so that every mail goes
the production way: event -> outbox row + queue task in one transaction -> worker -> SMTP.
"""

from __future__ import annotations

import email
import email.policy
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

BASE_URL = "https://laborlens.test"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Handler:
    def __init__(self, inbox: SmtpInbox) -> None:
        self.inbox = inbox

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802  (aiosmtpd's hook)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.inbox.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


@dataclass
class SmtpInbox:
    port: int
    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address: str) -> list[EmailMessage]:
        return [message for rcpts, message in self.received if address in rcpts]

    @property
    def recipients(self) -> list[str]:
        return sorted(address for rcpts, _message in self.received for address in rcpts)


def text_of(message: EmailMessage) -> str:
    """Subject and decoded body, as the reader sees them."""
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return f"{message['subject']}\n{body.get_content()}"


def run_worker() -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)


@pytest.fixture
def smtp(settings) -> Iterator[SmtpInbox]:  # noqa: ANN001
    # aiosmtpd logs every connection at INFO from its own thread, sometimes after the test's
    # captured stream is closed; its warnings and errors still show.
    server_log = logging.getLogger("mail.log")
    level = server_log.level
    server_log.setLevel(logging.WARNING)
    inbox = SmtpInbox(free_port())
    inbox.start()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": inbox.port, "timeout": 10}}}
    settings.NOTIFICATIONS_ENABLED = True
    settings.BASE_URL = BASE_URL
    settings.DEFAULT_FROM_EMAIL = "laborlens@laborlens.test"
    settings.TASK_RETRY_BASE_SECONDS = 0
    yield inbox
    inbox.stop()
    server_log.setLevel(level)


from tests.cases.conftest import cw, media_root  # noqa: E402,F401  (the case world; uploads in tmp)
from tests.publishing.conftest import pw  # noqa: E402,F401  (the releases world)
from tests.victims.conftest import vw  # noqa: E402,F401  (the victim services world)
