"""Deadline follow-up: the coordinator's for every department, an
official's for their own (support.view_followup, asked of the department
in the query string or the CSV key, so another department's figures are
refused)."""

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.charts import bar_chart
from core.exports import csv_response
from core.params import whole_number

from ..followup import forms, selectors, tables
from ..models import SupportKind


def month_charts(requests, *, department, kind, today) -> dict:
    """The twelve months of ``requests`` as the two charts, by kind of chart."""
    by_month = selectors.figures_by(requests, by=selectors.BY_MONTH, today=today)
    return {which: tables.month_series(by_month, which=which, key=forms.series_key(which, department, kind),
                                       today=today)
            for which in tables.SERIES_KINDS} | {"current": by_month.get(today.replace(day=1))}


class FollowupView(PermissionRequiredMixin, TemplateView):
    permission_required = "support.view_followup"
    template_name = "support/followup.html"

    def get_permission_object(self):
        return forms.requested_department(self.request.GET.get("department"))

    def get_context_data(self, **kwargs):
        user, today = self.request.user, timezone.localdate()
        form = forms.FollowupFilterForm(self.request.GET or None, user=user)
        chosen = form.filters()
        department, kind = chosen["department"], chosen["kind"]
        requests = selectors.requests_for(user, department=department, kind=kind)
        months = month_charts(requests, department=department, kind=kind, today=today)
        by_department = selectors.figures_by(selectors.requests_for(user, kind=kind),
                                             by=selectors.BY_DEPARTMENT, today=today)
        by_kind = selectors.figures_by(selectors.requests_for(user, department=department),
                                       by=selectors.BY_KIND, today=today)
        return {
            **super().get_context_data(**kwargs),
            "filter_form": form,
            "department": department,
            "kind": kind,
            "charts": [{"series": months[which], "svg": bar_chart(months[which])} for which in tables.SERIES_KINDS],
            "not_yet_due": months["current"].not_yet_due if months["current"] else 0,
            "overdue_now": selectors.overdue_now(requests, today=today),
            "breakdowns": [
                {"key": "department", "title": _("Per department"), "label_heading": _("Department"),
                 "caption": _("The last twelve months per department"),
                 "rows": tables.breakdown_rows(by_department, form.fields["department"].queryset)},
                {"key": "kind", "title": _("Per kind of support"), "label_heading": _("Kind of support"),
                 "caption": _("The last twelve months per kind of support"),
                 "rows": tables.breakdown_rows(by_kind, form.fields["kind"].queryset)},
            ],
            "breakdown_headings": tables.breakdown_headings(),
            "deadline_days": settings.SUPPORT_FIRST_RESPONSE_WORKING_DAYS,
        }


class FollowupCsvView(PermissionRequiredMixin, View):
    """One of the page's month tables for the filters in the key, as CSV
    (404 for a key naming nothing, 403 for another department's)."""

    permission_required = "support.view_followup"

    def get_permission_object(self):
        self.which, self.department, self.kind = self.parse_key(self.kwargs["key"])
        return self.department

    @staticmethod
    def parse_key(key: str):
        parts = forms.parse_series_key(key)
        if parts is None or parts[0] not in tables.SERIES_KINDS:
            raise Http404
        found = [parts[0]]
        for raw, lookup in zip(parts[1:], (forms.requested_department, _kind), strict=True):
            value = None if raw == forms.ALL else lookup(raw)
            if raw != forms.ALL and value is None:
                raise Http404
            found.append(value)
        return found

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        requests = selectors.requests_for(request.user, department=self.department, kind=self.kind)
        series = month_charts(requests, department=self.department, kind=self.kind, today=today)[self.which]
        rows = ([tables.cell_text(value) for value in row[1:]] for row in series.rows)
        return csv_response(f"uppfoljning-{self.which}-{today:%Y-%m-%d}.csv",
                            [series.label_heading, *series.value_headings], rows)


def _kind(raw) -> SupportKind | None:
    pk = whole_number(raw)
    return SupportKind.objects.filter(pk=pk).first() if pk is not None else None
