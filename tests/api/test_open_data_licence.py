"""The registry is open data under CC0 1.0, and says so wherever it is
handed out: the OpenAPI schema, the API page, and the metadata of every
public CSV and XLSX download (an XLSX's second sheet, a CSV's Link header,
so the CSV itself stays a plain table). Officials' wider exports are not
open data and do not claim to be."""

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
LICENSE_LINK = f'<{CC0}>; rel="license"'


def workbook(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)


def test_the_schema_names_the_licence(client):
    schema = json.loads(client.get(reverse("api_schema") + "?format=json").content)
    assert schema["info"]["license"] == {"name": "CC0 1.0 Universal (Public Domain Dedication)", "url": CC0}


def test_the_api_page_states_the_licence_and_links_the_downloads(client):
    page = client.get(reverse("api_docs")).content.decode()
    assert f'href="{CC0}" rel="license"' in page
    assert "CC0 1.0" in page
    for name in ("api:enterprise_bulk_csv", "api:enterprise_bulk_json"):
        assert f'href="{reverse(name)}"' in page
    assert f'href="{reverse("api_dcat")}"' in page


@pytest.mark.parametrize("url", ["/api/v1/enterprises.csv", "/foretag/export.csv", "/statistik/by-kind.csv"])
def test_public_csv_downloads_name_the_licence(client, url):
    EnterpriseFactory()
    response = client.get(url)
    assert response.status_code == 200
    assert LICENSE_LINK in response["Link"] and 'rel="describedby"' in response["Link"]
    first_line = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert not first_line.startswith("#")  # the header row comes first, for every CSV reader


def test_the_public_xlsx_has_a_metadata_sheet_with_the_licence(client):
    EnterpriseFactory(name="Öppet kooperativ")
    book = workbook(client.get(reverse("enterprises:registry_export_xlsx")))
    data, about = book.worksheets
    assert book.active.title == data.title  # the data stays the sheet a reader opens
    assert next(data.iter_rows(values_only=True))[0] in ("Namn", "Name")
    metadata = {row[0]: row[1] for row in about.iter_rows(values_only=True)}
    assert CC0 in metadata.values()
    assert "Sotenäs kommun" in metadata.values()
    assert "CC0 1.0 Universal (Public Domain Dedication)" in metadata.values()


def test_officials_wider_exports_do_not_claim_the_open_licence(client_as):
    EnterpriseFactory(draft=True)
    official = client_as("official")
    book = workbook(official.get(reverse("enterprises:registry_export_xlsx")))
    assert len(book.worksheets) == 1
    assert not official.get(reverse("enterprises:registry_export_csv")).has_header("Link")
