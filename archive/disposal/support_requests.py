"""Support requests and what they hold: the request itself, messages,
internal notes, attachments and the decision's reason.

- support_request: the request's own personal content (what the old
  ``support.retention`` did for the request): subject, description, hopes,
  the partner's answer, every event comment, the same texts in its change
  history and the link to the applicant (moved to the shared "deleted
  user", as are the applicant's own messages and moves). ``anonymised_at``
  is set. Kept: reference, kind, enterprise, department, handler, state,
  outcome and every date, so the statistics and the annual reports' figures
  do not change.
- message / internal_note: the text is removed (the row, author and date stay).
- attachment: the file is deleted after the batch's commit and the row removed.
- decision: the reason text is removed, in the request and its history (the
  outcome stays)."""

from django.db.models import F

from accounts.deletion import deleted_user_placeholder
from records.constants import RecordType, Trigger
from support.models import Message, RequestAttachment, RequestEvent, SupportRequest

from .base import REMOVED, Disposer, StoredFileDisposer, emptied, has_text

REQUEST_TEXT_FIELDS = ("subject", "description", "hoped_outcome", "forward_answer")


class SupportRequestDisposer(Disposer):
    record_type = RecordType.SUPPORT_REQUEST
    model = SupportRequest
    case_model = SupportRequest
    case_field = "pk"
    event_fields = {Trigger.CREATED: ("created_at", False)}

    def undisposed(self):
        return SupportRequest.objects.filter(anonymised_at__isnull=True)

    def dispose(self, ids, *, now):
        placeholder = deleted_user_placeholder()
        # The applicant's own messages and moves are shown as the deleted
        # user (before the request itself loses the applicant).
        Message.objects.filter(request_id__in=ids, author=F("request__applicant")).update(author=placeholder)
        RequestEvent.objects.filter(request_id__in=ids, actor=F("request__applicant")).update(actor=placeholder)
        RequestEvent.objects.filter(request_id__in=ids).exclude(comment="").update(comment=REMOVED)
        texts = {name: emptied(name) for name in REQUEST_TEXT_FIELDS}
        SupportRequest.history.filter(id__in=ids).update(**texts, applicant=placeholder)
        # update(): no new history row, and updated_at keeps its date.
        return SupportRequest.objects.filter(pk__in=ids).update(**texts, applicant=placeholder, anonymised_at=now)


class MessageDisposer(Disposer):
    record_type = RecordType.MESSAGE
    model = Message
    case_model = SupportRequest
    case_field = "request_id"
    event_fields = {Trigger.CREATED: ("created_at", False)}
    internal = False

    def undisposed(self):
        return Message.objects.filter(has_text("body"), is_internal=self.internal)

    def dispose(self, ids, *, now):
        return Message.objects.filter(pk__in=ids).update(body=REMOVED)


class InternalNoteDisposer(MessageDisposer):
    record_type = RecordType.INTERNAL_NOTE
    internal = True


class AttachmentDisposer(StoredFileDisposer):
    record_type = RecordType.ATTACHMENT
    model = RequestAttachment
    case_model = SupportRequest
    case_field = "request_id"
    event_fields = {Trigger.CREATED: ("uploaded_at", False)}



class DecisionDisposer(Disposer):
    record_type = RecordType.DECISION
    model = SupportRequest
    case_model = SupportRequest
    case_field = "pk"
    event_fields = {Trigger.CREATED: ("decided_at", False)}

    def undisposed(self):
        return SupportRequest.objects.filter(has_text("outcome_reason"))

    def dispose(self, ids, *, now):
        SupportRequest.history.filter(id__in=ids).update(outcome_reason=emptied("outcome_reason"))
        return SupportRequest.objects.filter(pk__in=ids).update(outcome_reason=REMOVED)
