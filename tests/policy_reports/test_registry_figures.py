"""The registry's figures for a year equal what its enterprises say.
Enterprises are built directly with the ORM (the registry is read-only here)."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from enterprises.models import DefinitionCheck, Enterprise
from enterprises.orgnr import luhn_check_digit
from policy_reports.registry_figures import registry_year, registry_years

pytestmark = pytest.mark.django_db

_numbers = iter(range(1, 10_000))


def orgnr() -> str:
    nine = f"769{next(_numbers):06d}"
    return nine + str(luhn_check_digit(nine))


def enterprise(created: date, *, status="published", **fields) -> Enterprise:
    number = orgnr()
    item = Enterprise.objects.create(
        name=f"Kooperativ {number}",
        slug=f"kooperativ-{number}",
        organisation_number=number,
        legal_form="ekonomisk_forening",
        kind="asf",
        short_description="Café i Kungshamn.",
        locality="kungshamn",
        publication_status=status,
        unpublished_reason="Upphört" if status == "unpublished" else "",
        **fields,
    )
    # created_at is set on insert; place it on the calendar day wanted (local time).
    moment = timezone.make_aware(datetime(created.year, created.month, created.day, 23, 30))
    Enterprise.objects.filter(pk=item.pk).update(created_at=moment)
    return item


def test_growth_counts_published_enterprises_created_by_each_year_end():
    enterprise(date(2024, 3, 1))
    enterprise(date(2024, 12, 31))  # late in the evening of 31 December still counts for 2024
    enterprise(date(2025, 1, 1))
    enterprise(date(2025, 6, 1))
    enterprise(date(2025, 7, 1), status="draft")
    enterprise(date(2025, 8, 1), status="unpublished")
    enterprise(date(2026, 1, 10))
    figures = registry_year(year=2025)
    assert (figures.enterprises_previous, figures.enterprises, figures.growth) == (2, 4, 2)


def test_verified_asf_counts_current_checks_and_checks_in_the_history():
    enterprise(date(2023, 1, 1), asf_verified_on=date(2025, 3, 1), asf_valid_until=date(2027, 3, 1))
    enterprise(date(2023, 1, 1), asf_verified_on=date(2023, 3, 1), asf_valid_until=date(2025, 3, 1))  # lapsed
    enterprise(date(2023, 1, 1), asf_verified_on=date(2026, 2, 1), asf_valid_until=date(2028, 2, 1))  # too late
    historic = enterprise(date(2023, 1, 1))
    DefinitionCheck.objects.create(enterprise=historic, status="decided", decided_on=date(2024, 6, 1),
                                   valid_until=date(2026, 6, 1), is_asf=True)
    refused = enterprise(date(2023, 1, 1))
    DefinitionCheck.objects.create(enterprise=refused, status="decided", decided_on=date(2024, 6, 1),
                                   valid_until=date(2026, 6, 1), is_asf=False)
    assert registry_year(year=2025).verified_asf == 2
    assert registry_year(year=2024).verified_asf == 2


def test_people_are_summed_per_figures_year():
    enterprise(date(2023, 1, 1), figures_year=2025, employees=10, employees_from_target_groups=4, participants=3)
    enterprise(date(2023, 1, 1), figures_year=2025, employees=5, employees_from_target_groups=5, participants=0)
    enterprise(date(2023, 1, 1), figures_year=2024, employees=7, employees_from_target_groups=1, participants=2)
    enterprise(date(2023, 1, 1), status="draft", figures_year=2025, employees=99, participants=99)
    by_year = {row.year: row for row in registry_years(years=[2024, 2025, 2026])}
    assert (by_year[2025].employees, by_year[2025].employees_from_target_groups, by_year[2025].participants) == (
        15, 9, 3
    )
    assert by_year[2025].reporting_figures == 2
    assert (by_year[2024].employees, by_year[2024].participants) == (7, 2)
    assert (by_year[2026].employees, by_year[2026].reporting_figures) == (0, 0)


def test_an_empty_registry_gives_zeros():
    assert registry_year(year=2025).growth == 0
    assert registry_year(year=2025).verified_asf == 0
