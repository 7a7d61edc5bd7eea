"""Registration numbers: taken from a per-series, per-year counter row that
is locked until the registering transaction commits (gap-free under
concurrent registrations, as the STOD references are), or typed in from the
municipality's own diarium and checked against the series' pattern."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from .models import Registration, RegistrationCounter, Series


def format_number(series: Series, *, year: int, sequence: int) -> str:
    return series.number_format.format(prefix=series.prefix, year=year, number=sequence)


def next_sequence(series: Series, *, year: int) -> int:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Registration numbers must be taken inside the registering transaction.")
    RegistrationCounter.objects.bulk_create(
        [RegistrationCounter(series=series, year=year, last_number=0)], ignore_conflicts=True
    )
    counter = RegistrationCounter.objects.select_for_update().get(series=series, year=year)
    RegistrationCounter.objects.filter(pk=counter.pk).update(last_number=F("last_number") + 1)
    return counter.last_number + 1


def check_typed_number(series: Series, number: str) -> str:
    """A number typed in from the municipality's diarium, stripped, or a
    ValidationError in Swedish saying what is wrong with it."""
    number = " ".join((number or "").split())
    if not number:
        raise ValidationError(_("Enter the registration number from the municipality's registry."), code="required")
    if not re.fullmatch(series.manual_pattern, number):
        raise ValidationError(
            _("%(number)s does not look like a registration number in the series %(prefix)s.")
            % {"number": number, "prefix": series.prefix},
            code="format",
        )
    if Registration.objects.filter(number=number).exists():
        raise ValidationError(_("The registration number %(number)s is already used.") % {"number": number},
                              code="unique")
    return number
