"""The register of agreements between departments and enterprises."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, View
from rules.contrib.views import PermissionRequiredMixin

from accounts.selectors import history_of
from core.forms import add_service_errors
from core.pagination import ForgivingPaginationMixin
from core.params import whole_number
from core.uploads import private_file_response
from core.views import ObjectPermissionMixin

from .. import exports, selectors, services
from ..forms import AgreementFilterForm, AgreementForm
from ..models import Agreement, SupportRequest


class AgreementObjectMixin(ObjectPermissionMixin):
    """Loads the agreement in the URL once, with what its pages show; the
    permission is checked on it. Without a pk (a new agreement) there is none."""

    def load_object(self) -> Agreement | None:
        if "pk" not in self.kwargs:
            return None
        try:
            return selectors.agreement_detail(pk=self.kwargs["pk"])
        except Agreement.DoesNotExist:
            raise Http404 from None


class AgreementListView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "support.view_agreements"
    template_name = "support/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = 25

    def get_filter_form(self) -> AgreementFilterForm:
        if not hasattr(self, "_filter_form"):
            self._filter_form = AgreementFilterForm(self.request.GET or None)
        return self._filter_form

    def get_queryset(self):
        return selectors.agreement_list(**self.get_filter_form().filters())

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "filter_form": self.get_filter_form(),
                "may_add": self.request.user.has_perm("support.add_agreement")}


class AgreementExportView(AgreementListView):
    """The list as filtered, as CSV (for a department's annual report)."""

    permission_required = "support.export_agreements"
    paginate_by = None
    file_format = "csv"

    def get(self, request, *args, **kwargs):
        filters = self.get_filter_form().filters()
        parts = ["agreements"]
        if filters.get("department"):
            parts.append(slugify(filters["department"].name))
        if filters.get("year"):
            parts.append(str(filters["year"]))
        agreements = selectors.agreement_list(**filters).select_related("source_request")
        if self.file_format == "xlsx":
            return exports.agreements_xlsx(f'{"-".join(parts)}.xlsx', agreements)
        body = exports.agreements_csv(agreements)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{"-".join(parts)}.csv"'
        return response


class AgreementDetailView(AgreementObjectMixin, DetailView):
    permission_required = "support.view_agreements"
    template_name = "support/agreement_detail.html"
    context_object_name = "agreement"

    def get_context_data(self, **kwargs):
        agreement = self.object
        today = timezone.localdate()
        return {
            **super().get_context_data(**kwargs),
            "attachments": agreement.attachments.all(),
            "may_maintain": self.request.user.has_perm("support.maintain_agreement", agreement),
            "is_current": agreement.start_date <= today and (agreement.end_date is None or agreement.end_date >= today),
            "may_open_request": agreement.source_request is not None
            and self.request.user.has_perm("support.view_request", agreement.source_request),
        }


class AgreementFormView(AgreementObjectMixin, FormView):
    """Record (no pk) or change an agreement."""

    template_name = "support/agreement_form.html"
    form_class = AgreementForm

    def get_agreement(self) -> Agreement | None:
        return self.get_object()

    def get_permission_required(self):
        return ["support.maintain_agreement" if "pk" in self.kwargs else "support.add_agreement"]

    def get_source_request(self) -> SupportRequest | None:
        """``?request=<pk>`` records an agreement that came from a request."""
        pk = whole_number(self.request.GET.get("request", ""))
        if "pk" in self.kwargs or pk is None:
            return None
        source = SupportRequest.objects.filter(pk=pk).select_related("department", "enterprise").first()
        if source is None or not self.request.user.has_perm("support.view_internal_notes", source):
            return None
        return source

    def get_initial(self):
        source = self.get_source_request()
        if source is None:
            return {}
        return {"source_request": source, "department": source.department, "enterprise": source.enterprise,
                "title": source.subject}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user,
                "instance": self.get_agreement() or Agreement()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "agreement": self.get_agreement()}

    def form_valid(self, form):
        is_new = form.instance.pk is None
        try:
            agreement = services.agreement_save(agreement=form.instance, actor=self.request.user,
                                                attachments=form.cleaned_data["attachments"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if is_new:
            messages.success(self.request, _("The agreement has been recorded."))
        else:
            messages.success(self.request, _("Your changes to the agreement have been saved."))
        return redirect(agreement)


class AgreementAttachmentView(AgreementObjectMixin, View):
    permission_required = "support.view_agreements"

    def get(self, request, *args, **kwargs):
        attachment = self.get_object().attachments.filter(pk=self.kwargs["attachment_pk"]).first()
        if attachment is None:
            raise Http404
        return private_file_response(attachment.file, attachment.original_name)


class AgreementHistoryView(AgreementObjectMixin, DetailView):
    permission_required = "accounts.view_history"
    template_name = "history/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history_rows"] = history_of(self.object)
        context["back_url"] = self.object.get_absolute_url()
        return context
