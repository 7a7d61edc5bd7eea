"""Representatives: claiming an enterprise, deciding claims, one's own enterprises, and the officials' work list."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors

from .. import selectors, services
from ..forms import (
    ClaimForm,
)
from ..forms_worklist import WorkListFilterForm
from ..models import Representation
from .common import EnterpriseObjectMixin


class EnterpriseClaimView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.claim_enterprise"
    template_name = "enterprises/claim.html"
    form_class = ClaimForm

    def form_valid(self, form):
        try:
            services.enterprise_claim(user=self.request.user, enterprise=self.enterprise,
                                      message=form.cleaned_data["message"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your request to represent %(name)s has been sent. The policy coordinator confirms it.")
            % {"name": self.enterprise.name},
        )
        return redirect("enterprises:mine")


class RepresentationDecisionView(PermissionRequiredMixin, View):
    permission_required = "enterprises.manage_registry"
    http_method_names = ["post"]

    def post(self, request, pk: int):
        representation = get_object_or_404(Representation, pk=pk, status=Representation.Status.PENDING)
        if request.POST.get("decision") == "confirm":
            services.representation_confirm(representation=representation)
            messages.success(request, _("%(user)s now represents %(name)s.")
                             % {"user": representation.user, "name": representation.enterprise.name})
        else:
            services.representation_reject(representation=representation)
            messages.success(request, _("The request has been rejected."))
        return redirect("enterprises:work_list")


class MyEnterprisesView(PermissionRequiredMixin, TemplateView):
    permission_required = "enterprises.register_enterprise"
    template_name = "enterprises/mine.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "representations": selectors.enterprises_of(self.request.user)}


class WorkListView(PermissionRequiredMixin, TemplateView):
    """What waits for the registry's officials, filtered and sorted from the
    query string. Each section offers only what the viewer may do and says
    who acts on the rest."""

    permission_required = "enterprises.view_internal"
    template_name = "enterprises/work_list.html"

    def get_context_data(self, **kwargs):
        form = WorkListFilterForm(self.request.GET or None)
        filters = form.filters()
        return {
            **super().get_context_data(**kwargs),
            **selectors.work_list(**filters),
            "filter_form": form,
            "shown_sections": selectors.work_list_shown(filters["sections"]),
            "is_filtered": any(filters[name] for name in ("sections", "kind", "locality")),
            "today": timezone.localdate(),
        }
