"""The reserved-contract indicator (LOU 4 kap. 18 §): at least
``RESERVED_CONTRACT_SHARE_PERCENT`` of those working in the enterprise,
employees and participants, come from the target groups.

It reads the enterprise's latest year of figures (the copy on the
enterprise, kept equal to its latest ``EnterpriseFigures`` row). Figures
older than ``FIGURES_CURRENT_YEARS`` years say nothing about today: the
indicator is then "figures missing", never "yes". The registry's filter,
the reserved-contracts export and the API use the same rule
(``meets_reserved_share_now``)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import RESERVED_CONTRACT_SHARE_PERCENT

FIGURES_CURRENT_YEARS = 2

YES, NO, MISSING = "yes", "no", "missing"


def oldest_current_year(today: date | None = None) -> int:
    """The oldest figures year that still counts: in 2026, figures for 2024."""
    return (today or timezone.localdate()).year - FIGURES_CURRENT_YEARS


def meets_reserved_share_now(today: date | None = None) -> Q:
    """Enterprises whose latest figures are current and meet the share."""
    return Q(meets_reserved_share=True, figures_year__gte=oldest_current_year(today))


@dataclass(frozen=True)
class ReservedShare:
    state: str  # YES, NO or MISSING
    year: int | None  # the year of the figures it was computed from, if any
    percent: Decimal | None  # from the target groups, of those working there, rounded down to 0.1
    outdated: bool = False  # there are figures, but older than FIGURES_CURRENT_YEARS years

    @property
    def meets(self) -> bool:
        return self.state == YES

    @property
    def missing(self) -> bool:
        return self.state == MISSING


def share_percent(employees, employees_from_target_groups, participants) -> Decimal | None:
    if employees is None or participants is None or employees_from_target_groups is None:
        return None
    people = employees + participants
    if people <= 0:
        return None
    share = Decimal(employees_from_target_groups + participants) * 100 / Decimal(people)
    return share.quantize(Decimal("0.1"), rounding=ROUND_DOWN)


def reserved_share_of(enterprise, *, today: date | None = None) -> ReservedShare:
    """The indicator for an enterprise (or anything with its figure fields)."""
    year = enterprise.figures_year
    percent = share_percent(enterprise.employees, enterprise.employees_from_target_groups, enterprise.participants)
    if year is None:
        return ReservedShare(MISSING, None, None)
    if year < oldest_current_year(today):
        return ReservedShare(MISSING, year, percent, outdated=True)
    if percent is None:
        people = (enterprise.employees or 0) + (enterprise.participants or 0)
        complete = None not in (enterprise.employees, enterprise.participants, enterprise.employees_from_target_groups)
        return ReservedShare(NO if complete and people == 0 else MISSING, year, None)
    people = enterprise.employees + enterprise.participants
    from_groups = enterprise.employees_from_target_groups + enterprise.participants
    # Integer arithmetic, as the database's ``meets_reserved_share``, so the edge is exact.
    meets = from_groups * 100 >= people * RESERVED_CONTRACT_SHARE_PERCENT
    return ReservedShare(YES if meets else NO, year, percent)


def reserved_share_label(share: ReservedShare) -> str:
    """"Yes", "No" or "Figures missing", for tables and exports."""
    return {YES: _("Yes"), NO: _("No")}.get(share.state) or _("Figures missing")
