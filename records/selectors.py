"""Reads of the registrations: a case's number and document list, the
number as a column of a domain queryset, and the public list (postlista)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from .models import CaseDocument, Registration, SecrecyMark

# A case's title is secret when the whole case, or the registration's own
# title, carries a standing mark (fields named here on the case are its title).
TITLE_FIELDS = ("", "title", "subject")


def registration_of(case) -> Registration | None:
    """The case's registration with its series (None while unregistered)."""
    if case is None or case.pk is None:
        return None
    return (
        Registration.objects.select_related("series")
        .filter(case_type=ContentType.objects.get_for_model(case), case_id=case.pk)
        .first()
    )


def documents_of(registration: Registration) -> QuerySet:
    return registration.documents.order_by("position")


def with_registration_number(queryset: QuerySet, *, name: str = "registration_number") -> QuerySet:
    """Annotate each row of a domain queryset (support requests, agreements,
    ...) with its registration number, in the same query."""
    case_type = ContentType.objects.get_for_model(queryset.model)
    number = Registration.objects.filter(case_type=case_type, case_id=OuterRef("pk")).values("number")[:1]
    return queryset.annotate(**{name: Subquery(number)})


# The public list --------------------------------------------------------------

DEFAULT_DAYS = 30
MAX_DAYS = 366


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date

    def bounds(self) -> tuple[datetime, datetime]:
        """Aware datetimes from the start of ``start`` to the end of ``end`` (local time)."""
        tz = timezone.get_current_timezone()
        return (
            timezone.make_aware(datetime.combine(self.start, time.min), tz),
            timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min), tz),
        )


def default_range(today: date | None = None) -> DateRange:
    today = today or timezone.localdate()
    return DateRange(start=today - timedelta(days=DEFAULT_DAYS - 1), end=today)


def postlista(date_range: DateRange) -> QuerySet:
    """Cases registered within the range, oldest first, with their documents
    (one query for the page's documents, whatever the page's size)."""
    start, end = date_range.bounds()
    return (
        Registration.objects.filter(registered_at__gte=start, registered_at__lt=end)
        .select_related("series")
        .prefetch_related(Prefetch("documents", queryset=CaseDocument.objects.order_by("position")))
        .order_by("registered_at", "pk")
    )


@dataclass(frozen=True)
class SecretItems:
    """What of a page of registrations carries a standing secrecy mark."""

    titles: frozenset  # registration ids whose title is secret
    records: frozenset  # (content type id, object id) of marked records

    def title_is_secret(self, registration: Registration) -> bool:
        return registration.pk in self.titles

    def document_is_secret(self, document: CaseDocument) -> bool:
        return document.record_type_id is not None and (document.record_type_id, document.record_id) in self.records


def secret_items(registrations) -> SecretItems:
    """One query for the standing marks of every case on the page."""
    registrations = list(registrations)
    if not registrations:
        return SecretItems(frozenset(), frozenset())
    registration_type = ContentType.objects.get_for_model(Registration)
    by_pk = {registration.pk: registration for registration in registrations}
    marks = SecrecyMark.objects.filter(registration__in=by_pk, removed_at__isnull=True).values_list(
        "registration_id", "item_type_id", "item_id", "field_name"
    )
    titles, records = set(), set()
    for registration_id, item_type_id, item_id, field_name in marks:
        registration = by_pk[registration_id]
        records.add((item_type_id, item_id))
        on_registration = (item_type_id, item_id) == (registration_type.pk, registration.pk)
        on_case_title = (item_type_id, item_id) == (registration.case_type_id, registration.case_id) and (
            field_name in TITLE_FIELDS)
        if on_registration or on_case_title:
            titles.add(registration_id)
    return SecretItems(frozenset(titles), frozenset(records))
