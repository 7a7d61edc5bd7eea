"""A department's annual report: its own list, the form, and the
coordinator's return and acceptance."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors
from core.pagination import ForgivingPaginationMixin
from core.views import ObjectPermissionMixin

from .. import prefill, selectors, services
from ..constants import ReportStatus
from ..forms import ReportForm, ReturnForm
from ..models import FIGURE_FIELDS, DepartmentReport
from ..workflow import report_transition
from .common import error_messages


class MyReportsView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "policy_reports.view_own_reports"
    template_name = "policy_reports/my_reports.html"
    context_object_name = "reports"
    paginate_by = 25

    def get_queryset(self):
        return selectors.reports_for_user(user=self.request.user)


class ReportMixin(ObjectPermissionMixin):
    model = DepartmentReport

    def get_object_queryset(self):
        return DepartmentReport.objects.select_related("department", "reporting_round", "submitted_by", "accepted_by")

    def report_context(self) -> dict:
        report = self.get_object()
        user = self.request.user
        return {
            "report": report,
            "may_edit": report.is_editable and user.has_perm("policy_reports.change_report", report),
            "may_review": report.status == ReportStatus.SUBMITTED
            and user.has_perm("policy_reports.review_report", report),
        }


def figure_rows(report, content: dict | None = None) -> list[dict]:
    """(label, value, the portal's figure) for each figure of a report or a snapshot."""
    content = content if content is not None else {name: getattr(report, name) for name in FIGURE_FIELDS}
    portal = content.get("portal_figures", report.portal_figures) or {}
    return [
        {
            "label": DepartmentReport._meta.get_field(name).verbose_name,
            "value": content.get(name),
            "portal": portal.get(name),
            "is_amount": name in ("agreements_value", "purchases_from_social_enterprises"),
        }
        for name in FIGURE_FIELDS
    ]


class ReportDetailView(ReportMixin, TemplateView):
    permission_required = "policy_reports.view_report"
    template_name = "policy_reports/report_detail.html"

    def get_context_data(self, **kwargs):
        report = self.get_object()
        return {
            **super().get_context_data(**kwargs),
            **self.report_context(),
            "figures": figure_rows(report),
            "versions": selectors.report_versions(report=report),
            "status_changes": selectors.report_status_changes(report=report),
        }


class ReportVersionView(ReportMixin, TemplateView):
    permission_required = "policy_reports.view_report"
    template_name = "policy_reports/report_version.html"

    def get_context_data(self, **kwargs):
        report = self.get_object()
        version = selectors.report_versions(report=report).filter(number=self.kwargs["number"]).first()
        if version is None:
            raise Http404
        return {
            **super().get_context_data(**kwargs),
            "report": report,
            "version": version,
            "content": version.content,
            "figures": figure_rows(report, version.content),
        }


class ReportEditView(ReportMixin, FormView):
    permission_required = "policy_reports.change_report"
    template_name = "policy_reports/report_form.html"
    form_class = ReportForm

    def get(self, request, *args, **kwargs):
        if not self.get_object().is_editable:
            messages.info(request, _("This report has been submitted and is locked."))
            return redirect(self.get_object())
        return super().get(request, *args, **kwargs)

    def portal(self) -> dict:
        if not hasattr(self, "_portal"):
            report = self.get_object()
            self._portal = prefill.report_prefill(department=report.department, year=report.reporting_round.year)
        return self._portal

    def submitting(self) -> bool:
        return self.request.method == "POST" and self.request.POST.get("action") == "submit"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object(), "portal": self.portal(),
                "submitting": self.submitting()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.report_context()}

    def form_valid(self, form):
        save = services.report_save_and_submit if self.submitting() else services.report_save
        try:
            report = save(report=self.get_object(), data=form.cleaned_data, portal_figures=self.portal(),
                          actor=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if report.status == ReportStatus.SUBMITTED:
            messages.success(self.request, _("The report has been submitted. Thank you!"))
        else:
            messages.success(self.request, _("The draft has been saved."))
        return redirect(report)


class ReportReturnView(ReportMixin, FormView):
    permission_required = "policy_reports.review_report"
    template_name = "policy_reports/report_return.html"
    form_class = ReturnForm

    def get(self, request, *args, **kwargs):
        if self.get_object().status != ReportStatus.SUBMITTED:
            messages.info(request, _("Only a submitted report can be returned."))
            return redirect(self.get_object())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.report_context()}

    def form_valid(self, form):
        try:
            report = report_transition(report=self.get_object(), move="return",
                                       actor=self.request.user, comment=form.cleaned_data["comment"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The report has been returned to %(department)s.") % {
            "department": report.department.name})
        return redirect(report)


class ReportAcceptView(ReportMixin, TemplateView):
    permission_required = "policy_reports.review_report"
    template_name = "policy_reports/report_accept.html"

    def get(self, request, *args, **kwargs):
        if self.get_object().status != ReportStatus.SUBMITTED:
            messages.info(request, _("Only a submitted report can be accepted."))
            return redirect(self.get_object())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **self.report_context()}

    def post(self, request, *args, **kwargs):
        try:
            report = report_transition(report=self.get_object(), move="accept", actor=request.user)
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(request, message)
            return redirect(self.get_object())
        messages.success(request, _("The report of %(department)s has been accepted.") % {
            "department": report.department.name})
        return redirect(report)
