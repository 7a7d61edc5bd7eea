"""Which reminder milestone is due on a day. Pure date arithmetic.

A milestone is an offset in days from a due date: -30 is thirty days
before, 0 the day itself, +30 thirty days after. On any day the sweep sends
only the *latest* milestone that has arrived: one missed while the system was
down goes out late (once), and an earlier, stale one never does.
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.utils import timezone


def local_today(now: datetime | None = None) -> date:
    """Today in the portal's time zone (Europe/Stockholm), whatever the
    server's clock zone and daylight-saving state."""
    return timezone.localdate(now or timezone.now())


def latest_milestone(
    due: date,
    today: date,
    *,
    days_before: Sequence[int],
    on_the_day: bool = True,
    repeat_after_days: int | None = None,
) -> int | None:
    """The offset of the latest milestone on or before ``today``, or None.

    Without ``repeat_after_days`` nothing is due after the due date; with it,
    a milestone falls every that many days while overdue."""
    offsets = sorted({-d for d in days_before} | ({0} if on_the_day else set()))
    if today > due:
        if not repeat_after_days:
            return None  # past the due date nothing more is reminded unless it repeats
        overdue = (today - due).days // repeat_after_days
        if overdue >= 1:
            return overdue * repeat_after_days
    arrived = [o for o in offsets if due + timedelta(days=o) <= today]
    return max(arrived) if arrived else None


def milestone_date(due: date, offset: int) -> date:
    return due + timedelta(days=offset)
