"""Form fields hardened against hostile input."""

from django import forms
from django.core.exceptions import ValidationError

from .params import whole_number


class IdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ``ModelMultipleChoiceField`` over integer ids that refuses an id
    past the database's range before it is queried: Django's own check
    passes it on, and SQLite then fails with an OverflowError (a 500)."""

    def _check_values(self, value):
        if (self.to_field_name or "pk") == "pk":
            for pk in value:
                if whole_number(str(pk)) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)
