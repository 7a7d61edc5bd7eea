"""The case as ERMS (FGS Ärendehantering 2.0, E-ARK CITS ERMS): one
aggregation of type Casefile with its registration number, dates, kind and
status, and one record per document of the case's list with its direction,
party and date. Secrecy marks become ``Restriction`` elements
(RestrictionType "Confidential", the OSL provision as the regulation); the
records plan's rule for the record type becomes ``Disposal`` (kept or
disposed of, the period and the decision it rests on).

The element order is the schema's (``archive/standards/erms/ERMS.xsd``)."""

import uuid
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from lxml import etree

from records.constants import Action, Direction
from records.models import CaseDocument, Registration, RetentionRule, SecrecyMark

from .plan import CASE_RECORD_TYPE, DOCUMENT_RECORD_TYPE, period_start

NS = "https://DILCIS.eu/XML/ERMS"
SOFTWARE = "Sotenäs portal för social ekonomi"

DIRECTION = {
    Direction.INCOMING: "Incoming",
    Direction.OUTGOING: "Outgoing",
    Direction.INTERNAL: "Internal memo without follow-up",
}
PARTY_ROLE = {Direction.INCOMING: "Sender", Direction.OUTGOING: "Recipient"}


def organisation() -> str:
    return getattr(settings, "ARCHIVE_ORGANISATION", "Sotenäs kommun")


def iso(value) -> str:
    """An xs:dateTime with its offset."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time())
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def _el(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, f"{{{NS}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def system_identifier(kind: str, pk: int) -> str:
    """A stable UUID per object, so a package written again names the same things."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:sotenas-portal:{kind}:{pk}"))


def build_erms(*, registration: Registration, documents: list[CaseDocument], marks: list[SecrecyMark],
               rules: dict[str, RetentionRule], files_by_document: dict[int, list[str]], package_name: str,
               created: datetime) -> bytes:
    """The ERMS document of one case. ``files_by_document`` maps a
    document's pk to its files' paths relative to the ERMS file."""
    case = registration.case
    root = etree.Element(f"{{{NS}}}ERMS", nsmap={None: NS})
    _control(root, package_name, created)
    aggregation = _el(_el(root, "Aggregations"), "Aggregation",
                      SystemIdentifier=system_identifier("registration", registration.pk), AggregationType="Casefile")
    _el(aggregation, "ObjectID", registration.number)
    reference = getattr(case, "reference", "")
    if reference:
        _el(aggregation, "ExtraID", reference, ExtraIDType="Portal reference")
    _el(aggregation, "Title", registration.title)
    _el(aggregation, "Subject", registration.get_case_kind_display())
    _el(aggregation, "Status", "Closed" if registration.closed_at else "Open")
    by_item = _marks_by_item(marks)
    documented = {(d.record_type_id, d.record_id) for d in documents if d.record_id is not None}
    for mark in marks:  # marks on the case itself or on items not on the list
        if (mark.item_type_id, mark.item_id) not in documented:
            _restriction(aggregation, mark)
    _disposal(aggregation, rules.get(CASE_RECORD_TYPE.get(registration.case_kind)), registration, case)
    agents = _el(aggregation, "Agents")
    creator = _el(agents, "Agent", AgentType="Creator")
    _el(creator, "Name", organisation())
    _el(creator, "Organisation", organisation())
    department = getattr(case, "department", None)
    if department is not None:
        _el(creator, "UnitName", str(department))
    dates = _el(aggregation, "Dates")
    _el(dates, "Date", iso(registration.registered_at), DateType="Created")
    if registration.closed_at:
        _el(dates, "Date", iso(registration.closed_at), DateType="Closed")
    for document in documents:
        _record(aggregation, registration, case, document, by_item.get((document.record_type_id, document.record_id), []),
                rules, files_by_document.get(document.pk, []))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _control(root, package_name: str, created: datetime) -> None:
    control = _el(root, "Control")
    _el(control, "Identification", package_name, IdentificationType="Package")
    maintenance = _el(control, "MaintenanceInformation")
    _el(maintenance, "MaintenanceStatus", "new")
    agency = _el(maintenance, "MaintenanceAgency")
    _el(agency, "AgencyName", organisation())
    event = _el(_el(maintenance, "MaintenanceHistory"), "MaintenanceEvent")
    _el(event, "EventType", "Created")
    _el(event, "EventDateTime", iso(created))
    _el(_el(event, "Agent", AgentType="Creator"), "Name", SOFTWARE)


def _marks_by_item(marks: list[SecrecyMark]) -> dict:
    grouped: dict = {}
    for mark in marks:
        grouped.setdefault((mark.item_type_id, mark.item_id), []).append(mark)
    return grouped


def _restriction(parent, mark: SecrecyMark) -> None:
    restriction = _el(parent, "Restriction", RestrictionType="Confidential")
    what = f"Fältet {_field_label(mark)}: " if mark.field_name else ""
    _el(restriction, "ExplanatoryText", f"{what}Uppgift sekretessbelagd enligt {mark.provision}. {mark.reason}".strip())
    _el(restriction, "Regulation", mark.provision)
    _el(_el(restriction, "Dates"), "Date", iso(mark.marked_at), DateType="Confidentiality Assessed")


def _field_label(mark: SecrecyMark) -> str:
    model = ContentType.objects.get_for_id(mark.item_type_id).model_class()
    try:
        return str(model._meta.get_field(mark.field_name).verbose_name)
    except (AttributeError, FieldDoesNotExist):  # a model or field that no longer exists keeps its name
        return mark.field_name


def _disposal(parent, rule: RetentionRule | None, registration: Registration, case, document_date=None) -> None:
    if rule is None:
        return
    keep = rule.action == Action.KEEP
    disposal = _el(parent, "Disposal", Disposable="false" if keep else "true")
    _el(disposal, "DisposalScheduleID", rule.get_record_type_display())
    _el(disposal, "DisposalAction", "Bevaras" if keep else "Gallras")
    if not keep and rule.period_months is not None:
        _el(disposal, "DisposalPeriod", f"{rule.period_months} månader från att {rule.get_trigger_display()}")
    _el(disposal, "DisposalMandate", rule.decision)
    if rule.note:
        _el(disposal, "DisposalDescription", rule.note)
    start = period_start(registration, rule, case, document_date)
    dates = _el(disposal, "Dates")
    _el(dates, "DisposalDate", iso(start or registration.registered_at), DateType="Retention period start")


def _record(parent, registration, case, document: CaseDocument, marks, rules, paths: list[str]) -> None:
    record = _el(parent, "Record", SystemIdentifier=system_identifier("document", document.pk),
                 RecordType=document.get_kind_display(), RecordPhysicalOrDigital="Digitial")
    _el(record, "ObjectID", f"{registration.number}:{document.position}")
    _el(record, "Title", document.description)
    _el(record, "RunningNumber", str(document.position))
    for mark in marks:
        _restriction(record, mark)
    _disposal(record, rules.get(DOCUMENT_RECORD_TYPE.get(document.kind)), registration, case, document.date)
    _el(record, "Direction", DirectionDefinition=DIRECTION.get(document.direction, "Other"),
        OtherDirectionDefinition=None if document.direction in DIRECTION else document.direction)
    if document.party:
        role = PARTY_ROLE.get(document.direction)
        agent = _el(record, "Agent", AgentType=role or "Other", OtherAgentType=None if role else "Party")
        _el(agent, "Name", document.party)
    gone = " (gallrad ur portalen enligt dokumenthanteringsplanen)" if getattr(document, "record_gone", False) else ""
    _el(record, "Description", f"{document.get_kind_display()}{gone}")
    _el(_el(record, "Dates"), "Date", iso(document.date), DateType="Created")
    if paths:
        information = _el(record, "AdditionalInformation")
        for path in paths:
            _el(information, "Appendix", Name=path.rsplit("/", 1)[-1], Path=path)
