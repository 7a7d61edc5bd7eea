"""The files of one case in its package: a plain-text account of the case
(its facts and, for a support request, its conversation) and each document
of the case's list that is a file or a message of its own.

Text is UTF-8 with Swedish labels. In the conversation the applicant and
the officials appear by their role, not their name; what a document itself
says (an agreement's contact person, a message) is delivered as it is."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from policy_reports.models import FIGURE_FIELDS, TEXT_FIELDS
from records.constants import CaseKind
from records.models import CaseDocument, Registration

SUMMARY_NAME = "000-arende.txt"
TEXT = "text/plain"


class UnwritableDocument(Exception):
    """A document of the case cannot be put in the package (its stored file
    is gone); the package is not written."""


@dataclass
class ExportFile:
    """One file of the representation's ``data/`` folder."""

    name: str
    mimetype: str
    created: datetime
    data: bytes | None = None
    source: Path | None = None
    documents: list[CaseDocument] = field(default_factory=list)

    def write(self, folder: Path) -> Path:
        target = folder / self.name
        if self.source is not None:
            try:
                target.write_bytes(self.source.read_bytes())
            except OSError as error:
                raise UnwritableDocument(f"{self.name}: {error.strerror or error}") from error
        else:
            target.write_bytes(self.data or b"")
        return target


def case_files(registration: Registration, documents: list[CaseDocument]) -> list[ExportFile]:
    """The account of the case first, then one file per document that has
    content of its own; documents without one point at the account."""
    case = registration.case
    summary = ExportFile(SUMMARY_NAME, TEXT, registration.closed_at or registration.registered_at)
    files = [summary]
    # A message that is a document of its own is told in its file only (where
    # its secrecy mark, if any, restricts it), and the account points at it.
    elsewhere: dict[int, str] = {}
    for document in documents:
        if getattr(document, "record_gone", False):
            continue  # disposed of: described in ERMS, no file
        own = _document_file(document)
        if own is None:
            summary.documents.append(document)
        else:
            own.documents.append(document)
            files.append(own)
            if isinstance(getattr(document.record, "body", None), str):
                elsewhere[document.record_id] = f"handling {document.position} ({own.name})"
    summary.data = _summary(registration, case, elsewhere).encode("utf-8")
    return files


def _document_file(document: CaseDocument) -> ExportFile | None:
    record = document.record
    created = getattr(record, "uploaded_at", None) or getattr(record, "created_at", None) or _midnight(document.date)
    prefix = f"{document.position:03d}"
    stored = getattr(record, "file", None)
    if stored is not None and hasattr(record, "original_name"):
        try:
            source = Path(stored.path)
        except (ValueError, NotImplementedError) as error:
            raise UnwritableDocument(f"{document.description}: {error}") from error
        if not source.is_file():
            raise UnwritableDocument(f"Document {document.position} ({document.description}): the stored file is missing.")
        return ExportFile(f"{prefix}-{_safe_name(record.original_name)}",
                          record.content_type or "application/octet-stream", created, source=source)
    body = getattr(record, "body", None)
    if isinstance(body, str):
        heading = f"{document.get_kind_display()} {document.date:%Y-%m-%d}, {document.get_direction_display()}"
        return ExportFile(f"{prefix}-meddelande.txt", TEXT, created, data=f"{heading}\n\n{body}\n".encode())
    return None


def _safe_name(original: str) -> str:
    stem, dot, suffix = original.rpartition(".")
    if not dot:
        stem, suffix = original, ""
    safe = slugify(stem)[:80] or "fil"
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())[:10]
    return f"{safe}.{suffix}" if suffix else safe


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def _summary(registration: Registration, case, elsewhere: dict[int, str]) -> str:
    lines = [f"Diarienummer: {registration.number}", f"Ärendemening: {registration.title}",
             f"Ärendetyp: {registration.get_case_kind_display()}",
             f"Registrerat: {_when(registration.registered_at)}", f"Avslutat: {_when(registration.closed_at)}", ""]
    writer = {
        CaseKind.SUPPORT_REQUEST: _support_request,
        CaseKind.AGREEMENT: _agreement,
        CaseKind.REPORTING_ROUND: _reporting_round,
        CaseKind.ASF_CHECK: _asf_check,
    }.get(registration.case_kind)
    if case is not None and writer is not None:
        lines += writer(case, elsewhere)
    return "\n".join(lines).rstrip() + "\n"


def _when(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if timezone.is_aware(value) else f"{value:%Y-%m-%d}"
    return f"{value:%Y-%m-%d}"


def _block(label: str, text: str) -> list[str]:
    return [f"{label}:", (text or "–").strip(), ""]


def _support_request(request, elsewhere: dict[int, str]) -> list[str]:
    lines = [f"Referens: {request.reference}", f"Stödform: {request.kind}",
             f"Organisation: {request.enterprise or 'Planerat företag'}",
             f"Ansvarig förvaltning: {request.department or '–'}", f"Status: {request.get_state_display()}",
             f"Inkom: {_when(request.submitted_at)}", f"Beslutat: {_when(request.decided_at)}",
             f"Utfall: {request.get_outcome_display() or '–'}", ""]
    lines += _block("Ämne", request.subject) + _block("Beskrivning", request.description)
    lines += _block("Vad sökanden hoppas på", request.hoped_outcome)
    if request.forwarded_to:
        lines += _block(f"Lotsat till {request.forwarded_to} {_when(request.forwarded_on)}", request.forward_answer)
    lines += _block("Motivering till beslutet", request.outcome_reason)
    lines += ["Konversation:", ""]
    for message in request.messages.order_by("created_at", "pk"):
        if message.is_internal:
            who = "Intern anteckning"
        else:
            who = "Sökanden" if message.author_id == request.applicant_id else "Kommunen"
        body = f"Se {elsewhere[message.pk]}." if message.pk in elsewhere else message.body.strip()
        lines += [f"[{_when(message.created_at)}] {who}", body, ""]
    return lines


def _agreement(agreement, _elsewhere: dict[int, str]) -> list[str]:
    lines = [f"Rubrik: {agreement.title}", f"Typ: {agreement.get_kind_display()}",
             f"Förvaltning: {agreement.department}", f"Organisation: {agreement.enterprise}",
             f"Gäller: {_when(agreement.start_date)} – {_when(agreement.end_date)}",
             f"Årligt värde (kr): {agreement.annual_value if agreement.annual_value is not None else '–'}",
             f"Kontaktperson: {agreement.contact_person}", ""]
    return lines + _block("Beskrivning", agreement.description)


def _reporting_round(reporting_round, _elsewhere: dict[int, str]) -> list[str]:
    lines = [f"År: {reporting_round.year}", f"Sista dag: {_when(reporting_round.due_date)}", ""]
    for report in reporting_round.reports.select_related("department").order_by("department__name"):
        lines += [f"== {report.department} ({report.get_status_display()})",
                  f"Inlämnad: {_when(report.submitted_at)}", f"Godkänd: {_when(report.accepted_at)}"]
        for name in FIGURE_FIELDS:
            value = getattr(report, name)
            lines.append(f"{report._meta.get_field(name).verbose_name}: {'–' if value is None else value}")
        lines.append("")
        for name in TEXT_FIELDS:
            lines += _block(str(report._meta.get_field(name).verbose_name), getattr(report, name))
    return lines


def _asf_check(check, _elsewhere: dict[int, str]) -> list[str]:
    verdict = {True: "Uppfyller definitionen", False: "Uppfyller inte definitionen"}.get(check.is_asf, "–")
    lines = [f"Organisation: {check.enterprise}", f"Status: {check.get_status_display()}",
             f"Inlämnad: {_when(check.submitted_at)}", f"Beslutad: {_when(check.decided_on)}",
             f"Giltig till: {_when(check.valid_until)}", f"Bedömning: {verdict}", ""]
    if check.info_request:
        lines += _block("Begärda kompletteringar", check.info_request)
    for assessment in check.assessments.order_by("criterion"):
        lines += [f"Kriterium {assessment.criterion}: {assessment.get_verdict_display()}"]
        lines += _block("Företagets beskrivning", assessment.statement) + _block("Motivering", assessment.reasoning)
    return lines
