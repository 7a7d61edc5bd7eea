"""An applicant deletes a draft request, or an attachment of one: a
confirmation page (GET) and the deletion (POST)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .. import drafts
from ..constants import RequestState
from .common import SupportRequestMixin


class DraftDeleteMixin(SupportRequestMixin):
    """Only the applicant (or the system administrator) reaches it; a request
    that is no longer a draft is sent back to its page with the reason."""

    permission_required = "support.act_as_applicant"

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        if self.get_support_request().state != RequestState.DRAFT:
            messages.error(request, drafts.not_draft_message())
            return redirect(self.get_support_request())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "support_request": self.get_support_request()}

    def refused(self, error: ValidationError):
        messages.error(self.request, error.messages[0])
        return redirect("support:my_requests")


class RequestDeleteView(DraftDeleteMixin, TemplateView):
    template_name = "support/draft_delete.html"

    def get_context_data(self, **kwargs):
        support_request = self.get_support_request()
        return {**super().get_context_data(**kwargs), "attachment_count": support_request.attachments.count()}

    def post(self, request, *args, **kwargs):
        try:
            subject = drafts.support_request_delete_draft(request_id=self.get_support_request().pk,
                                                          actor=request.user)
        except ValidationError as error:
            return self.refused(error)
        messages.success(request, _("The draft “%(subject)s” has been deleted.") % {"subject": subject})
        return redirect("support:my_requests")


class DraftAttachmentDeleteView(DraftDeleteMixin, TemplateView):
    template_name = "support/draft_attachment_delete.html"

    def get_attachment(self):
        attachment = self.get_support_request().attachments.filter(
            pk=self.kwargs["attachment_pk"], message__isnull=True
        ).first()
        if attachment is None:
            raise Http404
        return attachment

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "attachment": self.get_attachment()}

    def post(self, request, *args, **kwargs):
        support_request = self.get_support_request()
        try:
            name = drafts.draft_attachment_delete(request_id=support_request.pk,
                                                  attachment_id=self.get_attachment().pk, actor=request.user)
        except ValidationError as error:
            return self.refused(error)
        messages.success(request, _("The attachment “%(name)s” has been deleted.") % {"name": name})
        return redirect("support:request_update", pk=support_request.pk)
