"""Review date arithmetic, including a decision on 29 February."""

from datetime import date

import pytest

from policy_reports.dates import default_round_due_date
from core.dates import add_months, add_years
from policy_reports.services import review_due_date


@pytest.mark.parametrize(
    "decided,due",
    [
        (date(2026, 6, 18), date(2028, 6, 18)),
        (date(2024, 2, 29), date(2026, 2, 28)),  # no 29 February in 2026
        (date(2026, 2, 28), date(2028, 2, 28)),
        (date(2026, 12, 31), date(2028, 12, 31)),
        (date(2026, 1, 1), date(2028, 1, 1)),
    ],
)
def test_review_is_due_two_years_after_the_decision(decided, due):
    assert review_due_date(decided) == due


def test_a_29_february_decision_keeps_29_february_when_the_review_year_is_a_leap_year():
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (date(2026, 8, 31), -6, date(2026, 2, 28)),
        (date(2028, 8, 31), -6, date(2028, 2, 29)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize("year,due", [(2025, date(2026, 2, 28)), (2027, date(2028, 2, 29))])
def test_rounds_are_due_at_the_end_of_february_the_year_after(year, due):
    assert default_round_due_date(year) == due
