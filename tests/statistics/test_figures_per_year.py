"""Each year's figures in /statistik/, the compiled annual report and the
two-year review basis are that year's own, never a later year's; an
enterprise without figures for a year is shown as missing, not counted as
zero."""

from datetime import date, datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from enterprises.models import Enterprise, EnterpriseFigures
from policy_reports import selectors as report_selectors
from policy_reports.registry_figures import registry_years
from sotenas_portal.statistics import selectors
from tests.enterprises.factories import EnterpriseFactory
from tests.harness.queries import assert_fixed_query_count
from tests.policy_reports.factories import PolicyVersionFactory, ReportingRoundFactory

pytestmark = pytest.mark.django_db


def in_registry_since(enterprise, day: date):
    Enterprise.objects.filter(pk=enterprise.pk).update(
        created_at=timezone.make_aware(datetime(day.year, day.month, day.day, 12)))
    return enterprise


def figures(enterprise, year, employees, from_groups, participants):
    EnterpriseFigures.objects.create(enterprise=enterprise, year=year, employees=employees,
                                     employees_from_target_groups=from_groups, participants=participants)


@pytest.fixture
def registry():
    """A: three years. B: 2023 and 2025, none for 2024. C: joined in 2025.
    D: reported zero people for 2024 (zero, not missing). A draft's figures
    never count."""
    cache.clear()
    a = in_registry_since(EnterpriseFactory(name="A", figures_year=2023, employees=8,
                                            employees_from_target_groups=3, participants=2), date(2022, 5, 1))
    figures(a, 2024, 9, 4, 3)
    figures(a, 2025, 10, 5, 1)
    b = in_registry_since(EnterpriseFactory(name="B", figures_year=2023, employees=4,
                                            employees_from_target_groups=1, participants=1), date(2022, 5, 1))
    figures(b, 2025, 6, 2, 0)
    in_registry_since(EnterpriseFactory(name="C", figures_year=2025, employees=3, employees_from_target_groups=3,
                                        participants=4), date(2025, 2, 1))
    in_registry_since(EnterpriseFactory(name="D", figures_year=2024, employees=0, employees_from_target_groups=0,
                                        participants=0), date(2023, 6, 1))
    draft = EnterpriseFactory(name="Utkast", draft=True, figures_year=2024, employees=99, participants=99)
    in_registry_since(draft, date(2022, 1, 1))
    for enterprise in Enterprise.objects.all():
        enterprise.save()  # each enterprise's copy becomes its latest year
    return a


def rows_of(series) -> dict:
    return {key: tuple(values) for key, _label, *values in series.rows}


def test_statistics_sum_each_years_own_figures_and_count_the_missing(registry):
    assert rows_of(selectors.people_by_year()) == {
        "2023": (12, 3), "2024": (9 + 0, 3 + 0), "2025": (10 + 6 + 3, 1 + 0 + 4),
    }
    # 2023: A and B reported, D joined in June and gave none; 2024: B gave none (D gave zeros);
    # 2025: D gave none.
    assert rows_of(selectors.figures_missing_per_year()) == {"2023": (1,), "2024": (1,), "2025": (1,)}


def test_the_statistics_page_shows_the_years_and_the_missing(client, registry):
    html = client.get(reverse("statistics:public")).content.decode()
    assert "Företag utan uppgifter, per år" in html
    section = html[html.index('id="chart-figures-missing"'):]
    assert '<th scope="row">2024</th>' in section[:section.index("</table>")]


def test_the_review_basis_has_each_years_own_totals_and_missing(registry, client_as):
    by_year = {row.year: row for row in registry_years(years=[2023, 2024, 2025])}
    assert [(y, by_year[y].employees, by_year[y].employees_from_target_groups, by_year[y].participants,
             by_year[y].reporting_figures, by_year[y].figures_missing) for y in (2023, 2024, 2025)] == [
        (2023, 12, 4, 3, 2, 1),
        (2024, 9, 4, 3, 2, 1),
        (2025, 19, 10, 5, 3, 1),
    ]
    version = PolicyVersionFactory(decision_date=date(2023, 3, 1))
    basis = report_selectors.review_basis(version=version, today=date(2025, 12, 1))
    assert [(row.year, row.employees, row.figures_missing) for row in basis.registry] == [
        (2023, 12, 1), (2024, 9, 1), (2025, 19, 1)]
    html = client_as("coordinator").get(reverse("policy_reports:review_basis", kwargs={"pk": version.pk}))
    assert "Företag utan uppgifter för året" in html.content.decode()


def test_the_compiled_report_uses_the_rounds_year(registry, client_as):
    reporting_round = ReportingRoundFactory(year=2024, due_date=date(2025, 2, 28))
    compiled = report_selectors.compiled_report(reporting_round=reporting_round, today=date(2025, 3, 5))
    assert (compiled.registry.employees, compiled.registry.participants, compiled.registry.figures_missing) == (
        9, 3, 1)
    html = client_as("coordinator").get(
        reverse("policy_reports:compiled_report", kwargs={"pk": reporting_round.pk})).content.decode()
    assert "Anställda enligt uppgifterna för 2024" in html
    assert "Företag utan uppgifter för året" in html


def test_three_years_give_three_rows_on_the_page(registry, client_as):
    page = client_as("official").get(registry.get_absolute_url())
    assert [(row.year, row.employees) for row in page.context["figures_years"]] == [(2025, 10), (2024, 9), (2023, 8)]


@pytest.mark.parametrize("role,name", [("anonymous", "statistics:public"), ("official", "statistics:official")])
def test_statistics_query_count_stays_fixed_with_years_of_figures(client_as, role, name):
    client = client_as(role)
    client.get(reverse(name))
    years = iter(range(2001, 2100))

    def add(n):
        for _ in range(n):
            enterprise = EnterpriseFactory(figures_year=next(years), employees=2, participants=1)
            figures(enterprise, enterprise.figures_year - 1, 1, 0, 1)

    assert_fixed_query_count(lambda: client.get(reverse(name)), add, sizes=(5, 25))
