"""ASF definition checks: starting, filling in and reviewing a check, and downloading its evidence."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from core.forms import add_service_errors
from core.uploads import private_file_response

from .. import selectors, workflow
from ..forms import (
    CheckReviewForm,
    CheckStatementsForm,
)
from ..models import DefinitionCheck, Enterprise, Evidence
from ..prechecks import orgnr_hints
from .common import EnterpriseObjectMixin


class CheckStartView(EnterpriseObjectMixin, View):
    permission_required = "enterprises.fill_check"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if selectors.open_check(self.enterprise) is None:
            try:
                workflow.check_start(enterprise=self.enterprise, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(self.enterprise)
        return redirect("enterprises:check_fill", slug=self.enterprise.slug)


class CheckFillView(EnterpriseObjectMixin, FormView):
    """The representative's statements and evidence for the open check."""

    permission_required = "enterprises.fill_check"
    template_name = "enterprises/check_fill.html"
    form_class = CheckStatementsForm

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = get_object_or_404(Enterprise, slug=kwargs["slug"])
        self.check_object = selectors.open_check(self.enterprise)
        if self.check_object is None and request.user.has_perm(self.permission_required, self.enterprise):
            messages.info(request, _("There is no check in progress. Start one from the enterprise's page."))
            return redirect(self.enterprise)
        return super(EnterpriseObjectMixin, self).dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "check": self.check_object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["check"] = self.check_object
        editable = (DefinitionCheck.Status.DRAFT, DefinitionCheck.Status.MORE_INFO)
        context["locked"] = self.check_object.status not in editable
        return context

    def form_valid(self, form):
        check = self.check_object
        submitting = bool(self.request.POST.get("submit_check"))
        try:
            with transaction.atomic():
                workflow.check_save_statements(check=check, statements=form.statements())
                for criterion, upload in form.uploads().items():
                    workflow.check_add_evidence(check=check, criterion=criterion, upload=upload, user=self.request.user)
                if submitting:
                    workflow.check_move(check=check, action="submit", user=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if submitting:
            messages.success(self.request, _("The check has been submitted. The policy coordinator reviews it."))
            return redirect(self.enterprise)
        messages.success(self.request, _("Your statements have been saved as a draft."))
        return redirect("enterprises:check_fill", slug=self.enterprise.slug)


class CheckReviewView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.review_check"
    template_name = "enterprises/check_review.html"
    form_class = CheckReviewForm

    def get_form_kwargs(self):
        self.check_object = get_object_or_404(selectors.checks_of(self.enterprise), pk=self.kwargs["pk"])
        return {**super().get_form_kwargs(), "check": self.check_object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(check=self.check_object, hints=orgnr_hints(self.enterprise),
                       reviewable=self.check_object.status == DefinitionCheck.Status.SUBMITTED)
        return context

    def form_valid(self, form):
        action = "request_info" if self.request.POST.get("request_info") else "decide"
        try:
            check = workflow.check_move(check=self.check_object, action=action, user=self.request.user,
                                        comment=form.cleaned_data["comment"], verdicts=form.verdicts())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if action == "request_info":
            messages.success(self.request, _("The enterprise has been asked for more information."))
        elif check.is_asf:
            messages.success(self.request, _("Decided: the enterprise meets the ASF definition."))
        else:
            messages.success(self.request, _("Decided: the enterprise does not meet the ASF definition."))
        return redirect(self.enterprise)


class EvidenceDownloadView(EnterpriseObjectMixin, View):
    permission_required = "enterprises.view_check"

    def get(self, request, slug: str, pk: int):
        evidence = get_object_or_404(Evidence, pk=pk, definition_check__enterprise=self.enterprise)
        return private_file_response(evidence.file, evidence.original_name)
