"""Writes for support requests (apart from workflow moves, see
``support.workflow``) and agreements. Views call these; each runs in a
transaction and validates before saving."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.uploads import store_upload, validate_uploads
from enterprises.models import Enterprise
from enterprises.rules import represents

from . import notifications, registration
from .constants import ENDED_STATES, RequestState
from .models import Agreement, AgreementAttachment, Message, RequestAttachment, SupportKind, SupportRequest
from .workflow import support_request_transition, validate_decision_due


@transaction.atomic
def support_request_save_draft(*, applicant, support_request: SupportRequest | None = None, kind: SupportKind,
                               enterprise: Enterprise | None, subject: str, description: str, hoped_outcome: str,
                               attachments=()) -> SupportRequest:
    """Create or update a draft. Nothing is required yet except the kind and a
    subject, so a draft can be finished later."""
    if support_request is None:
        support_request = SupportRequest(applicant=applicant)
    else:
        support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
        if not applicant.has_perm("support.edit_draft", support_request):
            raise ValidationError(gettext("Only a draft can be changed, and only by its applicant."),
                                  code="not_draft")
    errors = {}
    if not kind.is_active:
        errors["kind"] = gettext("This kind of support can no longer be applied for. Choose another.")
    if enterprise is not None and not represents(support_request.applicant, enterprise):
        errors["enterprise"] = gettext("You can only apply on behalf of an enterprise you are a confirmed "
                                       "representative of.")
    if errors:
        raise ValidationError(errors)
    validate_uploads(attachments, field="attachments")
    support_request.kind = kind
    support_request.enterprise = enterprise
    support_request.subject = subject.strip()
    support_request.description = description.strip()
    support_request.hoped_outcome = hoped_outcome.strip()
    support_request.full_clean(exclude=["description", "hoped_outcome"])
    support_request.save()
    for upload in attachments:
        store_upload(RequestAttachment, upload, request=support_request, uploaded_by=applicant)
    return support_request


@transaction.atomic
def support_request_apply(*, applicant, support_request: SupportRequest | None = None, submit: bool = False,
                          **fields) -> SupportRequest:
    """Save the application as a draft and, if asked, submit it: both or
    neither, so a refused submission leaves nothing behind."""
    support_request = support_request_save_draft(applicant=applicant, support_request=support_request, **fields)
    if submit:
        support_request = support_request_transition(request_id=support_request.pk, move="submit", actor=applicant)
    return support_request


@transaction.atomic
def message_post(*, support_request: SupportRequest, author, body: str, internal: bool = False,
                 attachments=()) -> Message:
    """Add a message (or an internal note) to a request. An applicant's reply
    while the request waits for them moves it back into handling."""
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    permission = "support.post_internal_note" if internal else "support.post_message"
    if not author.has_perm(permission, support_request):
        raise PermissionDenied(gettext("You may not write on this request."))
    if support_request.state == RequestState.DRAFT or support_request.state in ENDED_STATES:
        raise ValidationError(
            gettext("No messages can be added while the request is “%(state)s”.")
            % {"state": support_request.get_state_display()},
            code="closed",
        )
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": gettext("Write a message.")}, code="required")
    validate_uploads(attachments, field="attachments")
    message = Message.objects.create(request=support_request, author=author, body=body, is_internal=internal)
    stored = [
        store_upload(RequestAttachment, upload, request=support_request, message=message, is_internal=internal,
                     uploaded_by=author)
        for upload in attachments
    ]
    registration.message_posted(support_request, message, stored)
    by_applicant = author.pk == support_request.applicant_id
    if not internal and not by_applicant and support_request.first_response_at is None:
        support_request.first_response_at = timezone.now()
        support_request.save(update_fields=["first_response_at", "updated_at"])
    notifications.notify_message(message_id=message.pk)  # to the outbox, sent after the commit
    if by_applicant and support_request.state == RequestState.WAITING:
        # The message's own email tells the handler; no second one for the move.
        support_request_transition(request_id=support_request.pk, move="resume", actor=author,
                                   comment=gettext("The applicant replied."), notify=False)
    return message


@transaction.atomic
def support_request_set_decision_due(*, support_request: SupportRequest, actor, decision_due) -> SupportRequest:
    support_request = SupportRequest.objects.select_for_update().get(pk=support_request.pk)
    if not actor.has_perm("support.handle_request", support_request):
        raise PermissionDenied(gettext("You may not do that with this request."))
    if support_request.state not in (RequestState.ASSIGNED, RequestState.IN_PROGRESS, RequestState.WAITING,
                                     RequestState.FORWARDED):
        raise ValidationError(gettext("The decision due date can only be set while the request is being handled."),
                              code="not_open")
    if decision_due is not None:
        validate_decision_due(decision_due, now=timezone.now())
    support_request.decision_due = decision_due
    support_request._change_reason = "decision_due"
    support_request.save(update_fields=["decision_due", "updated_at"])
    return support_request


# Agreements -------------------------------------------------------------------

@transaction.atomic
def agreement_save(*, agreement: Agreement, actor, attachments=()) -> Agreement:
    """Create or update an agreement of a department the actor maintains."""
    if agreement.pk is not None:
        current = Agreement.objects.select_for_update().get(pk=agreement.pk)
        if not actor.has_perm("support.maintain_agreement", current):
            raise PermissionDenied(gettext("You may not change this agreement."))
    if not actor.has_perm("support.maintain_agreement", agreement):
        raise ValidationError({"department": gettext("You can only record agreements of your own department.")},
                              code="not_member")
    source = agreement.source_request
    if source is not None and source.department_id != agreement.department_id:
        raise ValidationError(
            {"source_request": gettext("The support request must have been handled by the same department.")},
            code="other_department",
        )
    validate_uploads(attachments, field="attachments")
    is_new = agreement.pk is None
    if is_new:
        agreement.created_by = actor
    agreement.full_clean()
    agreement.save()
    stored = [store_upload(AgreementAttachment, upload, agreement=agreement, uploaded_by=actor)
              for upload in attachments]
    if is_new:  # registered with the attachments it came with
        registration.register_agreement(agreement, by=actor)
    else:
        for attachment in stored:
            registration.agreement_attachment_added(agreement, attachment)
        registration.agreement_dates_changed(agreement)
    return agreement
