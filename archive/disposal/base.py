"""What every disposer shares: the rule's due window, the cases whose
records may go, keyset batches and the mark an emptied text gets.

A disposer handles one record type. It names the model, the field that
points at the record's case, which records still hold content
(``undisposed``), how the rule's event is read for one record
(``event_filter``) and how a locked batch is disposed of (``dispose``)."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Case, Q, QuerySet, Value, When
from django.utils import timezone

from records.constants import Action, Trigger
from records.models import Delivery, DeliveryPackage, Registration, RetentionRule

logger = logging.getLogger(__name__)

# What an emptied text reads (support requests' outcome_reason may not be
# empty on a closed request, so every removed text gets the same mark).
REMOVED = "–"
BATCH_SIZE = 500


@dataclass(frozen=True)
class Due:
    """A rule applied on ``today``: its event must lie before ``cutoff``."""

    rule: RetentionRule
    today: date

    @property
    def cutoff_date(self) -> date:
        """The last day the rule's event may fall on for the record to be due."""
        return self.today - relativedelta(months=self.rule.period_months or 0)

    @property
    def cutoff(self) -> datetime:
        """The first moment that is too late (the start of the day after ``cutoff_date``)."""
        return timezone.make_aware(datetime.combine(self.cutoff_date + timedelta(days=1), time.min))

    @property
    def trigger(self) -> str:
        # A keep rule removed after the receipt needs no event of its own.
        return self.rule.trigger or Trigger.CASE_CLOSED

    @property
    def needs_receipt(self) -> bool:
        return self.rule.action == Action.KEEP or self.rule.deliver_first


def emptied(name: str):
    """A text field's new value: empty stays empty, anything else is removed."""
    return Case(When(**{name: ""}, then=Value("")), default=Value(REMOVED))


def has_text(name: str) -> Q:
    """The field still holds text that has not been removed."""
    return ~Q(**{name: ""}) & ~Q(**{name: REMOVED})


def keyset_batches(queryset: QuerySet, size: int):
    """The matching ids in pages of ``size``, each a fresh keyset query (no
    cursor is held open while the rows are being changed)."""
    last = 0
    while batch := list(queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]):
        yield batch
        last = batch[-1]


def received_registrations() -> QuerySet:
    """Registrations whose package the e-archive has acknowledged."""
    return DeliveryPackage.objects.filter(delivery__status=Delivery.Status.RECEIVED).values("registration_id")


def delete_files(files) -> None:
    """After the batch's commit: the rows are gone, now their files."""
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:  # a stray file is logged, not fatal
            logger.warning("Could not delete %s after disposing of its record", name, exc_info=True)


class Disposer:
    """One record type's disposal. Subclasses set the class attributes and
    implement ``undisposed`` and ``dispose``."""

    record_type: str
    model = None
    # The model a registration points at (None: records outside any case).
    case_model = None
    # The record's field holding the case's primary key.
    case_field: str = ""
    # Trigger -> (the lookup the event is read from, whether it is a date
    # rather than a moment). Triggers missing here do not apply to the type.
    event_fields: dict = {}

    def undisposed(self) -> QuerySet:
        raise NotImplementedError

    def dispose(self, ids: list[int], *, now: datetime) -> int:
        """Dispose of the locked records ``ids`` (inside the batch's transaction)."""
        raise NotImplementedError

    # -- what the runner asks -------------------------------------------------

    def case_type(self):
        return ContentType.objects.get_for_model(self.case_model)

    def eligible_registrations(self, due: Due) -> QuerySet:
        """Closed cases (counted from their closing when the rule says so),
        delivered and received first where the rule needs it."""
        registrations = Registration.objects.filter(case_type=self.case_type(), closed_at__isnull=False)
        if due.trigger == Trigger.CASE_CLOSED:
            registrations = registrations.filter(closed_at__lt=due.cutoff)
        if due.needs_receipt:
            registrations = registrations.filter(pk__in=received_registrations())
        return registrations

    def event_filter(self, due: Due) -> Q:
        if due.trigger == Trigger.CASE_CLOSED:
            return Q()
        if due.trigger not in self.event_fields:
            # A rule counted from an event this type has not: nothing is due
            # (the plan's form refuses such rules).
            return Q(pk__in=[])
        field, is_date = self.event_fields[due.trigger]
        if is_date:
            return Q(**{f"{field}__lte": due.cutoff_date})
        return Q(**{f"{field}__lt": due.cutoff})

    def due(self, due: Due) -> QuerySet:
        """The records the rule disposes of on ``due.today``."""
        queryset = self.undisposed().filter(self.event_filter(due))
        if self.case_model is None:
            # Nothing outside a case is ever delivered, so a rule that waits
            # for the e-archive's receipt never lets such records go.
            return queryset.none() if due.needs_receipt else queryset
        case_ids = self.eligible_registrations(due).values("case_id")
        return queryset.filter(**{f"{self.case_field}__in": case_ids})

    def case_ids(self, ids: list[int]) -> set[int]:
        if self.case_model is None:
            return set()
        return set(self.model.objects.filter(pk__in=ids).values_list(self.case_field, flat=True))

    def registrations_of(self, case_ids) -> QuerySet:
        return Registration.objects.filter(case_type=self.case_type(), case_id__in=case_ids)

    def cases_with_content(self, case_ids) -> set[int]:
        """Of ``case_ids``, the cases that still hold records of this type."""
        return set(
            self.undisposed().filter(**{f"{self.case_field}__in": case_ids})
            .values_list(self.case_field, flat=True).distinct()
        )


class StoredFileDisposer(Disposer):
    """A private upload (``core.models.StoredFile``): disposing of it deletes
    the row, then the file once the batch has committed."""

    def undisposed(self):
        return self.model.objects.all()

    def dispose(self, ids, *, now):
        rows = self.model.objects.filter(pk__in=ids)
        files = [(row.file.storage, row.file.name) for row in rows.only("pk", "file")]
        rows.delete()
        transaction.on_commit(lambda: delete_files(files))
        return len(files)
