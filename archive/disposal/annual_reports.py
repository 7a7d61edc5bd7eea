"""Annual reports and their submitted versions (the case is the reporting
round they belong to).

The free-text content is removed: what the department did, its dialogue
with civil society, its plans, the coordinator's comment, every status
change's comment, the same texts in each submitted version and in the
change history. Kept: every figure, the status and the dates, so the
compiled reports and statistics do not change."""

from django.db.models import Exists, OuterRef

from policy_reports.models import TEXT_FIELDS, DepartmentReport, ReportingRound, ReportStatusChange, ReportVersion
from records.constants import RecordType, Trigger

from .base import REMOVED, Disposer, emptied, has_text

REPORT_TEXT_FIELDS = (*TEXT_FIELDS, "return_comment")


class AnnualReportDisposer(Disposer):
    record_type = RecordType.ANNUAL_REPORT
    model = DepartmentReport
    case_model = ReportingRound
    case_field = "reporting_round_id"
    event_fields = {Trigger.REPORT_ACCEPTED: ("accepted_at", False), Trigger.CREATED: ("created_at", False)}

    def undisposed(self):
        text = has_text(REPORT_TEXT_FIELDS[0])
        for name in REPORT_TEXT_FIELDS[1:]:
            text |= has_text(name)
        commented = ReportStatusChange.objects.filter(has_text("comment"), report=OuterRef("pk"))
        return DepartmentReport.objects.filter(text | Exists(commented))

    def dispose(self, ids, *, now):
        texts = {name: emptied(name) for name in REPORT_TEXT_FIELDS}
        DepartmentReport.history.filter(id__in=ids).update(**texts)
        ReportStatusChange.objects.filter(report_id__in=ids).exclude(comment="").update(comment=REMOVED)
        versions = list(ReportVersion.objects.filter(report_id__in=ids).only("pk", "content"))
        for version in versions:
            version.content = {
                key: (REMOVED if key in REPORT_TEXT_FIELDS and value else value)
                for key, value in (version.content or {}).items()
            }
        ReportVersion.objects.bulk_update(versions, ["content"], batch_size=500)
        return DepartmentReport.objects.filter(pk__in=ids).update(**texts)
