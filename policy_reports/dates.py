"""Dates of policy periods and reporting rounds (the arithmetic is ``core.dates``).

The policy governs for two years from the council's decision. A decision on
29 February has no anniversary in a non-leap year; the period then ends on
28 February (the last day of that February), never spilling into March.
"""

import calendar
from datetime import date


def end_of_february(year: int) -> date:
    return date(year, 2, calendar.monthrange(year, 2)[1])


def default_round_due_date(year: int) -> date:
    """Reports follow the annual accounts: due at the end of February of the
    following year."""
    return end_of_february(year + 1)


def year_end(year: int) -> date:
    return date(year, 12, 31)
