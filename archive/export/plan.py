"""Which rule of the records plan governs each document of a case, and the
date its period counts from, for the disposal information in ERMS."""

from datetime import datetime

from records.constants import CaseKind, DocumentKind, RecordType, Trigger
from records.models import Registration, RetentionRule

# The record type of the case itself (the ERMS aggregation).
CASE_RECORD_TYPE = {
    CaseKind.SUPPORT_REQUEST: RecordType.SUPPORT_REQUEST,
    CaseKind.AGREEMENT: RecordType.AGREEMENT,
    CaseKind.REPORTING_ROUND: RecordType.ANNUAL_REPORT,
    CaseKind.ASF_CHECK: RecordType.ASF_CHECK,
}

# The record type of each kind of document on a case's list.
DOCUMENT_RECORD_TYPE = {
    DocumentKind.APPLICATION: RecordType.SUPPORT_REQUEST,
    DocumentKind.MESSAGE: RecordType.MESSAGE,
    DocumentKind.ATTACHMENT: RecordType.ATTACHMENT,
    DocumentKind.REQUEST_FOR_INFORMATION: RecordType.MESSAGE,
    DocumentKind.DECISION: RecordType.DECISION,
    DocumentKind.INTERNAL_NOTE: RecordType.INTERNAL_NOTE,
    DocumentKind.FORWARDING: RecordType.SUPPORT_REQUEST,
    DocumentKind.AGREEMENT: RecordType.AGREEMENT,
    DocumentKind.AGREEMENT_ATTACHMENT: RecordType.AGREEMENT_ATTACHMENT,
    DocumentKind.ROUND_OPENED: RecordType.ANNUAL_REPORT,
    DocumentKind.ANNUAL_REPORT: RecordType.ANNUAL_REPORT,
    DocumentKind.COMPILED_REPORT: RecordType.ANNUAL_REPORT,
    DocumentKind.ASF_CHECK: RecordType.ASF_CHECK,
    DocumentKind.EVIDENCE: RecordType.EVIDENCE,
}


def rules_by_type() -> dict[str, RetentionRule]:
    return {rule.record_type: rule for rule in RetentionRule.objects.all()}


def period_start(registration: Registration, rule: RetentionRule, case, document_date=None) -> datetime | None:
    """When the rule's period starts for this case: the named event where
    the case says it, otherwise the closing of the case."""
    if rule.trigger == Trigger.AGREEMENT_ENDED and getattr(case, "end_date", None):
        return datetime.combine(case.end_date, datetime.min.time())
    if rule.trigger == Trigger.CREATED and document_date is not None:
        return datetime.combine(document_date, datetime.min.time())
    return registration.closed_at
