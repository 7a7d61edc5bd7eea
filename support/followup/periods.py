"""The follow-up's months and its working-day arithmetic.

Months are calendar months in the portal's time zone (Europe/Stockholm),
the current one included. Working days are counted as the deadlines count
them (support.deadlines): the start day does not count, the end day does,
weekends and Swedish holidays never do."""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from core.dates import add_months

from ..deadlines import is_working_day

MONTHS = 12


def month_starts(today: date, count: int = MONTHS) -> list[date]:
    """The first day of each of the last ``count`` months, oldest first,
    ending with the month ``today`` is in."""
    current = today.replace(day=1)
    return [add_months(current, offset) for offset in range(1 - count, 1)]


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
