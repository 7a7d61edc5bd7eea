"""The follow-up's months and medians.

Months are calendar months in the portal's time zone (Europe/Stockholm),
the current one included. Working days are counted by the deadlines'
``working_days_between`` (support.deadlines)."""

from collections.abc import Iterable
from datetime import date

from core.dates import add_months

MONTHS = 12


def month_starts(today: date, count: int = MONTHS) -> list[date]:
    """The first day of each of the last ``count`` months, oldest first,
    ending with the month ``today`` is in."""
    current = today.replace(day=1)
    return [add_months(current, offset) for offset in range(1 - count, 1)]


def weighted_median(counts: Iterable[tuple[int, int]]) -> float | None:
    """The median of values given as ``(value, how many)`` pairs, or None
    when there are none."""
    ordered = sorted((value, n) for value, n in counts if n)
    total = sum(n for _value, n in ordered)
    if not total:
        return None
    wanted = (total - 1) // 2, total // 2  # the middle one, or the middle two
    found, seen = [], 0
    for value, n in ordered:
        found.extend(value for position in wanted if seen <= position < seen + n)
        seen += n
    return sum(found) / 2
