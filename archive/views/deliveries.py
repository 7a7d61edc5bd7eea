"""The deliveries to the e-archive: the list, a new delivery, one
delivery's packages, the e-archive's receipt and a package download.

A new delivery runs while the page waits: writing and validating a case's
package takes well under a second, so the portal's volumes (tens of closed
cases a year per series) finish in seconds. The command
``archive_export`` does the same from the shell for larger batches."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors
from core.pagination import ForgivingPaginationMixin
from core.views import ObjectPermissionMixin
from records.models import Delivery, DeliveryPackage

from ..export.delivery import package_path, record_receipt, run_delivery
from ..forms_delivery import DeliveryForm, ReceiptForm


def deliveries_with_counts():
    return Delivery.objects.select_related("series").annotate(
        package_count=Count("packages"), valid_count=Count("packages", filter=Q(packages__is_valid=True)),
        total_size=Sum("packages__size"),
    )


class DeliveryListView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "archive.view_deliveries"
    template_name = "archive/deliveries/list.html"
    context_object_name = "deliveries"
    paginate_by = 25

    def get_queryset(self):
        return deliveries_with_counts().order_by("-created_at", "-pk")


class DeliveryCreateView(PermissionRequiredMixin, FormView):
    permission_required = "archive.make_delivery"
    template_name = "archive/deliveries/form.html"
    form_class = DeliveryForm

    def form_valid(self, form):
        try:
            delivery = run_delivery(form.cleaned_data["series"], form.cleaned_data["closed_before"],
                                    by=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if delivery.status == Delivery.Status.VALID:
            messages.success(self.request, _("The packages are written and every one passed validation."))
        else:
            messages.error(self.request, _(
                "At least one package failed validation, so the delivery is not delivered. Correct what the errors "
                "name and make a new delivery: the cases are offered again."))
        return redirect("archive:delivery_detail", pk=delivery.pk)


class DeliveryMixin(ObjectPermissionMixin):
    model = Delivery

    def get_object_queryset(self):
        return deliveries_with_counts()


class DeliveryDetailView(DeliveryMixin, TemplateView):
    permission_required = "archive.view_deliveries"
    template_name = "archive/deliveries/detail.html"

    def get_context_data(self, **kwargs):
        delivery = self.get_object()
        packages = delivery.packages.select_related("registration").order_by("name")
        return {**super().get_context_data(**kwargs), "delivery": delivery, "packages": packages,
                "can_receive": self.request.user.has_perm("archive.record_receipt", delivery)}


class ReceiptView(DeliveryMixin, FormView):
    permission_required = "archive.record_receipt"
    template_name = "archive/deliveries/receipt.html"
    form_class = ReceiptForm

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "delivery": self.get_object()}

    def form_valid(self, form):
        try:
            record_receipt(self.get_object(), reference=form.cleaned_data["reference"],
                           received_on=form.cleaned_data["received_on"], by=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _(
            "The receipt is recorded. Records the plan keeps may now be removed from the portal where the plan says so."))
        return redirect("archive:delivery_detail", pk=self.get_object().pk)


class PackageDownloadView(ObjectPermissionMixin, View):
    """A package's ZIP, as a download, while it is still on disk."""

    permission_required = "archive.download_package"

    def load_object(self) -> DeliveryPackage:
        # The delivery is matched through its own key, whose lookup treats an id
        # past the database's range as no match (a foreign key column does not).
        return get_object_or_404(DeliveryPackage.objects.select_related("delivery"),
                                 pk=self.kwargs["package_pk"], delivery__pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        package = self.get_object()
        path = package_path(package)
        if path is None:
            raise Http404(_("The package is no longer on disk."))
        # FileResponse closes the file when the response is done.
        response = FileResponse(path.open("rb"), as_attachment=True, filename=package.name,
                                content_type="application/zip")
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
