"""Downloads: the agreement register as CSV for the annual report, and a
request with its history and conversation as plain text."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import csv_lines, csv_response, xlsx_response
from enterprises.orgnr import formatted
from records.selectors import registration_of, with_registration_number


def agreement_header() -> list[str]:
    return [
        _("Department"), _("Enterprise"), _("Organisation number"), _("Kind of agreement"), _("Title"),
        _("Start date"), _("End date"), _("Annual value (SEK)"), _("Contact person"), _("Support request"),
        _("Shown publicly"), _("Registration number"),
    ]


def agreement_rows(agreements):
    for agreement in agreements:
        yield [
            agreement.department.name,
            agreement.enterprise.name,
            formatted(agreement.enterprise.organisation_number),
            agreement.get_kind_display(),
            agreement.title,
            agreement.start_date.isoformat(),
            agreement.end_date.isoformat() if agreement.end_date else "",
            "" if agreement.annual_value is None else str(int(agreement.annual_value)),
            agreement.contact_person,
            agreement.source_request.reference if agreement.source_request_id else "",
            _("Yes") if agreement.is_public else _("No"),
            agreement.registration_number or "",
        ]


def agreements_csv(agreements) -> str:
    return "".join(csv_lines(agreement_header(), agreement_rows(with_registration_number(agreements))))


def agreements_xlsx(filename: str, agreements):
    """The same table as XLSX, built on disk (see core.exports)."""
    return xlsx_response(filename, agreement_header(), agreement_rows(with_registration_number(agreements).iterator(chunk_size=500)),
                         title=_("Agreements"))


def worklist_header() -> list[str]:
    return [
        _("Reference"), _("Subject"), _("Kind of support"), _("Applicant"), _("Enterprise"), _("Department"),
        _("Handler"), _("State"), _("Submitted"), _("Due"), _("Overdue"), _("Outcome"), _("Decided"),
        _("Registration number"),
    ]


def worklist_rows(support_requests):
    """The work list's rows, read in chunks (the queryset comes from
    ``selectors.worklist`` with the page's filters)."""
    for r in support_requests.iterator(chunk_size=500):
        yield [
            r.reference, r.subject, r.kind.name, str(r.applicant), r.enterprise.name if r.enterprise_id else "",
            r.department.name if r.department_id else "", str(r.handler) if r.handler_id else "",
            r.get_state_display(), timezone.localtime(r.submitted_at).date().isoformat() if r.submitted_at else "",
            r.due_date.isoformat() if r.due_date else "", _("Yes") if r.is_overdue else _("No"),
            r.get_outcome_display() if r.outcome else "",
            timezone.localtime(r.decided_at).date().isoformat() if r.decided_at else "",
            r.registration_number or "",
        ]


def worklist_export(file_format: str, support_requests):
    filename = f"stodarenden-{timezone.localdate():%Y-%m-%d}.{file_format}"
    rows = worklist_rows(with_registration_number(support_requests))
    if file_format == "xlsx":
        return xlsx_response(filename, worklist_header(), rows, title=_("Support requests"))
    return csv_response(filename, worklist_header(), rows)


def request_text(*, support_request, events, messages, attachments) -> str:
    """The request as the downloading user may see it (the caller passes
    messages and attachments already filtered for that user)."""
    return render_to_string(
        "support/request_export.txt",
        {"support_request": support_request, "events": events, "messages": messages, "attachments": attachments,
         "registration": registration_of(support_request)},
    )
