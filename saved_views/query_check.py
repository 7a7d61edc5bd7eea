"""A saved query checked against the list's own filter form, as it is today.

A filter whose value no longer exists (a deleted category or kind, a sort
that is gone, a department made inactive) is left out and named; the rest
of the query is kept. Nothing here raises on bad input."""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from .constants import UNSAVED_PARAMETERS
from .lists import WorkList


@dataclass
class Dropped:
    label: str  # the filter's label
    values: list[str] = field(default_factory=list)  # what the dropped choices were called, when known

    def __str__(self) -> str:
        if not self.values:
            return f"“{self.label}”"
        return f"“{self.label}”: " + ", ".join(self.values)


@dataclass
class CheckedQuery:
    form: forms.Form  # bound to ``query`` only, validated
    query: QueryDict  # the part of the saved query that still applies
    dropped: list[Dropped]

    @property
    def query_string(self) -> str:
        return self.query.urlencode()


def _is_inactive(value) -> bool:
    return getattr(value, "is_active", True) is False


def _valid_alone(form_field, value) -> bool:
    try:
        cleaned = form_field.clean([value])
    except ValidationError:
        return False
    return not any(_is_inactive(item) for item in cleaned)


def _kept_values(form, name, form_field, values) -> list[str]:
    """The values of one parameter that still apply."""
    multiple = isinstance(form_field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
    if name in form.errors:
        return [value for value in values if _valid_alone(form_field, value)] if multiple else []
    cleaned = form.cleaned_data.get(name)
    if multiple and cleaned is not None and any(_is_inactive(item) for item in cleaned):
        return [value for value in values if _valid_alone(form_field, value)]
    return [] if _is_inactive(cleaned) else values


def check_query(work_list: WorkList, user, query_string: str, *, labels: dict | None = None,
                prepare=None) -> CheckedQuery:
    """``query_string`` as far as ``work_list``'s filter form accepts it for
    ``user``; ``labels`` names saved choices ({parameter: {value: name}}),
    ``prepare(form)`` runs on each form before it is validated."""
    labels = labels or {}
    data = QueryDict(query_string)
    form = work_list.form(user, data)
    if prepare:
        prepare(form)
    kept = QueryDict(mutable=True)
    dropped = []
    if form.is_bound:
        form.is_valid()
        for name, form_field in form.fields.items():
            key = form.add_prefix(name)
            values = [value for value in data.getlist(key) if value != ""]
            if not values or key in UNSAVED_PARAMETERS:
                continue
            good = _kept_values(form, name, form_field, values)
            if good:
                kept.setlist(key, good)
            bad = [value for value in values if value not in good]
            if bad:
                known = labels.get(key, {})
                dropped.append(Dropped(str(form_field.label), [known[value] for value in bad if value in known]))
    if dropped:
        form = work_list.form(user, kept.copy())
        if prepare:
            prepare(form)
        if form.is_bound:
            form.is_valid()
    return CheckedQuery(form, kept, dropped)


def choice_labels(checked: CheckedQuery) -> dict:
    """What each kept choice is called now ({parameter: {value: name}}), to store with a saved view."""
    form, result = checked.form, {}
    if not form.is_bound:
        return result
    for name, form_field in form.fields.items():
        key = form.add_prefix(name)
        values = checked.query.getlist(key)
        if not values or not isinstance(form_field, forms.ChoiceField | forms.ModelChoiceField):
            continue
        cleaned = form.cleaned_data.get(name)
        if isinstance(form_field, forms.ModelChoiceField | forms.ModelMultipleChoiceField):
            items = list(cleaned) if isinstance(form_field, forms.ModelMultipleChoiceField) else [cleaned]
            key_field = form_field.to_field_name or "pk"
            names = {str(getattr(item, key_field)): str(item) for item in items if item is not None}
        else:
            choices = {str(value): str(label) for value, label in form_field.choices}
            names = {value: choices[value] for value in values if value in choices}
        if names:
            result[key] = names
    return result
