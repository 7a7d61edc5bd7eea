"""Reference numbers STOD-<year>-<number>: sequential per year with no gaps.

The number is taken inside the submitting transaction from a per-year
counter row that is locked until commit, so concurrent submissions queue on
the row and a rolled-back submission gives its number back."""

from django.db import transaction
from django.db.models import F

from .models import ReferenceCounter

PREFIX = "STOD"


def format_reference(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:04d}"


def next_reference_number(*, year: int) -> int:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Reference numbers must be taken inside the submitting transaction.")
    # Create the year's row if it is missing; a concurrent creator makes this
    # a no-op (ON CONFLICT DO NOTHING) instead of an error.
    ReferenceCounter.objects.bulk_create([ReferenceCounter(year=year, last_number=0)], ignore_conflicts=True)
    counter = ReferenceCounter.objects.select_for_update().get(year=year)
    ReferenceCounter.objects.filter(pk=year).update(last_number=F("last_number") + 1)
    return counter.last_number + 1
