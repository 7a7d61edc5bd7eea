"""Hostile query strings at every list, search, export and report page:
each answers 200 (the page, its filters showing what was wrong) or a
redirect, never a server error, and reading never changes the data.

Runs on SQLite and on PostgreSQL, which refuses NUL characters in
strings (a 500 there only)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings

from tests.harness.dbstate import database_state
from tests.harness.test_permission_matrix import MATRIX
from tests.harness.urls import discover_urls

from .hostile import DERANDOMIZE, examples, hostile_params

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=examples(15), deadline=None, derandomize=DERANDOMIZE, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FEW = settings(FUZZ, max_examples=examples(8))

REGISTRY = ("q", "kategori", "malgrupp", "ort", "bolagsform", "asf", "reserverat", "status", "sortera", "page")
WORKLIST = ("lista", "state", "kind", "department", "sort", "page")
AGREEMENTS = ("department", "kind", "status", "year", "page")

# (URL name, roles to ask as, the parameters the page reads)
FILTERED_PAGES = [
    ("enterprises:list", ("anonymous", "coordinator"), REGISTRY),
    ("enterprises:registry_export_csv", ("anonymous", "official"), REGISTRY),
    ("support:worklist", ("official", "coordinator"), WORKLIST),
    ("support:worklist_export_csv", ("official",), WORKLIST),
    ("support:agreement_list", ("official", "coordinator"), AGREEMENTS),
    ("support:agreement_export", ("official",), AGREEMENTS),
    ("support:agreement_create", ("official",), ("request",)),
    ("support:my_requests", ("representative",), ("page",)),
    ("accounts:department_list", ("official",), ("page",)),
    ("accounts:notifications", ("official",), ("page",)),
    ("policy_reports:version_list", ("coordinator",), ("page",)),
    ("policy_reports:round_list", ("coordinator",), ("page",)),
    ("policy_reports:my_reports", ("official",), ("page",)),
    ("statistics:public", ("anonymous",), ("year", "page")),
    ("statistics:official", ("official",), ("year", "department", "page")),
]
# Slower files (XLSX) get fewer examples.
EXPORTS_XLSX = [
    ("enterprises:registry_export_xlsx", "anonymous", REGISTRY),
    ("support:worklist_export_xlsx", "official", WORKLIST),
    ("support:agreement_export_xlsx", "official", AGREEMENTS),
]
# Pages whose GET is a redirect by design.
REDIRECTING = {"support:home", "set_language", "policy_reports:home"}


def url_of(name, ctx):
    return reverse(name, kwargs=MATRIX[name].kwargs(ctx))


def assert_answered(response, url, params):
    assert response.status_code in (200, 302), f"GET {url} {params!r}: {response.status_code}"
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)  # a streamed export must not fail half-way


@pytest.mark.parametrize("name,roles,names", FILTERED_PAGES, ids=[case[0] for case in FILTERED_PAGES])
def test_filters_survive_hostile_query_strings(name, roles, names, ctx, client_as):
    url = url_of(name, ctx)
    clients = [client_as(role) for role in roles]
    before = database_state()

    @FUZZ
    @given(params=hostile_params(names))
    @example(params={"page": "²"})
    @example(params={"page": "99999999999999999999"})
    @example(params={name_: "\x00" for name_ in names})
    @example(params={name_: ["1", "\x00"] for name_ in names})
    @example(params={"year": "99999999999999999999", "department": "99999999999999999999", "kind": "-1"})
    @example(params={"request": "²"})
    @example(params={"request": "99999999999999999999"})
    @example(params={"request": "9" * 4301, "page": "9" * 4301})
    @example(params={"q": "a" * 5000})
    def check(params):
        for client in clients:
            assert_answered(client.get(url, params), url, params)

    check()
    assert database_state() == before


@pytest.mark.parametrize("name,role,names", EXPORTS_XLSX, ids=[case[0] for case in EXPORTS_XLSX])
def test_xlsx_exports_survive_hostile_query_strings(name, role, names, ctx, client_as):
    url = url_of(name, ctx)
    client = client_as(role)

    @FEW
    @given(params=hostile_params(names))
    @example(params={name_: "\x00" for name_ in names})
    def check(params):
        assert_answered(client.get(url, params), url, params)

    check()


def first_allowed(access) -> str:
    for role in ("representative", "official", "coordinator", "administrator", "anonymous"):
        if role in access.allowed:
            return role
    raise AssertionError("a URL nobody may use")


GET_PAGES = sorted(
    name for name, access in MATRIX.items()
    if 200 in access.ok and name not in REDIRECTING and not name.startswith("api")
    and not name.endswith("_pdf")
)


def test_every_page_ignores_stray_hostile_parameters(ctx, client_as):
    """Pages that read no parameters must not trip over them either (one
    test for all pages: the context is costly to build)."""
    clients = {}
    for name in GET_PAGES:
        url = url_of(name, ctx)
        role = first_allowed(MATRIX[name])
        client = clients.setdefault(role, client_as(role))

        @settings(FUZZ, max_examples=examples(2))
        @given(params=hostile_params(("q", "page", "year", "sort", "next", "lang", "version")))
        @example(params={"page": "\x00", "q": "\x00", "year": "99999999999999999999", "next": "//evil.example"})
        @example(params={"version": "\r\n", "page": "9" * 4301})
        def check(params):
            response = client.get(url, params)
            assert response.status_code in (200, 302), f"GET {url} {params!r}: {response.status_code}"

        check()


HUGE_IDS = ("2147483648", "9223372036854775808", "99999999999999999999999999")


ID_PARAMS = {"pk", "attachment_pk", "statement_pk", "number"}
ADDRESSES_WITH_IDS = sorted({u.name for u in discover_urls() if u.name in MATRIX and ID_PARAMS & set(u.params)})


def test_ids_past_the_database_range_are_not_found(ctx, client_as):
    """An id beyond PostgreSQL's integer (or SQLite's 64 bits) in the address
    is a 404 (or a refusal), not a database error."""
    client = client_as("administrator")
    for name in ADDRESSES_WITH_IDS:
        kwargs = MATRIX[name].kwargs(ctx)
        for key in [k for k in kwargs if k in ID_PARAMS]:
            plain = reverse(name, kwargs={**kwargs, key: 1})
            for huge in HUGE_IDS:
                url = plain.replace("/1/", f"/{huge}/", 1)
                for method in ("get", "post"):
                    response = getattr(client, method)(url)
                    assert response.status_code in (302, 403, 404, 405), f"{method} {url}: {response.status_code}"
