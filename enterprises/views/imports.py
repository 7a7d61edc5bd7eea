"""Importing enterprises from a file: upload, map the columns, preview
every row's outcome, confirm, and the page that says what happened."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors
from core.pagination import ForgivingPaginationMixin
from core.views import ObjectPermissionMixin

from ..imports import services
from ..imports.columns import COLUMNS, template_book, template_dataset
from ..imports.forms import ImportConfirmForm, ImportMappingForm, ImportUploadForm
from ..models import EnterpriseImport, ServiceCategory, TargetGroup

PERMISSION = "enterprises.import_enterprises"
OUTCOME_FILTERS = {"nya": "new", "uppdateringar": "update", "avvisade": "refused"}


class ImportObjectMixin(ObjectPermissionMixin):
    permission_required = PERMISSION
    model = EnterpriseImport

    def get_object_queryset(self):
        return EnterpriseImport.objects.select_related("uploaded_by", "confirmed_by")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "enterprise_import": self.get_object()}


class ImportStartView(PermissionRequiredMixin, FormView):
    permission_required = PERMISSION
    template_name = "enterprises/import/start.html"
    form_class = ImportUploadForm

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "columns": COLUMNS,
            "categories": ServiceCategory.objects.filter(is_active=True).values_list("name", flat=True),
            "target_groups": TargetGroup.objects.values_list("name", flat=True),
            "recent_imports": EnterpriseImport.objects.select_related("uploaded_by")[:10],
        }

    def form_valid(self, form):
        try:
            enterprise_import = services.enterprise_import_upload(user=self.request.user,
                                                                  upload=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error.messages)
            return self.form_invalid(form)
        return redirect("enterprises:import_mapping", pk=enterprise_import.pk)


class ImportTemplateView(PermissionRequiredMixin, View):
    permission_required = PERMISSION
    file_format = "csv"

    def get(self, request):
        if self.file_format == "xlsx":
            content = template_book().export("xlsx")
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:  # with a BOM and semicolons, as Excel in Sweden expects
            content = "\ufeff" + template_dataset().export("csv", delimiter=";")
            content_type = "text/csv; charset=utf-8"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="mall-foretag.{self.file_format}"'
        return response


class ImportMappingView(ImportObjectMixin, FormView):
    template_name = "enterprises/import/mapping.html"
    form_class = ImportMappingForm

    def dispatch(self, request, *args, **kwargs):
        enterprise_import = self.get_object()
        if request.user.has_perm(PERMISSION) and enterprise_import.status == EnterpriseImport.Status.CONFIRMED:
            return redirect("enterprises:import_done", pk=enterprise_import.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        enterprise_import = self.get_object()
        return {**super().get_form_kwargs(), "headers": enterprise_import.headers,
                "initial": {**enterprise_import.mapping, "publish": enterprise_import.publish}}

    def form_valid(self, form):
        try:
            enterprise_import = services.enterprise_import_preview(
                enterprise_import=self.get_object(), mapping=form.mapping(), publish=form.cleaned_data["publish"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return redirect("enterprises:import_preview", pk=enterprise_import.pk)


class ImportPreviewView(ImportObjectMixin, ForgivingPaginationMixin, ListView):
    """Every row's outcome, a page at a time, and the confirmation."""

    template_name = "enterprises/import/preview.html"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        enterprise_import = self.get_object()
        if request.user.has_perm(PERMISSION) and enterprise_import.status == EnterpriseImport.Status.UPLOADED:
            return redirect("enterprises:import_mapping", pk=enterprise_import.pk)
        return super().dispatch(request, *args, **kwargs)

    def shown_outcome(self) -> str:
        return self.request.GET.get("visa", "") if self.request.GET.get("visa") in OUTCOME_FILTERS else ""

    def get_queryset(self):
        rows = self.get_object().rows.select_related("existing")
        if self.shown_outcome():
            rows = rows.filter(outcome=OUTCOME_FILTERS[self.shown_outcome()])
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = {column.field: column.label for column in COLUMNS}
        for row in context["object_list"]:
            row.error_list = [(labels.get(field, field), message) for field, message in row.errors.items()]
        enterprise_import = self.get_object()
        mapped = [(column.label, enterprise_import.mapping[column.field]) for column in COLUMNS
                  if column.field in enterprise_import.mapping]
        return {**context, "form": kwargs.get("form") or ImportConfirmForm(), "shown": self.shown_outcome(),
                "mapped_columns": mapped}

    def post(self, request, *args, **kwargs):
        form = ImportConfirmForm(request.POST)
        form.is_valid()
        enterprise_import = self.get_object()
        try:
            enterprise_import = services.enterprise_import_confirm(
                enterprise_import=enterprise_import, user=request.user,
                skip_refused=form.cleaned_data.get("skip_refused", False))
        except ValidationError as error:
            if error.code == "stale":
                services.enterprise_import_preview(enterprise_import=enterprise_import,
                                                   mapping=enterprise_import.mapping,
                                                   publish=enterprise_import.publish)
                messages.error(request, " ".join(error.messages))
                return redirect("enterprises:import_preview", pk=enterprise_import.pk)
            add_service_errors(form, error)
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data(form=form))
        return redirect("enterprises:import_done", pk=enterprise_import.pk)


class ImportDoneView(ImportObjectMixin, TemplateView):
    template_name = "enterprises/import/done.html"

    def dispatch(self, request, *args, **kwargs):
        enterprise_import = self.get_object()
        if request.user.has_perm(PERMISSION) and enterprise_import.status != EnterpriseImport.Status.CONFIRMED:
            return redirect("enterprises:import_preview", pk=enterprise_import.pk)
        return super().dispatch(request, *args, **kwargs)



class ImportCancelView(ImportObjectMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.enterprise_import_cancel(enterprise_import=self.get_object())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("enterprises:import_done", pk=self.get_object().pk)
        messages.success(request, _("The import has been cancelled and the file deleted. Nothing was saved."))
        return redirect("enterprises:import_start")
