"""Policy versions, the public policy document and the two-year review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from accounts.selectors import history_of
from core.forms import add_service_errors
from core.pagination import ForgivingPaginationMixin
from core.uploads import private_file_response
from core.views import ObjectPermissionMixin

from .. import pdf, selectors, services
from ..forms import EvidenceForm, PolicyVersionForm, VersionStatusForm
from ..models import PolicyStatement, PolicyVersion
from ..services import VERSION_MOVES
from .common import download


class VersionListView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "policy_reports.view_policy"
    template_name = "policy_reports/version_list.html"
    context_object_name = "versions"
    paginate_by = 25

    def get_queryset(self):
        return selectors.version_list()


class VersionDetailView(ObjectPermissionMixin, TemplateView):
    permission_required = "policy_reports.view_policy"
    template_name = "policy_reports/version_detail.html"
    model = PolicyVersion

    def get_object_queryset(self):
        return PolicyVersion.objects.select_related("replaced_by", "adopted_by")

    def get_context_data(self, **kwargs):
        version = self.get_object()
        return {
            **super().get_context_data(**kwargs),
            "version": version,
            "statements": selectors.version_statements(version=version),
            "replaces": version.replaces.all(),
            "may_manage": self.request.user.has_perm("policy_reports.manage_policy"),
        }


class VersionAdoptView(PermissionRequiredMixin, FormView):
    permission_required = "policy_reports.manage_policy"
    template_name = "policy_reports/version_form.html"
    form_class = PolicyVersionForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "current": selectors.version_in_force()}

    def form_valid(self, form):
        try:
            version = services.policy_version_adopt(actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(title)s is registered and in force.") % {"title": version.title})
        return redirect(version)


class VersionStatusView(ObjectPermissionMixin, FormView):
    """Start the review of the version in force, take it back, or let it expire."""

    permission_required = "policy_reports.manage_policy"
    template_name = "policy_reports/version_status.html"
    form_class = VersionStatusForm
    model = PolicyVersion

    def get_form_kwargs(self):
        status = self.get_object().status
        choices = [(to, PolicyVersion.Status(to).label) for (frm, to) in sorted(VERSION_MOVES) if frm == status]
        return {**super().get_form_kwargs(), "choices": choices}

    def get(self, request, *args, **kwargs):
        if not self.get_form_kwargs()["choices"]:
            messages.info(request, _("The status of this version can no longer be changed."))
            return redirect(self.get_object())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "version": self.get_object()}

    def form_valid(self, form):
        try:
            version = services.policy_version_set_status(
                version=self.get_object(), to_status=form.cleaned_data["status"], actor=self.request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The version is now: %(status)s.") % {"status": version.get_status_display()})
        return redirect(version)


@method_decorator(login_not_required, name="dispatch")
class VersionDocumentView(ObjectPermissionMixin, TemplateView):
    """The adopted policy is a public document: anyone may download it."""

    permission_required = "policy_reports.view_policy_document"
    model = PolicyVersion

    def get(self, request, *args, **kwargs):
        version = self.get_object()
        if not version.document:
            return redirect("home")
        return private_file_response(version.document, version.document_name or "policy.pdf")


class VersionHistoryView(ObjectPermissionMixin, TemplateView):
    permission_required = "policy_reports.view_policy"
    template_name = "history/object_history.html"
    model = PolicyVersion

    def get_context_data(self, **kwargs):
        version = self.get_object()
        return {
            **super().get_context_data(**kwargs),
            "object": version,
            "history_rows": history_of(version),
            "back_url": version.get_absolute_url(),
        }


class ReviewBasisView(ObjectPermissionMixin, TemplateView):
    permission_required = "policy_reports.manage_policy"
    template_name = "policy_reports/review_basis.html"
    model = PolicyVersion

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "basis": selectors.review_basis(version=self.get_object())}


class ReviewBasisPdfView(ObjectPermissionMixin, TemplateView):
    permission_required = "policy_reports.manage_policy"
    model = PolicyVersion

    def get(self, request, *args, **kwargs):
        version = self.get_object()
        content = pdf.review_basis_pdf(selectors.review_basis(version=version))
        return download(content, filename=f"underlag-uppfoljning-{version.decision_date:%Y-%m-%d}.pdf",
                        content_type="application/pdf")


class EvidenceAddView(ObjectPermissionMixin, FormView):
    permission_required = "policy_reports.manage_policy"
    template_name = "policy_reports/evidence_form.html"
    form_class = EvidenceForm
    model = PolicyVersion

    def get_statement(self) -> PolicyStatement:
        return get_object_or_404(PolicyStatement, pk=self.kwargs["statement_pk"], version=self.get_object())

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "report_choices": selectors.evidence_report_choices(version=self.get_object()),
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "version": self.get_object(), "statement": self.get_statement()}

    def form_valid(self, form):
        version = self.get_object()
        try:
            services.statement_evidence_add(
                statement=self.get_statement(), text=form.cleaned_data["text"],
                reports=form.cleaned_data["reports"], actor=self.request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The evidence has been added."))
        return redirect("policy_reports:review_basis", pk=version.pk)


@method_decorator(login_not_required, name="dispatch")
class PolicyHomeView(TemplateView):
    """/rapporter/: the policy in force for everyone; municipal staff go on
    to the versions, their reports and the reporting rounds."""

    template_name = "policy_reports/home.html"

    def get(self, request, *args, **kwargs):
        if request.user.has_perm("policy_reports.view_policy"):
            return redirect("policy_reports:version_list")
        return super().get(request, *args, **kwargs)
