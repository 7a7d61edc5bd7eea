"""ASF checks and their evidence.

- asf_check: the free-text content is removed: what more information was
  asked for, each criterion's statement and reasoning, also in the change
  history. Kept: the enterprise, status, verdicts, dates and whether the
  enterprise met the definition.
- evidence: the file is deleted after the batch's commit and the row removed."""

from django.db.models import Exists, OuterRef

from enterprises.models import CriterionAssessment, DefinitionCheck, Evidence
from records.constants import RecordType, Trigger

from .base import Disposer, StoredFileDisposer, emptied, has_text


class AsfCheckDisposer(Disposer):
    record_type = RecordType.ASF_CHECK
    model = DefinitionCheck
    case_model = DefinitionCheck
    case_field = "pk"
    event_fields = {Trigger.CREATED: ("created_at", False)}

    def undisposed(self):
        assessed = CriterionAssessment.objects.filter(
            has_text("statement") | has_text("reasoning"), definition_check=OuterRef("pk")
        )
        return DefinitionCheck.objects.filter(has_text("info_request") | Exists(assessed))

    def dispose(self, ids, *, now):
        texts = {"statement": emptied("statement"), "reasoning": emptied("reasoning")}
        CriterionAssessment.history.filter(definition_check_id__in=ids).update(**texts)
        CriterionAssessment.objects.filter(definition_check_id__in=ids).update(**texts)
        DefinitionCheck.history.filter(id__in=ids).update(info_request=emptied("info_request"))
        return DefinitionCheck.objects.filter(pk__in=ids).update(info_request=emptied("info_request"))


class EvidenceDisposer(StoredFileDisposer):
    record_type = RecordType.EVIDENCE
    model = Evidence
    case_model = DefinitionCheck
    case_field = "definition_check_id"
    event_fields = {Trigger.CREATED: ("uploaded_at", False)}

