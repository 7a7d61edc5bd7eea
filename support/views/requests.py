"""Applying for support and following a request."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, RedirectView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors
from core.pagination import ForgivingPaginationMixin
from core.uploads import private_file_response

from .. import exports, selectors, services
from ..constants import ENDED_STATES, RequestState
from ..forms import DecisionDueForm, MessageForm, SupportRequestForm, form_class_for
from ..models import SupportRequest
from ..workflow import MOVES, available_moves, support_request_transition
from .common import SupportRequestMixin
from .registration import registration_context


class SupportHomeView(PermissionRequiredMixin, RedirectView):
    """/stod/ (linked from emails): officials to their work list, everyone else to their requests."""

    permission_required = "support.apply"

    def get_redirect_url(self, *args, **kwargs):
        if self.request.user.has_perm("support.view_worklist"):
            return reverse("support:worklist")
        return reverse("support:my_requests")


class MyRequestsView(ForgivingPaginationMixin, PermissionRequiredMixin, ListView):
    permission_required = "support.apply"
    template_name = "support/my_requests.html"
    context_object_name = "support_requests"
    paginate_by = 20

    def get_queryset(self):
        return selectors.requests_of_applicant(user=self.request.user)


class RequestFormMixin:
    """Shared by creating and editing a draft: "save draft" or "submit"."""

    template_name = "support/request_form.html"
    form_class = SupportRequestForm

    def submitting(self) -> bool:
        return self.request.method == "POST" and "submit" in self.request.POST

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "submitting": self.submitting(),
                "instance": self.get_draft()}

    def get_draft(self):
        return None

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "first_response_days": settings.SUPPORT_FIRST_RESPONSE_WORKING_DAYS}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            support_request = services.support_request_apply(
                applicant=self.request.user, support_request=self.get_draft(), submit=self.submitting(),
                kind=data["kind"], enterprise=data["enterprise"], subject=data["subject"],
                description=data["description"], hoped_outcome=data["hoped_outcome"],
                attachments=data["attachments"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        if support_request.state == RequestState.DRAFT:
            messages.success(self.request, _("Your draft has been saved. You can finish and submit it later."))
            return redirect(support_request)
        return redirect("support:request_receipt", pk=support_request.pk)


class RequestCreateView(PermissionRequiredMixin, RequestFormMixin, FormView):
    permission_required = "support.apply"


class RequestUpdateView(SupportRequestMixin, RequestFormMixin, FormView):
    permission_required = "support.edit_draft"

    def get_draft(self):
        return self.get_support_request()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "support_request": self.get_support_request()}


class RequestDetailView(SupportRequestMixin, TemplateView):
    """The request, its history and conversation; a POST adds a message."""

    permission_required = "support.view_request"
    template_name = "support/request_detail.html"

    def message_form(self, data=None, files=None):
        support_request = self.get_support_request()
        user = self.request.user
        if support_request.state == RequestState.DRAFT or support_request.state in ENDED_STATES:
            return None
        if not user.has_perm("support.post_message", support_request):
            return None
        may_write_internal = user.has_perm("support.post_internal_note", support_request)
        return MessageForm(data, files, may_write_internal=may_write_internal)

    def get_context_data(self, **kwargs):
        support_request = self.get_support_request()
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            support_request=support_request,
            moves=available_moves(user, support_request),
            events=selectors.request_events(support_request=support_request),
            conversation=selectors.request_messages(support_request=support_request, user=user),
            attachments=selectors.request_attachments(support_request=support_request, user=user),
            may_see_internal=selectors.may_see_internal(user, support_request),
            may_edit=user.has_perm("support.edit_draft", support_request),
            may_set_due=user.has_perm("support.handle_request", support_request)
            and support_request.state in (RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.WAITING,
                                          RequestState.FORWARDED),
            may_record_agreement=support_request.department_id is not None
            and support_request.state in (RequestState.DECIDED, RequestState.CLOSED)
            and user.has_perm("support.add_agreement")
            and user.has_perm("support.view_internal_notes", support_request),
        )
        context.setdefault("message_form", self.message_form())
        context.update(registration_context(user, support_request))  # the case's number and documents (records)
        return context

    def post(self, request, *args, **kwargs):
        form = self.message_form(request.POST, request.FILES)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.message_post(
                    support_request=self.get_support_request(), author=request.user, body=form.cleaned_data["body"],
                    internal=form.cleaned_data.get("internal", False), attachments=form.cleaned_data["attachments"],
                )
            except ValidationError as error:
                add_service_errors(form, error, model=SupportRequest)
            else:
                if form.cleaned_data.get("internal"):
                    messages.success(request, _("Your internal note has been saved."))
                else:
                    messages.success(request, _("Your message has been sent."))
                return redirect(self.get_support_request())
        return self.render_to_response(self.get_context_data(message_form=form))


class RequestReceiptView(SupportRequestMixin, TemplateView):
    permission_required = "support.view_request"
    template_name = "support/request_receipt.html"

    def get(self, request, *args, **kwargs):
        if self.get_support_request().state == RequestState.DRAFT:
            return redirect(self.get_support_request())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "support_request": self.get_support_request()}


class RequestTransitionView(SupportRequestMixin, FormView):
    """One workflow move: its form (GET) and the move itself (POST)."""

    template_name = "support/request_transition.html"

    def get_move(self):
        move = MOVES.get(self.kwargs["move"])
        if move is None:
            raise Http404
        return move

    def get_permission_required(self):
        return [self.get_move().permission]

    def get_form_class(self):
        return form_class_for(self.get_move().name)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "move": self.get_move(), "support_request": self.get_support_request()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "support_request": self.get_support_request(),
                "move": self.get_move()}

    def get(self, request, *args, **kwargs):
        support_request, move = self.get_support_request(), self.get_move()
        if support_request.state not in move.sources:
            messages.error(request, MOVES.refusal_message(move, support_request.state))
            return redirect(support_request)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        support_request, move = self.get_support_request(), self.get_move()
        try:
            support_request = support_request_transition(
                request_id=support_request.pk, move=move.name, actor=self.request.user,
                comment=form.cleaned_data.get("comment", ""), data=form.move_data(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) in ("move_not_allowed", "unknown_move"):
                messages.error(self.request, error.messages[0])
                return redirect(support_request)
            add_service_errors(form, error, model=SupportRequest)
            return self.form_invalid(form)
        if move.name == "submit":
            return redirect("support:request_receipt", pk=support_request.pk)
        messages.success(self.request, _("Done: the request is now “%(state)s”.")
                         % {"state": support_request.get_state_display()})
        return redirect(support_request)


class DecisionDueView(SupportRequestMixin, FormView):
    permission_required = "support.handle_request"
    template_name = "support/decision_due_form.html"
    form_class = DecisionDueForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_support_request()}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "support_request": self.get_support_request()}

    def form_valid(self, form):
        try:
            services.support_request_set_decision_due(
                support_request=self.get_support_request(), actor=self.request.user,
                decision_due=form.cleaned_data["decision_due"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The decision due date has been saved."))
        return redirect(self.get_support_request())


class RequestAttachmentView(SupportRequestMixin, View):
    permission_required = "support.view_request"

    def get(self, request, *args, **kwargs):
        support_request = self.get_support_request()
        attachment = selectors.request_attachments(support_request=support_request, user=request.user).filter(
            pk=self.kwargs["attachment_pk"]
        ).first()
        if attachment is None:
            raise Http404
        return private_file_response(attachment.file, attachment.original_name)


class RequestExportView(SupportRequestMixin, View):
    permission_required = "support.export_request"

    def get(self, request, *args, **kwargs):
        support_request = self.get_support_request()
        text = exports.request_text(
            support_request=support_request,
            events=selectors.request_events(support_request=support_request),
            messages=selectors.request_messages(support_request=support_request, user=request.user),
            attachments=selectors.request_attachments(support_request=support_request, user=request.user),
        )
        name = support_request.reference or f"draft-{support_request.pk}"
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.txt"'
        return response
