"""A real SMTP server on loopback (aiosmtpd) that records what it receives."""

import socket
from contextlib import contextmanager
from email import message_from_bytes
from email.header import decode_header, make_header

from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        self.messages.append({
            "to": list(envelope.rcpt_tos),
            # Long headers are folded on the wire; unfold them again.
            "subject": " ".join(str(make_header(decode_header(message["Subject"] or ""))).split()),
        })
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, {
            "TEST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(port),
        }
    finally:
        controller.stop()
