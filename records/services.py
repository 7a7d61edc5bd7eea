"""Registering cases and their documents: the one way the domain apps
write to the records. Every function runs inside the caller's transaction
(the case and its registration are written together or not at all)."""

from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .constants import CaseKind, Direction, DocumentKind
from .models import CaseDocument, Registration, Series, SeriesUse
from .numbers import check_typed_number, format_number, next_sequence


def series_for(case_kind: CaseKind):
    use = SeriesUse.objects.select_related("series").filter(case_kind=case_kind).first()
    return use.series if use is not None else default_series_use(case_kind).series


def default_series_use(case_kind: CaseKind) -> SeriesUse:
    """The default the data migration seeds (KS, Kommunstyrelsen, numbered
    by the portal) for a kind with no series configured, made again if the
    rows are missing (a test database emptied between tests). Safe when
    several transactions ask at once."""
    Series.objects.bulk_create([Series(prefix="KS", name="Kommunstyrelsen")], ignore_conflicts=True)
    series = Series.objects.get(prefix="KS")
    SeriesUse.objects.bulk_create([SeriesUse(case_kind=case_kind, series=series)], ignore_conflicts=True)
    return SeriesUse.objects.select_related("series").get(case_kind=case_kind)


def registration_for(case) -> Registration | None:
    return Registration.objects.filter(
        case_type=ContentType.objects.get_for_model(case), case_id=case.pk
    ).first()


@transaction.atomic
def register(case, *, case_kind: CaseKind, title: str, by=None, at: datetime | None = None,
             typed_number: str = "") -> Registration:
    """Give ``case`` its registration number in the series its kind uses.

    A case already registered keeps its number (the call is idempotent). In
    a manual series the number is ``typed_number``, checked for format and
    uniqueness (ValidationError with a Swedish message otherwise)."""
    existing = registration_for(case)
    if existing is not None:
        return existing
    at = at or timezone.now()
    series = series_for(case_kind)
    year = timezone.localdate(at).year if timezone.is_aware(at) else at.year
    if series.manual:
        number, sequence = check_typed_number(series, typed_number), None
    else:
        sequence = next_sequence(series, year=year)
        number = format_number(series, year=year, sequence=sequence)
    return Registration.objects.create(
        series=series, year=year, sequence=sequence, number=number, case_kind=case_kind,
        case_type=ContentType.objects.get_for_model(case), case_id=case.pk, title=title[:200],
        registered_at=at, registered_by=by if getattr(by, "is_authenticated", False) else None,
    )


@transaction.atomic
def add_document(registration: Registration, *, kind: DocumentKind, direction: Direction, description: str,
                 party: str = "", record=None, on: date | None = None) -> CaseDocument:
    """Append a document to the case's list, numbered 1, 2, 3 ... within the
    case (the registration row is locked so concurrent additions queue)."""
    Registration.objects.select_for_update().filter(pk=registration.pk).first()
    last = registration.documents.aggregate(last=Max("position"))["last"] or 0
    return CaseDocument.objects.create(
        registration=registration, position=last + 1, date=on or timezone.localdate(), direction=direction,
        kind=kind, party=party[:200], description=description[:200],
        record_type=ContentType.objects.get_for_model(record) if record is not None else None,
        record_id=record.pk if record is not None else None,
    )


def close(registration: Registration, *, at: datetime | None = None) -> None:
    """The case was closed: the records plan counts from here."""
    Registration.objects.filter(pk=registration.pk, closed_at__isnull=True).update(closed_at=at or timezone.now())


def reopen(registration: Registration) -> None:
    Registration.objects.filter(pk=registration.pk).update(closed_at=None)
