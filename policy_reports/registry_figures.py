"""What the registry (the enterprises app, read-only here) says for a year:
how many published enterprises it holds, how many verified ASF, and the
people they employ and train. Each function answers in a fixed number of
queries whatever the number of enterprises or years."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q

from enterprises.constants import PublicationStatus
from enterprises.figures_reads import figures_totals_by_year, missing_aggregates
from enterprises.models import DefinitionCheck, Enterprise

from .dates import year_end
from core.dates import start_of_day


def _published():
    return Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED, merged_into__isnull=True)


def _created_by(day: date) -> Q:
    return Q(created_at__lt=start_of_day(day + timedelta(days=1)))


def _verified_asf_on(day: date) -> Q:
    """A check found the enterprise an ASF and was valid on ``day``: either
    the enterprise's current check, or any decided check in its history."""
    decided_check = DefinitionCheck.objects.filter(
        enterprise=OuterRef("pk"),
        status=DefinitionCheck.Status.DECIDED,
        is_asf=True,
        decided_on__lte=day,
        valid_until__gte=day,
    )
    return Q(asf_verified_on__lte=day, asf_valid_until__gte=day) | Q(Exists(decided_check))


def registry_counts(*, days: list[date], missing_years=()) -> dict[date, dict[str, int]]:
    """Published enterprises created up to each day, and verified ASF on it;
    with ``missing_years``, also (under the key "missing", per year) the
    published enterprises without figures for each of those years, in the
    same query."""
    if not days:
        return {}
    aggregates = {}
    for index, day in enumerate(days):
        aggregates[f"enterprises_{index}"] = Count("pk", filter=_created_by(day))
        aggregates[f"asf_{index}"] = Count("pk", filter=_verified_asf_on(day))
    totals = Enterprise.objects.filter(merged_into__isnull=True).aggregate(
        **{key: value for key, value in aggregates.items() if key.startswith("asf_")},
    )
    published = _published().aggregate(
        **{key: value for key, value in aggregates.items() if key.startswith("enterprises_")},
        **missing_aggregates(missing_years),
    )
    counts = {
        day: {"enterprises": published[f"enterprises_{index}"], "verified_asf": totals[f"asf_{index}"]}
        for index, day in enumerate(days)
    }
    if missing_years:
        counts["missing"] = {year: published[f"missing_{year}"] for year in missing_years}
    return counts


@dataclass(frozen=True)
class RegistryYear:
    year: int
    enterprises: int
    enterprises_previous: int
    verified_asf: int
    reporting_figures: int = 0
    employees: int = 0
    employees_from_target_groups: int = 0
    participants: int = 0
    # Published enterprises in the registry by the year's end that gave no
    # figures for the year: shown as missing, not counted as zero.
    figures_missing: int = 0

    @property
    def growth(self) -> int:
        return self.enterprises - self.enterprises_previous


def people_by_year(*, years: list[int]) -> dict[int, dict[str, int]]:
    """Employees, of whom from the target groups, and participants, summed
    over published enterprises' figures for each year (that year's own
    figures, never a later year's)."""
    return figures_totals_by_year(_published(), years)


def registry_years(*, years: list[int]) -> list[RegistryYear]:
    """The registry's trend: one row per year (counted at the year's end)."""
    years = sorted(years)
    ends = sorted({year_end(y) for y in years} | {year_end(y - 1) for y in years})
    counts = registry_counts(days=ends, missing_years=years)
    people = people_by_year(years=years)
    return [
        RegistryYear(
            year=y,
            enterprises=counts[year_end(y)]["enterprises"],
            enterprises_previous=counts[year_end(y - 1)]["enterprises"],
            verified_asf=counts[year_end(y)]["verified_asf"],
            figures_missing=counts["missing"][y],
            **people.get(y, {}),
        )
        for y in years
    ]


def registry_year(*, year: int) -> RegistryYear:
    return registry_years(years=[year])[0]
