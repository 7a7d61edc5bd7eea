"""Working days in Sweden: weekdays that are neither public holidays nor the
eves that working life treats as holidays (midsummer, Christmas and New
Year's Eve are "likställda med söndag" in the Working Hours Act)."""

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.conf import settings

# Public holidays plus the de facto ones (Midsummer Eve, Christmas Eve, New
# Year's Eve); Sundays are skipped as weekend days, not counted as holidays.
HOLIDAY_CATEGORIES = (holidays.PUBLIC, holidays.DE_FACTO)


@lru_cache(maxsize=16)
def _swedish_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Sweden(years=year, include_sundays=False, categories=HOLIDAY_CATEGORIES))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _swedish_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (which itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


@lru_cache(maxsize=4096)
def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when
    ``end`` is not after ``start``): ``add_working_days(start, n) == end``
    for the n returned, when ``end`` is a working day."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day)
    return days


def first_response_due(submitted_on: date) -> date:
    return add_working_days(submitted_on, settings.SUPPORT_FIRST_RESPONSE_WORKING_DAYS)
