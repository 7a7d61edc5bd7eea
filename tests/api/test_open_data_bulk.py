"""The whole published registry in one download (/api/v1/enterprises.csv
and .json): every published entry and no other, the API's own enterprise
objects, streamed in chunks with the same few queries per chunk."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enterprises import bulk
from enterprises.exports import public_header
from tests.enterprises.factories import EnterpriseFactory, ServiceCategoryFactory

pytestmark = pytest.mark.django_db

CSV_URL = "/api/v1/enterprises.csv"
JSON_URL = "/api/v1/enterprises.json"


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body(response).removeprefix("\ufeff")), delimiter=";"))


@pytest.fixture
def registry():
    category = ServiceCategoryFactory(name="Städ", slug="stad")
    published = [EnterpriseFactory(name=f"Publicerad {n:02}", categories=[category], with_figures=True)
                 for n in range(7)]
    EnterpriseFactory(name="Utkast", draft=True)
    EnterpriseFactory(name="Väntar", awaiting=True)
    EnterpriseFactory(name="Avpublicerad", unpublished=True)
    return published


def test_the_addresses_are_stable():
    assert reverse("api:enterprise_bulk_csv") == CSV_URL
    assert reverse("api:enterprise_bulk_json") == JSON_URL


def test_json_has_every_published_entry_as_the_api_shows_it(client, registry, settings):
    settings.OPEN_DATA_CHUNK_SIZE = 3  # several chunks
    response = client.get(JSON_URL)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    items = json.loads(body(response))
    assert [item["name"] for item in items] == sorted(e.name for e in registry)
    # The same objects, field for field, as the paged API's (one serializer).
    assert items == client.get(reverse("api:enterprise_list")).json()["results"]


def test_csv_has_every_published_entry_with_the_public_columns(client, registry, settings):
    settings.OPEN_DATA_CHUNK_SIZE = 3
    response = client.get(CSV_URL)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="foretagsregistret.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == [str(h) for h in public_header()]
    assert [row[0] for row in rows[1:]] == sorted(e.name for e in registry)
    assert "Utkast" not in body(client.get(CSV_URL))


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        body(client.get(url))
    return len(captured)


@pytest.mark.parametrize("url", [CSV_URL, JSON_URL])
def test_each_chunk_costs_the_same_queries(client, settings, url):
    settings.OPEN_DATA_CHUNK_SIZE = 4
    category = ServiceCategoryFactory()
    counts = []
    for _chunk in range(3):
        for _ in range(4):
            EnterpriseFactory(categories=[category], with_figures=True)
        counts.append(count(client, url))
    per_chunk = counts[1] - counts[0]
    assert counts[2] - counts[1] == per_chunk, counts
    # One query per prefetched relation (categories, target groups, figures…), never per enterprise.
    assert per_chunk == len(bulk.published_registry()._prefetch_related_lookups), counts


def test_it_streams_a_chunk_at_a_time(client, settings):
    """Reading the start of the download runs only the first chunk's
    queries: the rest is read when the client gets that far."""
    settings.OPEN_DATA_CHUNK_SIZE = 2
    for _ in range(10):
        EnterpriseFactory(with_figures=True)
    response = client.get(JSON_URL)
    stream = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as start:
        for _ in range(3):  # "[" and the first two enterprises
            next(stream)
    with CaptureQueriesContext(connection) as rest:
        remainder = b"".join(stream)
    assert len(rest) > len(start) > 0
    assert remainder.endswith(b"\n]\n")


def test_an_unchanged_registry_answers_304(client, registry):
    first = client.get(JSON_URL)
    body(first)
    assert client.get(JSON_URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    EnterpriseFactory(name="Ny")
    assert client.get(JSON_URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
