"""Annual report rounds as registered cases (diarieföring).

The round is the case, registered when it is opened: the call for reports
is its first document (outgoing, to every department). Each submission of
a department's report is an incoming document from that department (a
returned report submitted again is a new one). When the last report of the
round is accepted the round closes: the compiled report goes to
Kommunstyrelsen as the outgoing document and the case is closed. A round
that gets new reports afterwards (a department added) opens again."""

from django.utils import timezone
from django.utils.translation import gettext_noop

from records import services as records
from records.constants import CaseKind, Direction, DocumentKind
from records.models import Registration
from records.texts import in_swedish

from .constants import ReportStatus
from .models import DepartmentReport, ReportingRound, ReportVersion

RECIPIENT = "Kommunstyrelsen"



def round_title(reporting_round: ReportingRound) -> str:
    return in_swedish(gettext_noop("Annual reports on the social economy policy %(year)s"), year=reporting_round.year)


def register_round(reporting_round: ReportingRound, *, by=None, typed_number: str = "") -> Registration | None:
    """Register the round and list what it already has (its call, the
    submitted versions of reports, the compiled report if every report is
    accepted). In a manual series without ``typed_number``: None."""
    existing = records.registration_for(reporting_round)
    if existing is not None:
        return existing
    if records.series_for(CaseKind.REPORTING_ROUND).manual and not typed_number:
        return None
    registration = records.register(
        reporting_round, case_kind=CaseKind.REPORTING_ROUND, title=round_title(reporting_round), by=by,
        at=reporting_round.opened_at or timezone.now(), typed_number=typed_number,
    )
    records.add_document(
        registration, kind=DocumentKind.ROUND_OPENED, direction=Direction.OUTGOING,
        description=in_swedish(gettext_noop("Request for annual reports %(year)s"), year=reporting_round.year),
        party=in_swedish(gettext_noop("Every department and municipal company")), record=reporting_round,
        on=timezone.localdate(reporting_round.opened_at) if reporting_round.opened_at else None,
    )
    versions = (ReportVersion.objects.filter(report__reporting_round=reporting_round)
                .select_related("report__department").order_by("submitted_at", "pk"))
    for version in versions:
        _add_version(registration, version)
    round_changed(reporting_round, registration=registration)
    return registration


def _add_version(registration: Registration, version: ReportVersion) -> None:
    records.add_document(
        registration, kind=DocumentKind.ANNUAL_REPORT, direction=Direction.INCOMING,
        description=in_swedish(gettext_noop("Annual report, version %(number)s"), number=version.number),
        party=version.report.department.name, record=version, on=timezone.localdate(version.submitted_at),
    )


def report_submitted(report: DepartmentReport, version: ReportVersion) -> None:
    registration = records.registration_for(report.reporting_round)
    if registration is not None:
        _add_version(registration, version)


def round_changed(reporting_round: ReportingRound, *, registration: Registration | None = None) -> None:
    """After a report was accepted or reports were added: close the round
    (with the compiled report) once every report is accepted, reopen it
    if it gained reports that are not."""
    registration = registration or records.registration_for(reporting_round)
    if registration is None:
        return
    reports = DepartmentReport.objects.filter(reporting_round=reporting_round)
    done = reports.exists() and not reports.exclude(status=ReportStatus.ACCEPTED).exists()
    if done and registration.closed_at is None:
        last = reports.order_by("-accepted_at").values_list("accepted_at", flat=True).first() or timezone.now()
        records.add_document(
            registration, kind=DocumentKind.COMPILED_REPORT, direction=Direction.OUTGOING,
            description=in_swedish(gettext_noop("Compiled report %(year)s"), year=reporting_round.year), party=RECIPIENT,
            record=reporting_round, on=timezone.localdate(last),
        )
        records.close(registration, at=last)
    elif not done and registration.closed_at is not None:
        records.reopen(registration)


def register_existing(*, by=None) -> int:
    """Register every round that has no number yet, oldest first."""
    registered = 0
    for reporting_round in ReportingRound.objects.order_by("opened_at", "pk"):
        if records.registration_for(reporting_round) is None:
            registered += register_round(reporting_round, by=by) is not None
    return registered
