"""Swedish organisation numbers (organisationsnummer): normalising,
validating and reading the legal-entity group from the first digit."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# First digit → the group of legal entities it belongs to (Bolagsverket).
GROUPS = {
    "1": _("estate of a deceased person"),
    "2": _("state, region, municipality or parish"),
    "3": _("foreign company"),
    "5": _("limited company (aktiebolag)"),
    "6": _("simple partnership"),
    "7": _("economic association (ekonomisk förening)"),
    "8": _("non-profit association or foundation"),
    "9": _("trading or limited partnership"),
}


def luhn_check_digit(nine_digits: str) -> int:
    total = 0
    for index, char in enumerate(nine_digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def normalise(raw: str) -> str:
    """Digits only, with the 12-digit "16" prefix removed."""
    compact = re.sub(r"[\s-]", "", raw or "")
    if len(compact) == 12 and compact.startswith("16"):
        compact = compact[2:]
    return compact


def validate_organisation_number(raw: str) -> None:
    number = normalise(raw)
    if number and not number.isdigit():
        raise ValidationError(
            _("An organisation number may contain only digits, a hyphen and spaces."), code="not_digits"
        )
    if len(number) != 10:
        raise ValidationError(
            _("An organisation number has ten digits (NNNNNN-NNNN); this one has %(count)d."),
            code="wrong_length",
            params={"count": len(number)},
        )
    if int(number[2]) < 2:
        raise ValidationError(
            _("The third digit must be 2 or more for a legal entity. This looks like a personal "
              "identity number, which the registry does not accept."),
            code="personal_number",
        )
    if luhn_check_digit(number[:9]) != int(number[9]):
        raise ValidationError(
            _("The check digit is wrong. Check the number again."),
            code="check_digit",
        )


def formatted(number: str) -> str:
    return f"{number[:6]}-{number[6:]}" if len(number) == 10 else number


def group_of(number: str):
    return GROUPS.get(number[:1])
