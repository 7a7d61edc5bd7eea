"""Checking many saved queries of one list in a fixed number of queries.

A model choice field looks its value up in the database each time a form is
validated: one query per saved view and field. ``ModelChoiceCache`` reads
the values of all the forms of a batch in one query per field and answers
the fields' lookups from it."""

from django import forms
from django.core.exceptions import ValidationError


def _model_fields(form):
    return {name: field for name, field in form.fields.items() if isinstance(field, forms.ModelChoiceField)}


def _lookup_value(field):
    return field.to_field_name or field.queryset.model._meta.pk.name


class ModelChoiceCache:
    def __init__(self, forms_to_check):
        self.objects = {}  # field name -> {str(value): object}
        forms_to_check = [form for form in forms_to_check if form.is_bound]
        if not forms_to_check:
            return
        for name, field in _model_fields(forms_to_check[0]).items():
            key = _lookup_value(field)
            model_field = field.queryset.model._meta.get_field(key)
            values = set()
            for form in forms_to_check:
                for value in form.data.getlist(form.add_prefix(name)):
                    try:
                        values.add(model_field.to_python(value))
                    except (ValidationError, ValueError, TypeError):
                        continue
            found = field.queryset.filter(**{f"{key}__in": values}) if values else []
            self.objects[name] = {str(getattr(item, key)): item for item in found}

    def install(self, form) -> None:
        """Make ``form``'s model choice fields answer from the cache."""
        for name, field in _model_fields(form).items():
            if name in self.objects:
                if isinstance(field, forms.ModelMultipleChoiceField):
                    field._check_values = _multiple_lookup(field, self.objects[name])
                else:
                    field.to_python = _single_lookup(field, self.objects[name])


def _single_lookup(field, known):
    def to_python(value):
        if value in field.empty_values:
            return None
        item = known.get(str(value))
        if item is None:
            raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice")
        return item
    return to_python


def _multiple_lookup(field, known):
    def check_values(values):
        items = []
        for value in values:
            item = known.get(str(value))
            if item is None:
                raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice",
                                      params={"value": value})
            items.append(item)
        queryset = field.queryset.filter(pk__in=[item.pk for item in items])
        queryset._result_cache = items  # already read: iterating it asks nothing more
        return queryset
    return check_values
