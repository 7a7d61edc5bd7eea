"""Agreements and their attachments.

- agreement: the personal and free-text content is removed: the contact
  person and the description, also in the change history. Kept: kind,
  title, department, enterprise, dates and value (the statistics and the
  annual reports count them).
- agreement_attachment: the file is deleted after the batch's commit and
  the row removed."""

from django.db.models import Q

from records.constants import RecordType, Trigger
from support.models import Agreement, AgreementAttachment

from .base import Disposer, StoredFileDisposer, emptied, has_text


class AgreementDisposer(Disposer):
    record_type = RecordType.AGREEMENT
    model = Agreement
    case_model = Agreement
    case_field = "pk"
    event_fields = {Trigger.AGREEMENT_ENDED: ("end_date", True), Trigger.CREATED: ("created_at", False)}

    def undisposed(self):
        return Agreement.objects.filter(has_text("contact_person") | Q(has_text("description")))

    def dispose(self, ids, *, now):
        texts = {"contact_person": emptied("contact_person"), "description": emptied("description")}
        Agreement.history.filter(id__in=ids).update(**texts)
        return Agreement.objects.filter(pk__in=ids).update(**texts)


class AgreementAttachmentDisposer(StoredFileDisposer):
    record_type = RecordType.AGREEMENT_ATTACHMENT
    model = AgreementAttachment
    case_model = Agreement
    case_field = "agreement_id"
    event_fields = {Trigger.AGREEMENT_ENDED: ("agreement__end_date", True), Trigger.CREATED: ("uploaded_at", False)}

