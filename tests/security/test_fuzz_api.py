"""Hostile query parameters at every endpoint of the open data API: a 200,
or a 400 whose body says in words what was wrong (404 for a page or object
that does not exist), never a server error and never a change."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.harness.dbstate import database_state
from tests.harness.test_permission_matrix import MATRIX
from tests.harness.urls import discover_urls

from .hostile import DERANDOMIZE, examples, hostile_params, hostile_text

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=examples(20), deadline=None, derandomize=DERANDOMIZE, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

REGISTRY = ("q", "kategori", "malgrupp", "ort", "bolagsform", "asf", "reserverat", "sortera", "page")
API_PARAMS = {
    "api:enterprise_list": REGISTRY,
    "api:enterprise_detail": ("page",),
    "api:service_category_list": ("page",),
    "api:target_group_list": ("page",),
    "api:locality_list": ("page",),
    "api:agreement_list": ("page",),
    "api:statistics": ("year", "page"),
    "api_schema": ("lang", "format", "version"),
    # Issue 15: the bulk downloads take no parameters; the DCAT description neither.
    "api:enterprise_bulk_csv": ("page", "format"),
    "api:enterprise_bulk_json": ("page", "format"),
    "api_dcat": ("lang", "format"),
    "api_docs": ("lang", "version"),
    "api_explorer": ("lang", "version"),
}
HTML_PAGES = {"api_docs", "api_explorer"}


def test_every_api_endpoint_is_fuzzed():
    names = {u.name for u in discover_urls() if u.name and u.route.startswith("api/")}
    assert names == set(API_PARAMS)


def assert_api_answer(response, url, params):
    assert response.status_code in (200, 400, 404), f"GET {url} {params!r}: {response.status_code}"
    if response.status_code == 400:
        body = response.json()
        assert body and all(isinstance(messages, list) and messages for messages in body.values()), body


@pytest.mark.parametrize("name", sorted(API_PARAMS))
def test_api_query_parameters(name, ctx, client):
    url = reverse(name, kwargs=MATRIX[name].kwargs(ctx))
    accept = "text/html" if name in HTML_PAGES else "application/json"
    before = database_state()

    @FUZZ
    @given(params=hostile_params(API_PARAMS[name]))
    @example(params={"page": "²"})
    @example(params={"page": "١"})
    @example(params={"page": "0"})
    @example(params={"page": "99999999999999999999"})
    @example(params={"page": "\x00"})
    @example(params={"q": "\x00", "sortera": "\x00", "ort": "\x00"})
    @example(params={"kategori": ["x", "\x00"], "malgrupp": "' OR 1=1 --"})
    @example(params={"format": "\x00"})
    @example(params={"lang": "\x00"})
    @example(params={"version": "\r\n\t"})
    @example(params={"version": "<script>alert(1)</script>"})
    @example(params={"page": "9" * 4301})
    def check(params):
        assert_api_answer(client.get(url, params, HTTP_ACCEPT=accept), url, params)

    check()
    assert database_state() == before


@FUZZ
@given(number=hostile_text())
@example(number="²²²²²²-²²²²")
@example(number="\x00")
@example(number="5560360793" + "0" * 5000)
def test_api_detail_path_parameter(number, client, db):
    from urllib.parse import quote

    if not number or "/" in number:
        number = f"x{number}".replace("/", "")
    url = reverse("api:enterprise_detail", kwargs={"organisation_number": "x"}).replace("/x/", f"/{quote(number)}/")
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code in (400, 404), f"GET {url}: {response.status_code}"


@FUZZ
@given(header=st.sampled_from(["If-None-Match", "Accept", "Accept-Language", "Origin"]), value=hostile_text())
def test_api_hostile_headers(header, value, client, db):
    value = value.replace("\x00", "").replace("\r", "").replace("\n", "")
    response = client.get(reverse("api:enterprise_list"), headers={header: value})
    assert response.status_code in (200, 304, 406), response.status_code


@pytest.mark.parametrize("name", sorted(HTML_PAGES))
@pytest.mark.parametrize("param", ["lang", "version"])
def test_the_api_pages_never_reflect_markup(name, param, client, db):
    payload = '"><script>alert(1)</script>'
    response = client.get(reverse(name), {param: payload})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
