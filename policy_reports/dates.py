"""Date arithmetic for policy periods and reporting rounds.

The policy governs for two years from the council's decision. A decision on
29 February has no anniversary in a non-leap year; the period then ends on
28 February (the last day of that February), never spilling into March.
"""

import calendar
from datetime import date, datetime, time

from django.utils import timezone


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def end_of_february(year: int) -> date:
    return date(year, 2, calendar.monthrange(year, 2)[1])


def default_round_due_date(year: int) -> date:
    """Reports follow the annual accounts: due at the end of February of the
    following year."""
    return end_of_february(year + 1)


def start_of_day(day: date) -> datetime:
    """The first instant of ``day`` in the portal's time zone, so a
    datetime comparison agrees with the local calendar."""
    return timezone.make_aware(datetime.combine(day, time.min))


def year_end(year: int) -> date:
    return date(year, 12, 31)
