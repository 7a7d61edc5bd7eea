"""Reads of the figures per year for the statistics and the policy reports:
each year from that year's own rows, and the enterprises that gave none for
it counted as missing, never as zero. One query whatever the data."""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from core.dates import start_of_day

from .models import EnterpriseFigures


def _in_registry_by_end_of(year: int) -> Q:
    return Q(created_at__lt=start_of_day(date(year + 1, 1, 1)))


def missing_aggregates(years) -> dict:
    """``missing_<year>`` aggregates for an enterprise queryset's
    ``aggregate()``: those in the registry by the year's end without figures
    for it. For callers that fold them into an aggregate they make anyway."""
    aggregates = {}
    for year in sorted(set(years)):
        has_row = Exists(EnterpriseFigures.objects.filter(enterprise=OuterRef("pk"), year=year))
        aggregates[f"missing_{year}"] = Count("pk", filter=_in_registry_by_end_of(year) & ~Q(has_row))
    return aggregates


def figures_missing_by_year(enterprises: QuerySet, years) -> dict[int, int]:
    """For each year: how many of ``enterprises`` were in the registry by
    the year's end and have no figures for it."""
    years = sorted(set(years))
    if not years:
        return {}
    counts = enterprises.order_by().aggregate(**missing_aggregates(years))
    return {year: counts[f"missing_{year}"] for year in years}


def figures_totals_by_year(enterprises: QuerySet, years) -> dict[int, dict[str, int]]:
    """For each year with figures: how many of ``enterprises`` gave figures
    for it, and their employees, of whom from the target groups, and
    participants, summed over that year's own rows."""
    rows = (
        EnterpriseFigures.objects.filter(enterprise__in=enterprises.order_by().values("pk"), year__in=list(years))
        .values("year")
        .annotate(reporting=Count("pk"), employees_sum=Sum("employees"),
                  from_groups_sum=Sum("employees_from_target_groups"), participants_sum=Sum("participants"))
        .order_by()
    )
    return {
        row["year"]: {
            "reporting_figures": row["reporting"],
            "employees": row["employees_sum"] or 0,
            "employees_from_target_groups": row["from_groups_sum"] or 0,
            "participants": row["participants_sum"] or 0,
        }
        for row in rows
    }
