"""Writes to an enterprise's figures per year (``EnterpriseFigures``).

A year not seen before adds a row; the same year again corrects that year's
row; no row is ever replaced by another year's. The enterprise's own figure
fields are a copy of its latest row, for the registry's filters and lists,
and every write here brings the copy up to date in the same transaction."""

from dataclasses import dataclass

from django.db import transaction

from .models import Enterprise, EnterpriseFigures
from .models.figures import FIGURE_FIELDS

CACHED_FIELDS = ("figures_year", *FIGURE_FIELDS)


@dataclass(frozen=True)
class YearFigures:
    year: int
    employees: int | None
    employees_from_target_groups: int | None
    participants: int | None

    @classmethod
    def entered_on(cls, enterprise: Enterprise) -> "YearFigures | None":
        """What the form put on the enterprise's figure fields, if a year was given."""
        if enterprise.figures_year is None:
            return None
        return cls(enterprise.figures_year, *(getattr(enterprise, name) for name in FIGURE_FIELDS))

    def counts(self) -> dict:
        return {name: getattr(self, name) for name in FIGURE_FIELDS}


@transaction.atomic
def figures_record(*, enterprise: Enterprise, figures: YearFigures) -> tuple[EnterpriseFigures, str]:
    """Add the year's row or correct it. Returns the row and what happened:
    "added", "corrected" or "unchanged". Raises ValidationError on figures
    the database would refuse (more target-group employees than employees,
    no figure at all)."""
    row = (EnterpriseFigures.objects.select_for_update()
           .filter(enterprise_id=enterprise.pk, year=figures.year).first())
    if row is None:
        row, outcome = EnterpriseFigures(enterprise_id=enterprise.pk, year=figures.year), "added"
    elif all(getattr(row, name) == value for name, value in figures.counts().items()):
        return row, "unchanged"
    else:
        outcome = "corrected"
    for name, value in figures.counts().items():
        setattr(row, name, value)
    row.full_clean(exclude=["enterprise"])
    row.save()
    return row, outcome


def latest_row(enterprise: Enterprise) -> EnterpriseFigures | None:
    return EnterpriseFigures.objects.filter(enterprise_id=enterprise.pk).order_by("-year").first()


def copy_latest_onto(enterprise: Enterprise) -> None:
    """Set the enterprise's figure fields (in memory) to its latest row, or
    clear them when it has none. The caller saves the enterprise."""
    latest = latest_row(enterprise) if enterprise.pk else None
    enterprise.figures_year = latest.year if latest else None
    for name in FIGURE_FIELDS:
        setattr(enterprise, name, getattr(latest, name) if latest else None)


def figures_of(enterprise: Enterprise) -> list[EnterpriseFigures]:
    """Every year's figures, latest first (prefetched ones if there are)."""
    return sorted(enterprise.figures.all(), key=lambda row: row.year, reverse=True)


def figures_merge(*, duplicate: Enterprise, into: Enterprise) -> None:
    """A duplicate folded into the enterprise that stays: its years the kept
    one lacks move over, the kept one's own years win; both copies are then
    their latest rows again (the duplicate's, none). The caller saves the
    duplicate."""
    kept_years = EnterpriseFigures.objects.filter(enterprise_id=into.pk).values("year")
    duplicate.figures.exclude(year__in=kept_years).update(enterprise_id=into.pk)
    duplicate.figures.all().delete()
    copy_latest_onto(into)
    Enterprise.objects.filter(pk=into.pk).update(**{name: getattr(into, name) for name in CACHED_FIELDS})
    copy_latest_onto(duplicate)
