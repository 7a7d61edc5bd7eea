"""ASF definition checks as registered cases (diarieföring).

A check is registered when it is first submitted (a draft is the
enterprise's own work, not yet a record of the municipality): the check
itself is the incoming document, with every evidence file sent with it.
Evidence added later, a request for more information (outgoing), the
completed check sent again (incoming) and the decision (outgoing) follow;
the decision closes the case. The texts are in Swedish and name the
enterprise only where it is an organisation."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_noop

from records import services as records
from records.constants import CaseKind, Direction, DocumentKind
from records.models import Registration
from records.texts import in_swedish

from .constants import LegalForm
from .models import DefinitionCheck, Evidence


def organisation_name(enterprise) -> str:
    """An enterprise's name where it is an organisation; empty for none, or
    for a legal form that may be a private person's own firm (the name would
    be theirs). What the records may name as a party or in a title."""
    if enterprise is None or enterprise.legal_form == LegalForm.OTHER:
        return ""
    return enterprise.name


def check_title(check: DefinitionCheck) -> str:
    title = in_swedish(gettext_noop("Check against the ASF definition"))
    organisation = organisation_name(check.enterprise)
    return f"{title}: {organisation}" if organisation else title


def _party(check: DefinitionCheck) -> str:
    return organisation_name(check.enterprise) or in_swedish(gettext_noop("The enterprise"))


def register_check(check: DefinitionCheck, *, by=None, typed_number: str = "") -> Registration | None:
    """Register a submitted check with its evidence (and its decision, for
    a check decided before registration existed)."""
    existing = records.registration_for(check)
    if existing is not None:
        return existing
    if records.series_for(CaseKind.ASF_CHECK).manual and not typed_number:
        return None
    at = check.submitted_at or check.created_at or timezone.now()
    registration = records.register(check, case_kind=CaseKind.ASF_CHECK, title=check_title(check), by=by, at=at,
                                    typed_number=typed_number)
    records.add_document(registration, kind=DocumentKind.ASF_CHECK, direction=Direction.INCOMING,
                         description=in_swedish(gettext_noop("Application for a check against the ASF definition")),
                         party=_party(check), record=check, on=timezone.localdate(at))
    for evidence in check.evidence.order_by("uploaded_at", "pk"):
        evidence_added(check, evidence, registration=registration)
    if check.status == DefinitionCheck.Status.DECIDED:
        _add_decision(registration, check)
    return registration


def evidence_added(check: DefinitionCheck, evidence: Evidence, *, registration=None) -> None:
    registration = registration or records.registration_for(check)
    if registration is None:
        return
    records.add_document(registration, kind=DocumentKind.EVIDENCE, direction=Direction.INCOMING,
                         description=in_swedish(gettext_noop("Evidence for criterion %(number)s"), number=evidence.criterion),
                         party=_party(check), record=evidence, on=timezone.localdate(evidence.uploaded_at))


def _add_decision(registration: Registration, check: DefinitionCheck) -> None:
    records.add_document(registration, kind=DocumentKind.DECISION, direction=Direction.OUTGOING,
                         description=in_swedish(gettext_noop("Decision on the check against the ASF definition")),
                         party=_party(check), record=check, on=check.decided_on)
    if check.decided_on is None or check.decided_on == timezone.localdate():
        decided_at = timezone.now()
    else:  # a check decided before it was registered
        decided_at = timezone.make_aware(datetime.combine(check.decided_on, time(12)))
    records.close(registration, at=decided_at)


def check_moved(check: DefinitionCheck, action: str) -> None:
    """After ``workflow.check_move`` (in its transaction)."""
    registration = records.registration_for(check)
    if action == "submit":
        if registration is None:
            register_check(check)  # by the portal itself, not by the enterprise
        else:  # completed after a request for more information
            records.add_document(registration, kind=DocumentKind.ASF_CHECK, direction=Direction.INCOMING,
                                 description=in_swedish(gettext_noop("Completed check against the ASF definition")),
                                 party=_party(check))
        return
    if registration is None:
        return
    if action == "request_info":
        records.add_document(registration, kind=DocumentKind.REQUEST_FOR_INFORMATION, direction=Direction.OUTGOING,
                             description=in_swedish(gettext_noop("Request for more information")), party=_party(check))
    elif action == "decide":
        _add_decision(registration, check)


def register_existing(*, by=None) -> int:
    """Register every submitted check that has no number yet, oldest first."""
    registered = 0
    checks = DefinitionCheck.objects.exclude(submitted_at=None).select_related("enterprise").order_by(
        "submitted_at", "pk")
    for check in checks:
        if records.registration_for(check) is None:
            registered += register_check(check, by=by) is not None
    return registered
