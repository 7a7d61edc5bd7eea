"""The mail server down under a running portal: a submission still succeeds,
its receipt waits in the outbox with the failed attempt counted, and the
outbox sweep delivers it once the server is back. (Retries, backoff and the
final "failed" state are covered in tests/test_outbox.py; the broker being
down in tests/reminders/test_integration.py.)"""

from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from core.models import OutboundEmail
from core.tasks import requeue_pending
from support.models import SupportRequest
from tests.factories import UserFactory
from tests.harness.live_server import gunicorn_server
from tests.harness.smtp import Inbox, free_port
from tests.resilience.conftest import signed_in_session, submit_support_request

pytestmark = pytest.mark.django_db(transaction=True)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def test_with_the_mail_server_down_the_receipt_waits_in_the_outbox_and_goes_out_when_it_is_back(kind, settings):
    port = free_port()  # nothing listens here until the server "comes back"
    mail_env = {"TEST_EMAIL_BACKEND": SMTP_BACKEND, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port)}
    applicant = UserFactory(username="sokande")
    with gunicorn_server(workers=1, threads=2, env=mail_env) as server:
        session = signed_in_session(applicant)
        response = submit_support_request(session, server.url, kind=kind, subject="Medan e-posten ligger nere")
        assert response.status_code == 302 and "/kvitto/" in response.headers["Location"]
        receipt_page = session.get(server.url + response.headers["Location"], timeout=60)
        assert receipt_page.status_code == 200
    support_request = SupportRequest.objects.get(subject="Medan e-posten ligger nere")
    assert support_request.reference in receipt_page.text

    receipt = OutboundEmail.objects.get(user=applicant)
    assert receipt.status == OutboundEmail.Status.PENDING
    assert receipt.attempts == 1 and receipt.next_attempt_at is not None
    assert "Connection" in receipt.last_error  # refused: nothing listened
    assert support_request.reference in receipt.body

    # Before its retry time the sweep leaves it alone.
    settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT = SMTP_BACKEND, "127.0.0.1", port
    assert requeue_pending() == 0

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        later = timezone.now() + timedelta(seconds=settings.OUTBOX_RETRY_BASE_SECONDS + 1)
        assert requeue_pending(now=later) == 1
        assert requeue_pending(now=later) == 0  # sent once, not again
    finally:
        controller.stop()

    receipt.refresh_from_db()
    assert receipt.status == OutboundEmail.Status.SENT and receipt.attempts == 2
    assert [message["to"] for message in inbox.messages] == [[applicant.email]]
    assert inbox.messages[0]["subject"] == receipt.subject
