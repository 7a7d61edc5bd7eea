"""Secrecy markings on a request and copies of it for a public-records
request (utlämnande av allmän handling), for the staff who handle it."""

from io import BytesIO

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core.forms import add_service_errors
from records import secrecy
from records.models import CaseCopy, SecrecyMark
from records.services import registration_for

from ..case_copy import build_copy, copy_pdf, copy_zip, download_name
from ..forms.secrecy import CaseCopyForm, SecrecyMarkForm, SecrecyUnmarkForm, describe, request_items
from .common import SupportRequestMixin

CONTENT_TYPES = {CaseCopy.Format.PDF: "application/pdf", CaseCopy.Format.ZIP: "application/zip"}


class RegisteredRequestMixin(SupportRequestMixin):
    """A request that has a registration number: marks and copies belong to
    the registered case. An unregistered one sends the official back."""

    def get_registration(self):
        if not hasattr(self, "_registration"):
            self._registration = registration_for(self.get_support_request())
        return self._registration

    def refusal(self):
        if self.get_registration() is None:
            messages.error(self.request, _("The request has no registration number yet, so nothing can be marked "
                                           "or copied."))
            return redirect(self.get_support_request())
        if self.get_registration().disposed_at is not None:
            messages.error(self.request, _("The content of this case has been disposed of under the records plan."))
            return redirect(self.get_support_request())
        return None

    def get(self, request, *args, **kwargs):
        return self.refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal() or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "support_request": self.get_support_request(),
                "registration": self.get_registration()}


class SecrecyMarkView(RegisteredRequestMixin, FormView):
    """Mark a field, a message, an attachment or a comment secret."""

    permission_required = "support.mark_secret_request"
    template_name = "support/secrecy/mark_form.html"
    form_class = SecrecyMarkForm

    def get_items(self):
        if not hasattr(self, "_items"):
            self._items = request_items(self.get_support_request())
        return self._items

    def get_form_kwargs(self):
        marked = set(secrecy.standing_marks(self.get_registration()).by_key)
        return {**super().get_form_kwargs(), "items": self.get_items(), "marked": marked}

    def get_initial(self):
        return {"item": self.request.GET.get("item", "")}

    def form_valid(self, form):
        item = form.chosen_item()
        try:
            secrecy.mark(self.get_registration(), item.obj, field_name=item.field_name,
                         provision=form.cleaned_data["provision_text"], reason=form.cleaned_data["reason"],
                         by=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("“%(item)s” is now marked as secret under %(provision)s.")
                         % {"item": item.label, "provision": form.cleaned_data["provision_text"]})
        return redirect(self.get_support_request())


class SecrecyUnmarkView(RegisteredRequestMixin, FormView):
    """Remove a standing mark, with the reason."""

    permission_required = "support.mark_secret_request"
    template_name = "support/secrecy/unmark_form.html"
    form_class = SecrecyUnmarkForm

    def get_mark(self) -> SecrecyMark:
        if not hasattr(self, "_mark"):
            self._mark = SecrecyMark.objects.filter(
                pk=self.kwargs["mark_pk"], registration=self.get_registration(), removed_at__isnull=True
            ).first()
            if self._mark is None:
                raise Http404
        return self._mark

    def refusal(self):
        refused = super().refusal()
        if refused is None:
            self.get_mark()
        return refused

    def get_context_data(self, **kwargs):
        secrecy_mark = self.get_mark()
        return {**super().get_context_data(**kwargs), "mark": secrecy_mark,
                "what": describe(request_items(self.get_support_request()), secrecy_mark)}

    def form_valid(self, form):
        try:
            secrecy.unmark(self.get_mark(), reason=form.cleaned_data["reason"], by=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The secrecy marking has been removed."))
        return redirect(self.get_support_request())


class RequestCopyView(RegisteredRequestMixin, FormView):
    """Choose PDF or ZIP, produce the copy with the marked items left out,
    and see who produced which copy before."""

    permission_required = "support.copy_request"
    template_name = "support/secrecy/copy.html"
    form_class = CaseCopyForm

    def get_context_data(self, **kwargs):
        registration = self.get_registration()
        return {**super().get_context_data(**kwargs), "copies": secrecy.copies_of(registration),
                "marks_count": len(secrecy.standing_marks(registration))}

    def form_valid(self, form):
        data = form.cleaned_data
        support_request, registration = self.get_support_request(), self.get_registration()
        content = build_copy(support_request, registration=registration, include_internal=data["include_internal"])
        if data["format"] == CaseCopy.Format.PDF:
            payload = copy_pdf(content, note=data["note"])
        else:
            payload = copy_zip(content, note=data["note"])
        secrecy.log_copy(registration, format=data["format"], masked_items=content.masked_count, note=data["note"],
                         by=self.request.user)
        response = FileResponse(BytesIO(payload), as_attachment=True,
                                filename=download_name(content, data["format"]),
                                content_type=CONTENT_TYPES[data["format"]])
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response
