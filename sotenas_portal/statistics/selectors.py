"""Aggregate reads for the statistics pages and the API. Each figure is one
grouped query, so the number of queries never grows with the data.

Public figures count published enterprises only; nothing here returns a row
about a single enterprise or person."""

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Min, Q, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.charts import Series
from core.dates import median_days
from core.names import localized_name
from enterprises.constants import ActorKind, Locality, PublicationStatus
from enterprises.figures_reads import figures_missing_by_year
from enterprises.models import Enterprise, EnterpriseFigures, ServiceCategory, TargetGroup
from enterprises.models.enterprise import asf_current_q
from policy_reports.models import DepartmentReport
from support.constants import Outcome, RequestState
from support.models import Agreement, SupportKind, SupportRequest
from support.selectors import in_force_during


def _published():
    return Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED)


def enterprises_by_kind() -> Series:
    counts = dict(_published().values_list("kind").annotate(n=Count("pk")).order_by())
    return Series("by-kind", _("Enterprises by kind of actor"), _("Kind of actor"), (_("Enterprises"),),
                  [(value, str(label), counts.get(value, 0)) for value, label in ActorKind.choices])


def enterprises_by_locality() -> Series:
    counts = dict(_published().values_list("locality").annotate(n=Count("pk")).order_by())
    return Series("by-locality", _("Enterprises by locality"), _("Locality"), (_("Enterprises"),),
                  [(value, str(label), counts.get(value, 0)) for value, label in Locality.choices])


def enterprises_by_service_category() -> Series:
    published = Q(enterprises__publication_status=PublicationStatus.PUBLISHED)
    rows = (ServiceCategory.objects.annotate(n=Count("enterprises", filter=published, distinct=True))
            .order_by("name").only("slug", "name", "name_en"))
    return Series("by-category", _("Enterprises by service category"), _("What it sells"), (_("Enterprises"),),
                  [(row.slug, localized_name(row), row.n) for row in rows])


def target_groups_served() -> Series:
    published = Q(enterprises__publication_status=PublicationStatus.PUBLISHED)
    rows = (TargetGroup.objects.annotate(n=Count("enterprises", filter=published, distinct=True))
            .order_by("position", "name").only("slug", "name", "name_en"))
    return Series("target-groups", _("Target groups served"), _("Target group"), (_("Enterprises serving it"),),
                  [(row.slug, localized_name(row), row.n) for row in rows])


def verified_asf_by_year() -> Series:
    """Published enterprises by the year their current ASF verification was made."""
    rows = (_published().filter(asf_verified_on__isnull=False)
            .values_list("asf_verified_on__year").annotate(n=Count("pk")).order_by("asf_verified_on__year"))
    return Series("asf-verified", _("Verified ASF by year of verification"), _("Year"), (_("Enterprises"),),
                  [(str(year), str(year), n) for year, n in rows])


def _figures_years() -> list:
    return list(EnterpriseFigures.objects.filter(enterprise__in=_published()).values_list("year")
                .annotate(employees=Sum("employees"), participants=Sum("participants")).order_by("year"))


def people_by_year() -> Series:
    """Employees and participants reported by published enterprises, per
    year the figures refer to, each year from that year's own figures
    (never a later year's). Rows are (year, employees, participants)."""
    return Series("people", _("Employees and participants per year"), _("Year"), (_("Employees"), _("Participants")),
                  [(str(year), str(year), employees or 0, participants or 0)
                   for year, employees, participants in _figures_years()],
                  charted=(0, 1))


def figures_missing_per_year() -> Series:
    """For each year in ``people_by_year``: the published enterprises in the
    registry by the year's end that gave no figures for it. They are missing
    from that year's sums, not counted as zero."""
    years = [year for year, _e, _p in _figures_years()]
    missing = figures_missing_by_year(_published(), years)
    return Series("figures-missing", _("Enterprises without figures, per year"), _("Year"),
                  (_("Figures missing for (enterprises)"),),
                  [(str(year), str(year), missing[year]) for year in years])


def verified_asf_count() -> int:
    return _published().filter(asf_current_q(timezone.localdate())).count()  # renewals in progress count


def public_summary() -> dict:
    """Everything the public page and the API's statistics endpoint show."""
    return {
        "published_enterprises": _published().count(),
        "verified_asf": verified_asf_count(),
        "series": [
            enterprises_by_kind(),
            enterprises_by_locality(),
            enterprises_by_service_category(),
            target_groups_served(),
            verified_asf_by_year(),
            people_by_year(),
            figures_missing_per_year(),
        ],
    }


# Officials only ---------------------------------------------------------------


def requests_by_kind() -> Series:
    submitted = ~Q(requests__state=RequestState.DRAFT)
    rows = (SupportKind.objects.annotate(n=Count("requests", filter=submitted)).order_by("position", "name")
            .values_list("slug", "name", "n"))
    return Series("requests-by-kind", _("Support requests by kind"), _("Kind of support"), (_("Requests"),),
                  list(rows))


def requests_by_state() -> Series:
    counts = dict(SupportRequest.objects.exclude(state=RequestState.DRAFT).values_list("state")
                  .annotate(n=Count("pk")).order_by())
    return Series("requests-by-state", _("Support requests by state"), _("State"), (_("Requests"),),
                  [(value, str(label), counts.get(value, 0))
                   for value, label in RequestState.choices if value != RequestState.DRAFT])


def requests_by_outcome() -> Series:
    counts = dict(SupportRequest.objects.exclude(outcome="").values_list("outcome")
                  .annotate(n=Count("pk")).order_by())
    return Series("requests-by-outcome", _("Decided support requests by outcome"), _("Outcome"), (_("Requests"),),
                  [(value, str(label), counts.get(value, 0)) for value, label in Outcome.choices])


def request_medians() -> dict:
    """Median days from submission to first response and to decision, over
    every submitted request that has reached that point."""
    rows = list(SupportRequest.objects.filter(submitted_at__isnull=False)
                .values_list("submitted_at", "first_response_at", "decided_at"))
    return {
        "first_response": median_days((submitted, responded) for submitted, responded, _d in rows),
        "decision": median_days((submitted, decided) for submitted, _r, decided in rows),
    }


def agreements_by_department() -> Series:
    """Agreements in force today per department, with their summed annual value (SEK)."""
    today = timezone.localdate()
    rows = (Agreement.objects.filter(in_force_during(today, today)).values_list("department_id", "department__name")
            .annotate(n=Count("pk"), value=Sum("annual_value")).order_by("department__name"))
    return Series("agreements", _("Agreements in force by department"), _("Department or company"),
                  (_("Agreements"), _("Annual value (SEK)")),
                  [(str(pk), name, n, int(value or 0)) for pk, name, n, value in rows], charted=(1,))


def reports_on_time() -> Series:
    """Per reporting round: reports expected, filed, and filed by the due
    date (the first submission counts, a later resubmission does not)."""
    rows = (DepartmentReport.objects.values_list("pk", "reporting_round__year", "reporting_round__due_date")
            .annotate(first=Min("versions__submitted_at")).order_by())
    rounds: dict = {}
    for _pk, year, due, first in rows:
        expected, filed, on_time = rounds.get(year, (0, 0, 0))
        filed_on_time = first is not None and timezone.localtime(first).date() <= due
        rounds[year] = (expected + 1, filed + (first is not None), on_time + filed_on_time)
    return Series("reports", _("Annual reports filed on time per round"), _("Year"),
                  (_("Reports expected"), _("Filed"), _("Filed on time")),
                  [(str(year), str(year), *rounds[year]) for year in sorted(rounds)], charted=(0, 1, 2))


def official_summary() -> dict:
    return {
        **public_summary(),
        "medians": request_medians(),
        "official_series": [
            requests_by_kind(), requests_by_state(), requests_by_outcome(), agreements_by_department(),
            reports_on_time(),
        ],
    }


# Cached summaries ---------------------------------------------------------------
#
# Counting the whole registry takes a moment at national scale, and the
# figures change only when a row does. The summaries are cached under a key
# made of the latest change (``updated_at``, which every service's save
# moves; an indexed max, so one cheap query), the day (verified ASF depend
# on it) and the language (the labels are translated). A change anywhere, in
# any process, makes a new key, so a cached answer is never stale; the
# timeout only bounds what a bulk fix in the database by hand could leave.

SUMMARY_CACHE_SECONDS = 60 * 10


def _latest_change(*models) -> list:
    """The latest ``updated_at`` of each model's table, in one query."""
    quote = connection.ops.quote_name
    selects = ", ".join(f"(SELECT MAX({quote('updated_at')}) FROM {quote(m._meta.db_table)})" for m in models)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}")
        return list(cursor.fetchone())


def _cached(name: str, fingerprint: list, build):
    parts = [name, timezone.localdate().isoformat(), translation.get_language() or "",
             *(str(value).replace(" ", "T") if value else "-" for value in fingerprint)]
    key = "statistics:" + ":".join(parts)
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, SUMMARY_CACHE_SECONDS)
    return found


def cached_public_summary() -> dict:
    """``public_summary``, cached until the registry changes."""
    return _cached("public", _latest_change(Enterprise, EnterpriseFigures), public_summary)


def cached_official_summary() -> dict:
    """``official_summary``, cached until the registry, a support request,
    an agreement or an annual report changes."""
    return _cached("official", _latest_change(Enterprise, EnterpriseFigures, SupportRequest, Agreement,
                                              DepartmentReport),
                   official_summary)


PUBLIC_SERIES = {
    "by-kind": enterprises_by_kind, "by-locality": enterprises_by_locality,
    "by-category": enterprises_by_service_category, "target-groups": target_groups_served,
    "asf-verified": verified_asf_by_year, "people": people_by_year,
    "figures-missing": figures_missing_per_year,
}
OFFICIAL_SERIES = {
    "requests-by-kind": requests_by_kind, "requests-by-state": requests_by_state,
    "requests-by-outcome": requests_by_outcome, "agreements": agreements_by_department,
    "reports": reports_on_time,
}


def series_by_key(key: str, *, for_officials: bool) -> Series | None:
    builders = {**PUBLIC_SERIES, **OFFICIAL_SERIES} if for_officials else PUBLIC_SERIES
    build = builders.get(key)
    return build() if build else None
