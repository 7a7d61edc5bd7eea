"""Writes that remove what an applicant has not yet submitted: a whole
draft request, or one of the draft's attachments. The stored files go from
storage too, once the transaction has committed."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from .constants import RequestState
from .models import RequestAttachment, SupportRequest

logger = logging.getLogger(__name__)


def not_draft_message() -> str:
    return gettext("A submitted request cannot be deleted. You can withdraw it from the request's page instead.")


def _locked_draft(*, request_id: int, actor) -> SupportRequest:
    support_request = SupportRequest.objects.select_for_update().filter(pk=request_id).first()
    if support_request is None:
        raise ValidationError(gettext("The request no longer exists."), code="missing")
    if not actor.has_perm("support.act_as_applicant", support_request):
        raise PermissionDenied(gettext("You may not do that with this request."))
    if support_request.state != RequestState.DRAFT:
        raise ValidationError(not_draft_message(), code="not_draft")
    return support_request


def _delete_files_after_commit(files: list) -> None:
    def delete():
        for storage, name in files:
            try:
                storage.delete(name)
            except OSError:  # the row is gone; a stray file is logged, not fatal
                logger.warning("Could not delete the stored file %s", name, exc_info=True)

    transaction.on_commit(delete)


@transaction.atomic
def support_request_delete_draft(*, request_id: int, actor) -> str:
    """Delete a draft with its attachments; return its subject (for the
    confirmation message). A submitted request is refused."""
    support_request = _locked_draft(request_id=request_id, actor=actor)
    files = [(a.file.storage, a.file.name) for a in support_request.attachments.only("pk", "file")]
    subject = support_request.subject
    support_request.delete()
    _delete_files_after_commit(files)
    return subject


@transaction.atomic
def draft_attachment_delete(*, request_id: int, attachment_id: int, actor) -> str:
    """Delete one attachment of a draft; return its original name."""
    support_request = _locked_draft(request_id=request_id, actor=actor)
    attachment = RequestAttachment.objects.filter(request=support_request, pk=attachment_id,
                                                  message__isnull=True).first()
    if attachment is None:
        raise ValidationError(gettext("The attachment no longer exists."), code="missing")
    name = attachment.original_name
    files = [(attachment.file.storage, attachment.file.name)]
    attachment.delete()
    _delete_files_after_commit(files)
    return name
