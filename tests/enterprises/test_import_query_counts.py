"""The import pages keep a fixed number of queries, however many rows the
file has (the preview shows a page of rows at a time)."""

import pytest
from django.urls import reverse

from enterprises.models import EnterpriseImport, EnterpriseImportRow
from tests.enterprises.factories import EnterpriseFactory
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("shown", ["", "?visa=avvisade", "?visa=uppdateringar"])
def test_the_preview_keeps_a_fixed_query_count(shown, client_as, user_for):
    client = client_as("coordinator")
    enterprise_import = EnterpriseImport.objects.create(
        original_name="lista.csv", file_format="csv", headers=["Organisationsnummer"],
        mapping={"organisation_number": "Organisationsnummer"}, status=EnterpriseImport.Status.PREVIEWED,
        uploaded_by=user_for("coordinator"), refused_count=1, new_count=1)
    url = reverse("enterprises:import_preview", kwargs={"pk": enterprise_import.pk})
    made = []

    def add_rows(n):
        rows = []
        for _ in range(n):
            number = len(made) + 2
            outcome = ("new", "update", "refused")[number % 3]
            existing = EnterpriseFactory() if outcome == "update" else None
            rows.append(EnterpriseImportRow(
                enterprise_import=enterprise_import, number=number, outcome=outcome, name=f"Förening {number}",
                existing=existing, errors={"name": "Namn saknas."} if outcome == "refused" else {}))
            made.append(number)
        EnterpriseImportRow.objects.bulk_create(rows)

    assert_fixed_query_count(lambda: client.get(url + shown), add_rows, sizes=(10, 120))


def test_the_start_page_keeps_a_fixed_query_count(client_as, user_for):
    client = client_as("coordinator")

    def add_imports(n):
        for _ in range(n):
            EnterpriseImport.objects.create(original_name="lista.csv", file_format="csv",
                                            uploaded_by=user_for("coordinator"))

    assert_fixed_query_count(lambda: client.get(reverse("enterprises:import_start")), add_imports, sizes=(2, 15))
