"""What the annual report and the review take from the support app: the
support app's own figures, mapped to the report's fields.

(tests/policy_reports/test_prefill_from_support.py checks the same through the
report form.)"""

from datetime import date, datetime
from datetime import timezone as dt_timezone
from decimal import Decimal

import pytest

from policy_reports import prefill
from support import selectors as support_selectors
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return datetime(year, month, day, 10, tzinfo=dt_timezone.utc)


def test_a_department_with_nothing_gets_zeros(department):
    assert prefill.department_year_figures(department=department, year=2025) == {
        "agreements_in_force": 0, "agreements_total_value": Decimal("0"), "placement_agreements": 0,
        "requests_handled": 0, "requests_decided": 0,
    }
    assert prefill.report_prefill(department=department, year=2025) == {
        "agreements_in_force": 0, "agreements_value": Decimal("0"), "requests_handled": 0, "requests_decided": 0,
        "placement_agreements": 0,
    }


def test_the_support_figures_go_to_the_report_fields(department):
    AgreementFactory(department=department, start_date=date(2025, 1, 1), end_date=None,
                     annual_value=Decimal("150000"))
    AgreementFactory(department=department, start_date=date(2024, 6, 1), end_date=date(2025, 2, 28),
                     annual_value=Decimal("100000"), placement=True)
    AgreementFactory(start_date=date(2025, 1, 1), end_date=None)  # another department's
    SupportRequestFactory(decided=True, department=department, submitted_at=at(2025, 3, 1),
                          decided_at=at(2025, 4, 1))
    SupportRequestFactory(in_progress=True, department=department, submitted_at=at(2025, 11, 1))

    assert prefill.report_prefill(department=department, year=2025) == {
        "agreements_in_force": 2, "agreements_value": Decimal("250000"), "requests_handled": 2,
        "requests_decided": 1, "placement_agreements": 1,
    }


def test_the_report_reads_the_support_apps_figures(department):
    AgreementFactory(department=department, start_date=date(2025, 1, 1), end_date=None)
    figures = support_selectors.department_year_figures(department=department, year=2025)
    assert prefill.report_prefill(department=department, year=2025) == {
        **{field: figures[source] for field, source in prefill.PREFILLED_FIELDS.items()},
        "placement_agreements": figures["placement_agreements"],
    }


def test_agreements_in_force_are_counted_on_the_day():
    AgreementFactory(start_date=date(2025, 1, 1), end_date=None)
    AgreementFactory(start_date=date(2025, 1, 1), end_date=date(2025, 5, 31))
    AgreementFactory(start_date=date(2025, 7, 1), end_date=None)  # not yet
    assert prefill.agreements_in_force_count(on_date=date(2025, 6, 15)) == 1
    assert prefill.agreements_in_force_count(on_date=date(2025, 5, 31)) == 2


def test_the_review_counts_the_support_requests_of_the_period(department):
    SupportRequestFactory(decided=True, department=department, submitted_at=at(2025, 3, 1),
                          decided_at=at(2025, 3, 11))
    SupportRequestFactory(submitted=True, submitted_at=at(2026, 1, 1))  # after the period
    summary = prefill.request_summary(start=date(2025, 1, 1), end=date(2025, 12, 31))
    assert summary["volume"] == 1 and summary["median_days_to_decision"] == 10.0
