"""Registry, work list and agreement downloads: read back, filters honoured,
wider columns only for officials, permissions."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def read_xlsx(response) -> list[list]:
    data = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    return [[("" if v is None else v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("fmt,reader", [("csv", read_csv), ("xlsx", read_xlsx)])
def test_registry_export_honours_search_and_filters(client, fmt, reader):
    EnterpriseFactory(name="Smögens Städ", locality="smogen")
    EnterpriseFactory(name="Kungshamns Café", locality="kungshamn")
    EnterpriseFactory(name="Smögens Utkast", locality="smogen", draft=True)
    response = client.get(reverse(f"enterprises:registry_export_{fmt}") + "?ort=smogen")
    assert response.status_code == 200
    rows = reader(response)
    assert [row[0] for row in rows[1:]] == ["Smögens Städ"]
    page = client.get(reverse("enterprises:list") + "?ort=smogen")
    assert [e.name for e in page.context["enterprises"]] == [row[0] for row in rows[1:]]


@pytest.mark.parametrize("fmt,reader", [("csv", read_csv), ("xlsx", read_xlsx)])
def test_public_export_has_public_columns_only(client, fmt, reader):
    enterprise = EnterpriseFactory(name="Öppet kooperativ")
    rep = RepresentationFactory(enterprise=enterprise)
    rows = reader(client.get(reverse(f"enterprises:registry_export_{fmt}")))
    header = rows[0]
    assert "Publication status" not in header and "Publiceringsstatus" not in header
    assert len(header) == 22
    flat = " ".join(str(v) for row in rows for v in row)
    assert rep.user.email not in flat


@pytest.mark.parametrize("fmt,reader", [("csv", read_csv), ("xlsx", read_xlsx)])
def test_official_export_has_wider_columns_and_unpublished_rows(client_as, fmt, reader):
    enterprise = EnterpriseFactory(name="Aaa publicerad")
    RepresentationFactory(enterprise=enterprise)
    RepresentationFactory(enterprise=enterprise)
    EnterpriseFactory(name="Bbb utkast", draft=True)
    rows = reader(client_as("official").get(reverse(f"enterprises:registry_export_{fmt}")))
    assert len(rows[0]) == 26
    names = [row[0] for row in rows[1:]]
    assert "Aaa publicerad" in names and "Bbb utkast" in names
    published = rows[1 + names.index("Aaa publicerad")]
    assert int(published[23]) == 2


def test_export_neutralises_formulas(client):
    EnterpriseFactory(name="=HYPERLINK(\"http://evil\")", short_description="@SUM(A1)", phone="+46 523 100 00")
    rows = read_csv(client.get(reverse("enterprises:registry_export_csv")))
    assert rows[1][0].startswith("'=")
    assert rows[1][7].startswith("'@")
    assert rows[1][10] == "+46 523 100 00"
    xlsx = read_xlsx(client.get(reverse("enterprises:registry_export_xlsx")))
    assert xlsx[1][0] == "=HYPERLINK(\"http://evil\")"  # stored as text, never as a formula


def test_large_registry_export_streams(client):
    EnterpriseFactory.create_batch(2000)
    response = client.get(reverse("enterprises:registry_export_csv"))
    assert response.streaming
    assert len(read_csv(response)) == 2001


@pytest.mark.parametrize("fmt,reader", [("csv", read_csv), ("xlsx", read_xlsx)])
def test_worklist_export_reuses_the_work_list_filters(client_as, official, fmt, reader):
    department = official.departments.first()
    SupportRequestFactory(subject="Hos oss", department=department, in_progress=True)
    SupportRequestFactory(subject="Annan sektor", in_progress=True)
    rows = reader(client_as("official").get(reverse(f"support:worklist_export_{fmt}") + "?lista=department"))
    assert [row[1] for row in rows[1:]] == ["Hos oss"]


@pytest.mark.parametrize("name", ["support:worklist_export_csv", "support:worklist_export_xlsx",
                                  "support:agreement_export_xlsx"])
def test_staff_exports_refuse_others(client_as, name):
    assert client_as("representative").get(reverse(name)).status_code == 403
    response = client_as("anonymous").get(reverse(name))
    assert response.status_code == 302


def test_agreement_xlsx_has_the_wider_fields(client_as):
    AgreementFactory(title="Städavtal", annual_value=250000, contact_person="Karin Berg")
    rows = read_xlsx(client_as("coordinator").get(reverse("support:agreement_export_xlsx")))
    assert rows[1][4] == "Städavtal"
    assert rows[1][7] == "250000" and rows[1][8] == "Karin Berg"
