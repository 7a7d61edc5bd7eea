"""Writes of the records manager's pages: the plan's rules and the series.
The change history (simple_history) records who changed what."""

from django.db import transaction

from records.models import RetentionRule, Series, SeriesUse


@transaction.atomic
def save_rule(form, *, by) -> RetentionRule:
    rule = form.save(commit=False)
    rule.updated_by = by
    if rule.action == "keep" and not rule.remove_after_receipt:
        rule.period_months, rule.trigger = None, ""
    rule.save()
    return rule


@transaction.atomic
def save_series(form) -> Series:
    return form.save()


@transaction.atomic
def save_series_uses(cleaned_data: dict) -> int:
    """Point each kind of case at its series; returns how many changed."""
    changed = 0
    current = {use.case_kind: use for use in SeriesUse.objects.select_for_update()}
    for case_kind, series in cleaned_data.items():
        use = current.get(case_kind)
        if use is None:
            SeriesUse.objects.create(case_kind=case_kind, series=series)
            changed += 1
        elif use.series_id != series.pk:
            use.series = series
            use.save()
            changed += 1
    return changed
