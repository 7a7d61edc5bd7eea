"""Which disposer handles which record type of the records plan."""

from records.constants import RecordType, Trigger

from .agreements import AgreementAttachmentDisposer, AgreementDisposer
from .annual_reports import AnnualReportDisposer
from .asf_checks import AsfCheckDisposer, EvidenceDisposer
from .base import Disposer
from .housekeeping import OutboxEmailDisposer, SignInRecordDisposer
from .support_requests import (
    AttachmentDisposer,
    DecisionDisposer,
    InternalNoteDisposer,
    MessageDisposer,
    SupportRequestDisposer,
)

DISPOSERS: dict[str, Disposer] = {
    disposer.record_type: disposer
    for disposer in (
        SupportRequestDisposer(), MessageDisposer(), AttachmentDisposer(), DecisionDisposer(),
        InternalNoteDisposer(), AgreementDisposer(), AgreementAttachmentDisposer(), AnnualReportDisposer(),
        AsfCheckDisposer(), EvidenceDisposer(), OutboxEmailDisposer(), SignInRecordDisposer(),
    )
}
assert set(DISPOSERS) == set(RecordType.values), "every record type needs a disposer"


def triggers_for(record_type: str) -> list[str]:
    """The events a rule for ``record_type`` may be counted from, in the
    order of ``Trigger``."""
    disposer = DISPOSERS[record_type]
    allowed = set(disposer.event_fields)
    if disposer.case_model is not None:
        allowed.add(Trigger.CASE_CLOSED)
    return [value for value in Trigger.values if value in allowed]


def is_in_cases(record_type: str) -> bool:
    """Records of the type belong to registered cases (and can be delivered)."""
    return DISPOSERS[record_type].case_model is not None
