"""Statistics pages and their per-chart CSV downloads: thin views over the
selectors. The public page is open to all; the fuller one needs municipal
staff (enterprises.view_internal)."""

from django.contrib.auth.decorators import login_not_required, permission_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from core.charts import bar_chart
from core.exports import csv_response

from . import selectors


def _charts(series_list) -> list[dict]:
    return [{"series": series, "svg": bar_chart(series)} for series in series_list]


@login_not_required
def public_statistics(request):
    summary = selectors.cached_public_summary()
    return render(request, "statistics/public.html", {
        **summary, "charts": _charts(summary["series"]), "csv_url_name": "statistics:public_csv",
    })


@permission_required("enterprises.view_internal", raise_exception=True)
def official_statistics(request):
    summary = selectors.cached_official_summary()
    return render(request, "statistics/official.html", {
        **summary,
        "charts": _charts(summary["series"]),
        "official_charts": _charts(summary["official_series"]),
    })


def _series_csv(key: str, *, for_officials: bool):
    series = selectors.series_by_key(key, for_officials=for_officials)
    if series is None:
        raise Http404
    header = [series.label_heading, *series.value_headings]
    rows = ([row[1], *row[2:]] for row in series.rows)
    return csv_response(f"statistik-{key}-{timezone.localdate():%Y-%m-%d}.csv", header, rows,
                        open_data=not for_officials)


@login_not_required
def public_series_csv(request, key: str):
    return _series_csv(key, for_officials=False)


@permission_required("enterprises.view_internal", raise_exception=True)
def official_series_csv(request, key: str):
    return _series_csv(key, for_officials=True)
