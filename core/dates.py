"""Calendar arithmetic every app uses. A date a whole number of years or
months on keeps its day where the month has it and otherwise takes the
month's last day: 29 February 2024 plus two years is 28 February 2026."""

import calendar
from collections.abc import Iterable
from datetime import date, datetime, time
from statistics import median

from django.utils import timezone


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def start_of_day(day: date) -> datetime:
    """The first instant of ``day`` in the portal's time zone, so a
    datetime comparison agrees with the local calendar."""
    return timezone.make_aware(datetime.combine(day, time.min))


def median_days(pairs: Iterable[tuple[datetime | None, datetime | None]]) -> float | None:
    """The median number of days from start to end over ``(start, end)``
    pairs, to one decimal; pairs missing either end are left out, and with
    none left the median is None."""
    days = [(end - start).total_seconds() / 86400 for start, end in pairs if start and end]
    return round(median(days), 1) if days else None
