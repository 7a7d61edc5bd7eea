"""A support request's registration on its page: the number (or "not
registered yet"), and where the series takes its numbers from the
municipality's own diarium, the form an official types the number in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core.forms import add_service_errors
from records import selectors as records
from records.constants import CaseKind
from records.forms import TypedNumberForm
from records.services import series_for

from .. import registration
from ..constants import RequestState
from .common import SupportRequestMixin


def registration_context(user, support_request, register_form=None) -> dict:
    """What the request's page shows of its registration."""
    number = records.registration_of(support_request)
    context = {"registration": number, "may_see_case_documents": user.has_perm(
        "support.view_internal_notes", support_request)}
    if number is None and support_request.state != RequestState.DRAFT and user.has_perm(
            "support.register_request", support_request):
        series = series_for(CaseKind.SUPPORT_REQUEST)
        if series.manual:
            context.update(series=series, register_form=register_form or TypedNumberForm(series=series),
                           register_action=reverse("support:request_register", kwargs={"pk": support_request.pk}))
    return context


class RequestRegisterView(SupportRequestMixin, FormView):
    """The number typed in from the municipality's diarium (the form is also
    on the request's page); shows the number once the case has one."""

    permission_required = "support.register_request"
    template_name = "support/request_register.html"

    def get_form(self, form_class=None):
        return TypedNumberForm(self.request.POST or None, series=series_for(CaseKind.SUPPORT_REQUEST))

    def get_context_data(self, **kwargs):
        support_request = self.get_support_request()
        context = super().get_context_data(**kwargs)
        context.update(support_request=support_request, series=series_for(CaseKind.SUPPORT_REQUEST))
        context.update(registration_context(self.request.user, support_request, register_form=kwargs.get("form")))
        return context

    def form_valid(self, form):
        support_request = self.get_support_request()
        if support_request.state == RequestState.DRAFT:
            form.add_error(None, _("A draft cannot be registered; it must be submitted first."))
            return self.form_invalid(form)
        if not form.series.manual:
            form.add_error(None, _("This series is numbered by the portal; the number is given on submission."))
            return self.form_invalid(form)
        try:
            registered = registration.register_request(support_request, by=self.request.user,
                                                       typed_number=form.cleaned_data["number"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        except IntegrityError:  # the same number, or the same case, registered at the same moment
            form.add_error("number", _("The registration number %(number)s is already used.")
                           % {"number": form.cleaned_data["number"]})
            return self.form_invalid(form)
        messages.success(self.request, _("The case is registered as %(number)s.") % {"number": registered.number})
        return redirect(support_request)
