"""Registering the cases that existed before issue 16, for the data
migrations of the domain apps (support 0006, enterprises 0011,
policy_reports 0002). Works on the migrations' historical models only and
writes the same Swedish texts as the live code (``support.registration``,
``enterprises.registration``, ``policy_reports.registration``).

A series whose numbers are typed in from the municipality's diarium is
left alone: its cases show "not registered yet" and an official registers
them. (The leading underscore keeps Django from taking this for a migration.)"""

from datetime import datetime, time

from django.utils import timezone

INCOMING, OUTGOING, INTERNAL = "incoming", "outgoing", "internal"
OTHER_LEGAL_FORM = "other"


def organisation_name(enterprise) -> str:
    if enterprise is None or enterprise.legal_form == OTHER_LEGAL_FORM:
        return ""
    return enterprise.name


def local_day(moment):
    return timezone.localdate(moment) if moment else timezone.localdate()


def end_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


class Backfill:
    def __init__(self, apps):
        self.apps = apps
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.SeriesUse = apps.get_model("records", "SeriesUse")
        self.Counter = apps.get_model("records", "RegistrationCounter")
        self.Registration = apps.get_model("records", "Registration")
        self.CaseDocument = apps.get_model("records", "CaseDocument")
        self._types = {}
        self._positions = {}

    def content_type(self, model):
        key = (model._meta.app_label, model._meta.model_name)
        if key not in self._types:
            self._types[key] = self.ContentType.objects.get_or_create(app_label=key[0], model=key[1])[0]
        return self._types[key]

    def series(self, case_kind):
        use = self.SeriesUse.objects.filter(case_kind=case_kind).select_related("series").first()
        if use is None or use.series.manual:
            return None
        return use.series

    def register(self, case, *, case_kind: str, title: str, at):
        """The case's new registration, or None (already registered, or a manual series)."""
        case_type = self.content_type(type(case))
        if self.Registration.objects.filter(case_type=case_type, case_id=case.pk).exists():
            return None
        series = self.series(case_kind)
        if series is None:
            return None
        at = at or timezone.now()
        year = timezone.localdate(at).year
        counter, _ = self.Counter.objects.get_or_create(series=series, year=year, defaults={"last_number": 0})
        while True:  # skip a number someone typed in by hand
            counter.last_number += 1
            number = series.number_format.format(prefix=series.prefix, year=year, number=counter.last_number)
            if not self.Registration.objects.filter(number=number).exists():
                break
        counter.save(update_fields=["last_number"])
        registration = self.Registration.objects.create(
            series=series, year=year, sequence=counter.last_number, number=number, case_kind=case_kind,
            case_type=case_type, case_id=case.pk, title=title[:200], registered_at=at,
        )
        self._positions[registration.pk] = 0
        return registration

    def document(self, registration, *, kind: str, direction: str, description: str, party: str = "",
                 record=None, on=None) -> None:
        self._positions[registration.pk] += 1
        self.CaseDocument.objects.create(
            registration=registration, position=self._positions[registration.pk], date=on or timezone.localdate(),
            direction=direction, kind=kind, party=party[:200], description=description[:200],
            record_type=self.content_type(type(record)) if record is not None else None,
            record_id=record.pk if record is not None else None,
        )

    def close(self, registration, at) -> None:
        registration.closed_at = at
        registration.save(update_fields=["closed_at"])


# support ----------------------------------------------------------------------

AGREEMENT_KINDS = {
    "overenskommelse": "Överenskommelse",
    "samarbetsavtal": "Samarbetsavtal",
    "iop": "Idéburet offentligt partnerskap (IOP)",
    "reserved_contract": "Reserverat kontrakt",
    "placement": "Avtal om arbetsträningsplatser",
    "other": "Annat avtal",
}


def register_support(apps) -> None:
    """Submitted support requests and agreements, oldest first."""
    SupportRequest = apps.get_model("support", "SupportRequest")
    Agreement = apps.get_model("support", "Agreement")
    backfill = Backfill(apps)
    cases = [(r.submitted_at, 0, r.pk, r) for r in SupportRequest.objects.exclude(submitted_at=None)
             .select_related("kind", "enterprise", "department")]
    cases += [(a.created_at, 1, a.pk, a) for a in Agreement.objects.select_related("department", "enterprise")]
    for _when, which, _pk, case in sorted(cases, key=lambda entry: entry[:3]):
        if which == 0:
            _register_request(backfill, case)
        else:
            _register_agreement(backfill, case)


def _register_request(backfill: Backfill, support_request) -> None:
    organisation = organisation_name(support_request.enterprise)
    title = f"Ansökan om stöd: {support_request.kind.name}" + (f", {organisation}" if organisation else "")
    registration = backfill.register(support_request, case_kind="support_request", title=title,
                                     at=support_request.submitted_at)
    if registration is None:
        return
    applicant = organisation or "Sökande"
    department = support_request.department.name if support_request.department_id else "Kommunen"
    entries = [(support_request.submitted_at, 0, support_request.pk, "application", support_request)]
    questions = set()
    for event in support_request.events.all():
        if event.move in ("request_info", "forward", "decide"):
            entries.append((event.created_at, 1, event.pk, event.move, event))
            if event.move == "request_info":
                questions.add((event.actor_id, event.comment.strip()))
    for message in support_request.messages.all():
        key = (message.author_id, message.body.strip())
        if key in questions and not message.is_internal:
            questions.discard(key)
            continue
        entries.append((message.created_at, 2, message.pk, "message", message))
    for attachment in support_request.attachments.all():
        entries.append((attachment.uploaded_at, 3, attachment.pk, "attachment", attachment))
    start = support_request.submitted_at
    entries = [(max(when or start, start), order, pk, what, item) for when, order, pk, what, item in entries]
    for when, _order, _pk, what, item in sorted(entries, key=lambda entry: entry[:3]):
        day = local_day(when)
        if what == "application":
            backfill.document(registration, kind="application", direction=INCOMING, description="Ansökan om stöd",
                              party=applicant, record=item, on=day)
        elif what == "message":
            if item.is_internal:
                args = ("internal_note", INTERNAL, "Intern anteckning", department)
            elif item.author_id == support_request.applicant_id:
                args = ("message", INCOMING, "Meddelande från sökande", applicant)
            else:
                args = ("message", OUTGOING, "Meddelande till sökande", applicant)
            backfill.document(registration, kind=args[0], direction=args[1], description=args[2], party=args[3],
                              record=item, on=day)
        elif what == "attachment":
            if item.is_internal:
                direction, party = INTERNAL, department
            elif item.uploaded_by_id == support_request.applicant_id:
                direction, party = INCOMING, applicant
            else:
                direction, party = OUTGOING, applicant
            backfill.document(registration, kind="attachment", direction=direction, description="Bilaga",
                              party=party, record=item, on=day)
        elif what == "request_info":
            backfill.document(registration, kind="request_info", direction=OUTGOING,
                              description="Begäran om komplettering", party=applicant, record=item, on=day)
        elif what == "forward":
            backfill.document(registration, kind="forwarding", direction=OUTGOING,
                              description="Ärendet överlämnat till extern part", party=support_request.forwarded_to,
                              record=item, on=day)
        elif what == "decide":
            backfill.document(registration, kind="decision", direction=OUTGOING, description="Beslut om ansökan",
                              party=applicant, record=item, on=day)
    if support_request.ended_at is not None:
        backfill.close(registration, support_request.ended_at)


def _register_agreement(backfill: Backfill, agreement) -> None:
    organisation = organisation_name(agreement.enterprise)
    kind = AGREEMENT_KINDS.get(agreement.kind, agreement.kind)
    title = f"Avtal: {kind}, {agreement.department.name}" + (f", {organisation}" if organisation else "")
    registration = backfill.register(agreement, case_kind="agreement", title=title, at=agreement.created_at)
    if registration is None:
        return
    party = organisation or "Företaget"
    backfill.document(registration, kind="agreement", direction=OUTGOING, description="Avtal", party=party,
                      record=agreement, on=local_day(agreement.created_at))
    for attachment in agreement.attachments.order_by("uploaded_at", "pk"):
        backfill.document(registration, kind="agreement_attachment", direction=OUTGOING,
                          description="Bilaga till avtalet", party=party, record=attachment,
                          on=local_day(attachment.uploaded_at))
    if agreement.end_date is not None and agreement.end_date < timezone.localdate():
        backfill.close(registration, end_of(agreement.end_date))


# enterprises --------------------------------------------------------------------

def register_checks(apps) -> None:
    """Submitted ASF checks, oldest first, with their evidence and decision."""
    DefinitionCheck = apps.get_model("enterprises", "DefinitionCheck")
    backfill = Backfill(apps)
    for check in DefinitionCheck.objects.exclude(submitted_at=None).select_related("enterprise").order_by(
            "submitted_at", "pk"):
        organisation = organisation_name(check.enterprise)
        title = "Prövning mot ASF-definitionen" + (f": {organisation}" if organisation else "")
        registration = backfill.register(check, case_kind="asf_check", title=title, at=check.submitted_at)
        if registration is None:
            continue
        party = organisation or "Företaget"
        backfill.document(registration, kind="asf_check", direction=INCOMING,
                          description="Ansökan om prövning mot ASF-definitionen", party=party, record=check,
                          on=local_day(check.submitted_at))
        for evidence in check.evidence.order_by("uploaded_at", "pk"):
            backfill.document(registration, kind="evidence", direction=INCOMING,
                              description=f"Underlag för kriterium {evidence.criterion}", party=party,
                              record=evidence, on=local_day(evidence.uploaded_at))
        if check.status == "decided" and check.decided_on is not None:
            backfill.document(registration, kind="decision", direction=OUTGOING,
                              description="Beslut om prövning mot ASF-definitionen", party=party, record=check,
                              on=check.decided_on)
            backfill.close(registration, timezone.make_aware(datetime.combine(check.decided_on, time(12))))


# policy_reports -----------------------------------------------------------------

def register_rounds(apps) -> None:
    """Reporting rounds, oldest first, with the submitted reports' versions."""
    ReportingRound = apps.get_model("policy_reports", "ReportingRound")
    ReportVersion = apps.get_model("policy_reports", "ReportVersion")
    DepartmentReport = apps.get_model("policy_reports", "DepartmentReport")
    backfill = Backfill(apps)
    for reporting_round in ReportingRound.objects.order_by("opened_at", "pk"):
        year = reporting_round.year
        registration = backfill.register(
            reporting_round, case_kind="reporting_round",
            title=f"Årlig rapportering om policyn för social ekonomi {year}", at=reporting_round.opened_at,
        )
        if registration is None:
            continue
        backfill.document(registration, kind="round_opened", direction=OUTGOING,
                          description=f"Begäran om årsrapporter {year}",
                          party="Samtliga förvaltningar och kommunala bolag", record=reporting_round,
                          on=local_day(reporting_round.opened_at))
        versions = ReportVersion.objects.filter(report__reporting_round=reporting_round).select_related(
            "report__department").order_by("submitted_at", "pk")
        for version in versions:
            backfill.document(registration, kind="annual_report", direction=INCOMING,
                              description=f"Årsrapport, version {version.number}",
                              party=version.report.department.name, record=version,
                              on=local_day(version.submitted_at))
        reports = DepartmentReport.objects.filter(reporting_round=reporting_round)
        if reports.exists() and not reports.exclude(status="accepted").exists():
            last = reports.order_by("-accepted_at").values_list("accepted_at", flat=True).first() or timezone.now()
            backfill.document(registration, kind="compiled_report", direction=OUTGOING,
                              description=f"Sammanställd rapport {year}", party="Kommunstyrelsen",
                              record=reporting_round, on=local_day(last))
            backfill.close(registration, last)
