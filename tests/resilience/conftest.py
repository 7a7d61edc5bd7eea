"""Helpers for driving the portal under gunicorn as a signed-in user."""

import re

import pytest
import requests
from django.db import connection
from django.test import Client

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Tables a request may touch without it being part of the business change.
BOOKKEEPING_TABLES = {"django_session", "axes_accessattempt", "axes_accessfailurelog", "axes_accesslog"}


def signed_in_session(user) -> requests.Session:
    """An HTTP session carrying ``user``'s session cookie (sessions live in
    the database, so the server accepts it)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


def form_token(session: requests.Session, base_url: str) -> str:
    form = session.get(f"{base_url}/stod/ny/", timeout=60)
    assert form.status_code == 200, form.text[:2000]
    return CSRF.search(form.text).group(1)


def submit_support_request(session: requests.Session, base_url: str, *, kind, subject: str,
                           token: str | None = None) -> requests.Response:
    """Fill in and submit the application form as a browser would."""
    token = token or form_token(session, base_url)
    return session.post(
        f"{base_url}/stod/ny/", allow_redirects=False, timeout=60,
        data={"csrfmiddlewaretoken": token, "kind": kind.pk, "enterprise": "", "subject": subject,
              "description": "Vi vill starta ett arbetskooperativ.", "hoped_outcome": "Råd om företagsform.",
              "submit": "1"},
    )


def row_counts(*, exclude=BOOKKEEPING_TABLES) -> dict[str, int]:
    """Rows per table, read straight from the database."""
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table in exclude:
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def difference(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {table: after[table] - before.get(table, 0) for table in after if after[table] != before.get(table, 0)}


@pytest.fixture
def kind(db):
    from tests.support.factories import support_kind

    return support_kind()
