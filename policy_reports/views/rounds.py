"""Reporting rounds: opening, the coordinator's overview and the compiled report."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.pagination import ForgivingPaginationMixin
from core.views import ObjectPermissionMixin

from .. import exports, pdf, selectors, services
from ..forms import RoundOpenForm
from ..models import ReportingRound
from ..round_filters import RoundOverviewFilterForm, filter_rows
from .common import download


class RoundListView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "policy_reports.manage_rounds"
    template_name = "policy_reports/round_list.html"
    context_object_name = "rounds"
    paginate_by = 25

    def get_queryset(self):
        return selectors.round_list()


class RoundOpenView(PermissionRequiredMixin, FormView):
    permission_required = "policy_reports.manage_rounds"
    template_name = "policy_reports/round_form.html"
    form_class = RoundOpenForm

    def form_valid(self, form):
        reporting_round, created, added = services.reporting_round_open(
            year=form.cleaned_data["year"], due_date=form.cleaned_data["due_date"], actor=self.request.user
        )
        if created:
            messages.success(self.request, ngettext(
                "The round for %(year)s is open: %(count)s department or company owes a report.",
                "The round for %(year)s is open: %(count)s departments and companies owe a report.",
                added,
            ) % {"year": reporting_round.year, "count": added})
        else:
            messages.info(self.request, _(
                "The round for %(year)s was already open; its due date is unchanged. Missing reports added: %(count)s."
            ) % {"year": reporting_round.year, "count": added})
        return redirect(reporting_round)


class RoundOverviewView(ObjectPermissionMixin, TemplateView):
    permission_required = "policy_reports.manage_rounds"
    template_name = "policy_reports/round_overview.html"
    model = ReportingRound

    def get_context_data(self, **kwargs):
        overview = selectors.round_overview(reporting_round=self.get_object())
        form = RoundOverviewFilterForm(self.request.GET or None)
        filters = form.filters()
        return {**super().get_context_data(**kwargs), "overview": overview, "filter_form": form,
                "rows": filter_rows(overview.rows, **filters),
                "is_filtered": bool(filters["standing"] or filters["status"])}


class RoundSyncView(ObjectPermissionMixin, View):
    """Give departments added since the round opened their pending report."""

    permission_required = "policy_reports.manage_rounds"
    model = ReportingRound
    http_method_names = ["post", "options"]

    def post(self, request, *args, **kwargs):
        reporting_round = self.get_object()
        added = services.reporting_round_sync(reporting_round=reporting_round)
        messages.success(request, ngettext(
            "%(count)s report was added.", "%(count)s reports were added.", added
        ) % {"count": added})
        return redirect(reporting_round)


class CompiledReportView(ObjectPermissionMixin, TemplateView):
    permission_required = "policy_reports.manage_rounds"
    template_name = "policy_reports/compiled_report.html"
    model = ReportingRound

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "compiled": selectors.compiled_report(reporting_round=self.get_object())}


class CompiledReportPdfView(ObjectPermissionMixin, View):
    permission_required = "policy_reports.manage_rounds"
    model = ReportingRound

    def get(self, request, *args, **kwargs):
        reporting_round = self.get_object()
        content = pdf.compiled_report_pdf(selectors.compiled_report(reporting_round=reporting_round))
        return download(content, filename=f"policyrapport-{reporting_round.year}.pdf", content_type="application/pdf")


class CompiledReportCsvView(ObjectPermissionMixin, View):
    permission_required = "policy_reports.manage_rounds"
    model = ReportingRound

    def get(self, request, *args, **kwargs):
        reporting_round = self.get_object()
        content = exports.compiled_report_csv(selectors.compiled_report(reporting_round=reporting_round))
        return download(content.encode("utf-8"), filename=f"policyrapport-{reporting_round.year}.csv",
                        content_type="text/csv; charset=utf-8")
