"""The database going away under a running portal.

gunicorn reaches PostgreSQL through a proxy the test controls (see
proxy.py). A submission's writes (the request, its reference number, its
history, its event and its receipt email in the outbox) are one transaction:
cutting the connection at any point of it gives a clean error page or a
receipt, and the database holds either all of the submission or none of it.
After the database is back the very next request works, without restarting
the portal, also with persistent connections (CONN_MAX_AGE with
CONN_HEALTH_CHECKS, as in production)."""

import pytest
from django.db import connection

from support.constants import RequestState
from support.models import SupportRequest
from tests.factories import UserFactory
from tests.harness import worker
from tests.harness.live_server import gunicorn_server
from tests.resilience.conftest import (
    difference,
    form_token,
    row_counts,
    signed_in_session,
    submit_support_request,
)
from tests.resilience.proxy import fault_proxy
from tests.services import need_postgres

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ERROR_PAGE = "Något gick fel"
# What gunicorn logs for a request whose database connection was cut.
DATABASE_FAILURES = (r"OperationalError", r"InterfaceError")

CUT_POINTS = {
    "first write": ([b'INSERT INTO "support_supportrequest"'], False),
    "reference number": ([b'UPDATE "support_referencecounter"'], False),
    "event": ([b'INSERT INTO "support_requestevent"'], False),
    "receipt email": ([b'INSERT INTO "sotenas_portal_outboundemail"'], False),
    "before commit": ([b'INSERT INTO "sotenas_portal_outboundemail"', b"COMMIT"], False),
    "after commit": ([b'INSERT INTO "sotenas_portal_outboundemail"', b"COMMIT"], True),
}


@pytest.fixture
def portal(kind):
    """gunicorn (one worker, one thread: every request on the same persistent
    connection) behind the fault proxy, and a signed-in applicant."""
    need_postgres()
    db = connection.settings_dict
    with fault_proxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)) as proxy:
        database_url = worker.test_database_url().replace(
            f"@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/", f"@127.0.0.1:{proxy.port}/")
        assert str(proxy.port) in database_url
        with gunicorn_server(workers=1, threads=1, database_url=database_url, env={"LIVE_CONN_MAX_AGE": "60"},
                             allowed_errors=DATABASE_FAILURES) as server:
            session = signed_in_session(UserFactory(username="sokande"))

            def submit(subject):
                return submit_support_request(session, server.url, kind=kind, subject=subject)

            yield proxy, submit, session, server.url


def submission_rows(subject: str) -> dict:
    support_request = SupportRequest.objects.filter(subject=subject).first()
    if support_request is None:
        return {}
    return {
        "state": support_request.state,
        "reference": support_request.reference,
        "events": support_request.events.count(),
        "receipts": support_request.applicant.notifications.filter(body__contains=support_request.reference).count(),
    }


def assert_submitted(response, subject):
    assert response.status_code == 302 and "/kvitto/" in response.headers["Location"], response.text[:2000]
    rows = submission_rows(subject)
    assert rows["state"] == RequestState.SUBMITTED and rows["reference"].startswith("STOD-")
    assert rows["events"] >= 1 and rows["receipts"] == 1


def test_a_cut_during_a_submission_leaves_all_or_nothing_and_the_next_request_works(portal):
    # One server for every cut point: each cut must leave it usable for the next.
    proxy, submit, _session, _url = portal
    assert_submitted(submit("Uppvärmning"), "Uppvärmning")  # the reference counter row exists from here on
    before = row_counts()
    assert_submitted(submit("Referens"), "Referens")
    one_submission = difference(before, row_counts())
    for cut_point, (markers, after) in CUT_POINTS.items():
        subject = f"Avbruten vid {cut_point}"
        proxy.cut_at(*markers, after=after)
        before = row_counts()
        response = submit(subject)
        assert proxy.cut_done.is_set(), f"{cut_point}: the proxy never saw the statement to cut at"
        change = difference(before, row_counts())
        if response.status_code == 302:
            assert change == one_submission, cut_point
            assert_submitted(response, subject)
        else:
            assert response.status_code == 500 and ERROR_PAGE in response.text, cut_point
            assert change in ({}, one_submission), (cut_point, change)
            rows = submission_rows(subject)
            if change:  # committed, only the answer was lost: the whole submission is there
                assert rows["state"] == RequestState.SUBMITTED and rows["receipts"] == 1, cut_point
            else:
                assert rows == {}, cut_point
        if not after:
            assert change == {}, (cut_point, change)  # nothing reached the commit

        before = row_counts()
        assert_submitted(submit(f"Efter {cut_point}"), f"Efter {cut_point}")
        assert difference(before, row_counts()) == one_submission, cut_point


def test_the_portal_reconnects_after_a_database_restart_between_requests(portal):
    proxy, submit, _session, _url = portal
    assert_submitted(submit("Före omstart"), "Före omstart")  # the persistent connection is open
    proxy.cut_all()  # the database restarts while the connection idles
    assert_submitted(submit("Efter omstart"), "Efter omstart")  # first try, no error page


def test_while_the_database_is_down_requests_fail_cleanly_and_the_portal_recovers(portal, kind):
    proxy, submit, session, url = portal
    assert_submitted(submit("Före"), "Före")
    token = form_token(session, url)  # the form as loaded just before the outage
    before = row_counts()
    proxy.refuse()
    proxy.cut_all()
    for response in (session.get(f"{url}/stod/ny/", timeout=60),
                     submit_support_request(session, url, kind=kind, subject="Under avbrottet",
                                            token=token)):
        assert response.status_code == 500 and ERROR_PAGE in response.text
    proxy.accept()
    assert row_counts() == before
    assert_submitted(submit("Efter"), "Efter")
