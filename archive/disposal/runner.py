"""The disposal job: apply every rule of the records plan that lets
records go, in batches, and write the disposal log.

A rule lets records go when its action is "dispose" (gallras), or when it
is "keep" (bevaras) with ``remove_after_receipt`` and the case's package has
been received by the e-archive. Record types without a rule are never
touched, nor is anything in a case that is not closed, nor (with
``deliver_first``) a case before the e-archive's receipt.

Each batch is a keyset page of ids handled in its own transaction: the
rows are locked and re-checked (another run may have done them), disposed
of, and logged as one ``DisposalLogEntry`` naming the rule's decision, the
count and the registration numbers concerned, never the content. A record
once disposed of is never selected again, so a second run finds nothing.
When every record of a case is gone its registration gets ``disposed_at``."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from records.constants import Action
from records.models import DisposalLogEntry, DisposalRun, RetentionRule

from .base import BATCH_SIZE, Due, keyset_batches
from .registry import DISPOSERS


@dataclass
class RuleOutcome:
    rule: RetentionRule
    count: int = 0
    numbers: list[str] = field(default_factory=list)
    # Cases concerned (the numbers may be limited for display).
    cases: int = 0


@dataclass
class PlanResult:
    as_of: date
    dry_run: bool
    outcomes: list[RuleOutcome] = field(default_factory=list)
    run: DisposalRun | None = None

    @property
    def total(self) -> int:
        return sum(outcome.count for outcome in self.outcomes)


def active_rules(record_types=None):
    """The rules that may let records go, in the plan's order (only those
    of ``record_types`` when given)."""
    rules = RetentionRule.objects.filter(Q(action=Action.DISPOSE) | Q(action=Action.KEEP, remove_after_receipt=True))
    if record_types is not None:
        rules = rules.filter(record_type__in=record_types)
    return rules.order_by("record_type")


def preview(*, today: date | None = None, numbers_limit: int | None = None, record_types=None) -> PlanResult:
    """What the job would dispose of on ``today``, per rule (changes nothing)."""
    today = today or timezone.localdate()
    result = PlanResult(as_of=today, dry_run=True)
    for rule in active_rules(record_types):
        disposer = DISPOSERS[rule.record_type]
        due = disposer.due(Due(rule, today))
        outcome = RuleOutcome(rule=rule, count=due.count())
        if outcome.count and disposer.case_model is not None:
            registrations = disposer.registrations_of(due.values(disposer.case_field)).order_by("number")
            outcome.cases = registrations.count()
            numbers = registrations.values_list("number", flat=True)
            outcome.numbers = list(numbers[:numbers_limit] if numbers_limit is not None else numbers)
        result.outcomes.append(outcome)
    return result


def apply_plan(*, today: date | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE,
               record_types=None) -> PlanResult:
    """Dispose of everything the plan says is due on ``today`` (of
    ``record_types`` only, when given)."""
    if dry_run:
        return preview(today=today, record_types=record_types)
    today = today or timezone.localdate()
    now = timezone.now()
    run = DisposalRun.objects.create(as_of=today)
    result = PlanResult(as_of=today, dry_run=False, run=run)
    touched: dict = defaultdict(set)
    for rule in active_rules(record_types):
        disposer = DISPOSERS[rule.record_type]
        outcome = RuleOutcome(rule=rule)
        for batch in keyset_batches(disposer.due(Due(rule, today)), batch_size):
            case_ids = _dispose_batch(disposer, rule, batch, today=today, now=now, run=run, outcome=outcome)
            if disposer.case_model is not None:
                touched[disposer.case_model].update(case_ids)
        outcome.cases = len(outcome.numbers)
        result.outcomes.append(outcome)
    for case_model, case_ids in touched.items():
        _mark_disposed(case_model, case_ids, now=now)
    DisposalRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    run.refresh_from_db()
    return result


def _dispose_batch(disposer, rule, batch, *, today, now, run, outcome) -> set[int]:
    with transaction.atomic():
        # Lock and re-check: another run may have done these meanwhile.
        ids = list(
            disposer.due(Due(rule, today)).filter(pk__in=batch).select_for_update(of=("self",))
            .order_by("pk").values_list("pk", flat=True)
        )
        if not ids:
            return set()
        case_ids = disposer.case_ids(ids)
        numbers = (
            sorted(disposer.registrations_of(case_ids).values_list("number", flat=True)) if case_ids else []
        )
        count = disposer.dispose(ids, now=now)
        DisposalLogEntry.objects.create(
            run=run, record_type=rule.record_type, action=rule.action, decision=rule.decision, count=count,
            registration_numbers=numbers,
        )
    outcome.count += count
    outcome.numbers += [number for number in numbers if number not in outcome.numbers]
    return case_ids


def _mark_disposed(case_model, case_ids: set[int], *, now) -> None:
    """Cases left with no content of any record type are marked disposed of."""
    remaining: set[int] = set()
    for disposer in DISPOSERS.values():
        if disposer.case_model is case_model:
            remaining |= disposer.cases_with_content(case_ids)
    gone = case_ids - remaining
    if gone:
        disposer = next(d for d in DISPOSERS.values() if d.case_model is case_model)
        disposer.registrations_of(gone).filter(disposed_at__isnull=True).update(disposed_at=now)
