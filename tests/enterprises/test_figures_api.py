"""The API's enterprise objects carry ``figures``: every year, latest first,
aggregate counts only; the schema describes it; the list's query count does
not grow with enterprises or years."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from enterprises.models import Enterprise, EnterpriseFigures
from tests.enterprises.factories import EnterpriseFactory, valid_orgnr
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db
LIST = "/api/v1/enterprises/"


def with_three_years(**fields) -> Enterprise:
    enterprise = EnterpriseFactory(figures_year=2023, employees=8, employees_from_target_groups=3, participants=2,
                                   **fields)
    EnterpriseFigures.objects.create(enterprise=enterprise, year=2025, employees=10, employees_from_target_groups=5,
                                     participants=1)
    EnterpriseFigures.objects.create(enterprise=enterprise, year=2024, employees=9, employees_from_target_groups=4,
                                     participants=None)
    enterprise.save()  # as any save does: the enterprise's copy becomes the latest year
    return enterprise


def test_figures_are_listed_latest_first_in_list_and_detail():
    enterprise = with_three_years(name="Tre år")
    EnterpriseFactory(name="Utan siffror")
    expected = [
        {"year": 2025, "employees": 10, "employees_from_target_groups": 5, "participants": 1},
        {"year": 2024, "employees": 9, "employees_from_target_groups": 4, "participants": None},
        {"year": 2023, "employees": 8, "employees_from_target_groups": 3, "participants": 2},
    ]
    rows = {row["name"]: row for row in Client().get(LIST).json()["results"]}
    assert rows["Tre år"]["figures"] == expected
    assert rows["Tre år"]["figures_year"] == 2025 and rows["Tre år"]["employees"] == 10
    assert rows["Utan siffror"]["figures"] == []
    detail = Client().get(reverse("api:enterprise_detail", args=[enterprise.organisation_number_display])).json()
    assert detail["figures"] == expected


def test_the_schema_describes_figures():
    schema = json.loads(Client().get("/api/schema/?format=json").content)
    enterprise = schema["components"]["schemas"]["Enterprise"]
    assert "figures" in enterprise["required"]
    figures = enterprise["properties"]["figures"]
    assert figures["type"] == "array"
    item = schema["components"]["schemas"][figures["items"]["$ref"].rsplit("/", 1)[1]]
    assert set(item["properties"]) == {"year", "employees", "employees_from_target_groups", "participants"}
    assert item["properties"]["employees"].get("nullable") is True


def add_enterprises_with_years(count: int) -> None:
    start = Enterprise.objects.count()
    created = Enterprise.objects.bulk_create(
        Enterprise(name=f"Företag {start + n:04d}", slug=f"foretag-{start + n}",
                   organisation_number=valid_orgnr(start + n), legal_form="ekonomisk_forening", kind="asf",
                   short_description="Café", locality="smogen", publication_status="published",
                   figures_year=2025, employees=10, employees_from_target_groups=4, participants=1)
        for n in range(count)
    )
    EnterpriseFigures.objects.bulk_create(
        EnterpriseFigures(enterprise=e, year=year, employees=10, employees_from_target_groups=4, participants=1)
        for e in created for year in (2023, 2024, 2025)
    )


def test_the_api_list_query_count_stays_fixed_with_years_of_figures():
    assert_fixed_query_count(lambda: Client().get(LIST), add_enterprises_with_years, sizes=(5, 40))


def test_the_registry_list_needs_no_query_for_the_years(client):
    # The same 7 queries as without figures (tests/enterprises/test_query_counts.py): the list reads the
    # enterprise's copy of its latest year, never the rows.
    assert_fixed_query_count(lambda: client.get(reverse("enterprises:list"), {"reserverat": "on"}),
                             add_enterprises_with_years, sizes=(10, 100), expected=7)


def test_the_enterprise_page_query_count_does_not_grow_with_years(client_as):
    enterprise = with_three_years(name="Många år")
    client = client_as("official")
    years = iter(range(2000, 2020))

    def add_years(count):
        EnterpriseFigures.objects.bulk_create(
            EnterpriseFigures(enterprise=enterprise, year=next(years), employees=1, participants=0)
            for _ in range(count))

    assert_fixed_query_count(lambda: client.get(enterprise.get_absolute_url()), add_years, sizes=(2, 15))
