"""The embedded default (SQLite) under concurrent use: the web server and
the Celery worker write at once and neither fails with "database is
locked" (WAL journal, a busy timeout, transactions that take the write lock
when they begin: sotenas_portal/settings/base.py). On PostgreSQL this does
not apply and the tests skip."""

import threading

import pytest
from django.db import connection

from core.models import OutboundEmail
from support.models import SupportRequest
from tests.factories import UserFactory
from tests.harness.live_server import gunicorn_server
from tests.harness.worker import celery_worker, wait_until
from tests.resilience.conftest import form_token, signed_in_session, submit_support_request

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's locking only"),
]

APPLICANTS = 4
REQUESTS_EACH = 6
LOCKED = "database is locked"


def test_the_connection_uses_wal_a_busy_timeout_and_immediate_transactions():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000  # milliseconds
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL: safe with WAL, fewer fsyncs
    assert connection.transaction_mode == "IMMEDIATE"


def _submit_many(base_url: str, applicant, kind, failures: list) -> None:
    session = signed_in_session(applicant)
    try:
        token = form_token(session, base_url)
        for number in range(REQUESTS_EACH):
            response = submit_support_request(session, base_url, kind=kind, token=token,
                                              subject=f"Samtidig ansökan {applicant.username} {number}")
            if response.status_code != 302:
                failures.append(f"{applicant.username} #{number}: {response.status_code} {response.text[:500]}")
    except Exception as error:  # noqa: BLE001 - reported by the test
        failures.append(f"{applicant.username}: {error!r}")


def test_web_requests_and_the_worker_write_at_once_without_database_is_locked(kind):
    applicants = [UserFactory(username=f"samtidig{number}") for number in range(APPLICANTS)]
    env = {"DJANGO_SETTINGS_MODULE": "tests.resilience.sqlite_concurrency_settings"}
    failures: list[str] = []
    with celery_worker(env=env) as worker, gunicorn_server(env=env) as server:
        # Every submission writes the request and its receipt; the worker
        # marks receipts sent while the next submissions are being written.
        threads = [threading.Thread(target=_submit_many, args=(server.url, applicant, kind, failures))
                   for applicant in applicants]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=240)
        expected = APPLICANTS * REQUESTS_EACH
        receipts = OutboundEmail.objects.filter(user__in=applicants)
        all_sent = wait_until(
            lambda: receipts.filter(status=OutboundEmail.Status.SENT).count() >= expected
            and not OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).exists(),
            timeout=120,
        )
        worker.terminate()
        worker_output = worker.communicate(timeout=30)[0]
        server_log = server.log()

    assert failures == []
    assert SupportRequest.objects.filter(applicant__in=applicants).exclude(reference="").count() == expected
    assert all_sent, (f"not all e-mails were sent: "
                      f"{list(OutboundEmail.objects.values_list('status', 'last_error'))}\n{worker_output[-5000:]}")
    assert not OutboundEmail.objects.filter(last_error__icontains="locked").exists()
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT, attempts=1).count() == \
        OutboundEmail.objects.count()  # each sent by the worker at the first try
    assert LOCKED not in worker_output, worker_output[-5000:]
    assert "succeeded" in worker_output  # the worker really ran the tasks
    assert LOCKED not in server_log, server_log[-5000:]
