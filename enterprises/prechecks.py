"""Hints for the reviewer from the organisation number: never verdicts."""

from django.utils.translation import gettext as _

from .constants import LegalForm
from .models import Enterprise
from .orgnr import group_of

EXPECTED_GROUP = {
    LegalForm.ECONOMIC_ASSOCIATION: "7",
    LegalForm.LIMITED_COMPANY: "5",
    LegalForm.LIMITED_COMPANY_SVB: "5",
    LegalForm.NON_PROFIT_ASSOCIATION: "8",
    LegalForm.FOUNDATION: "8",
}


def orgnr_hints(enterprise: Enterprise) -> list[str]:
    number = enterprise.organisation_number
    group = group_of(number)
    hints = []
    if group is not None:
        hints.append(_("The first digit (%(digit)s) means: %(group)s.") % {"digit": number[0], "group": group})
    if number.startswith("2"):
        hints.append(_("A public body cannot be organisationally independent of the public sector (criterion 4)."))
    expected = EXPECTED_GROUP.get(enterprise.legal_form)
    if expected and number[0] != expected:
        hints.append(
            _("The stated legal form (%(form)s) does not match the organisation number's group: check both.")
            % {"form": enterprise.get_legal_form_display()}
        )
    return hints
