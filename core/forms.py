"""Form helpers every app shares: the free-text reminder about personal
data, and a service's refusal shown on the form."""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# One reminder at every free-text field where people write about a case:
# the portal must never hold special-category data or data about an
# individual participant (see the privacy page).
PERSONAL_DATA_REMINDER = _(
    "Do not write sensitive personal data (for example about health) or anything about individual participants."
)


def with_personal_data_reminder(help_text=None):
    """``help_text`` followed by the reminder (or the reminder alone)."""
    if help_text:
        return format_lazy("{} {}", help_text, PERSONAL_DATA_REMINDER)
    return PERSONAL_DATA_REMINDER


def remind_about_personal_data(form, *field_names: str) -> None:
    """Add the reminder to the named free-text fields the form has."""
    for name in field_names:
        field = form.fields.get(name)
        if field is not None and str(PERSONAL_DATA_REMINDER) not in str(field.help_text):
            field.help_text = with_personal_data_reminder(field.help_text)


def add_service_errors(form, error: ValidationError, *, model=None) -> None:
    """Show a service's ValidationError on the form: each message on the
    field it names where the form has that field, otherwise above the form
    (prefixed with the field's name when it is about a field the form does
    not show; the name comes from the form's model, or ``model``)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        if field in form.fields:
            form.add_error(field, messages)
        elif field == NON_FIELD_ERRORS:
            form.add_error(None, messages)
        else:
            label = _field_label(form, field, model)
            form.add_error(None, [f"{label}: {message}" for message in messages])


def _field_label(form, field: str, model) -> str:
    model = getattr(getattr(form, "_meta", None), "model", None) or model
    try:
        return str(model._meta.get_field(field).verbose_name).capitalize()
    except (AttributeError, FieldDoesNotExist):  # no model, or not its field: show the name
        return field


# Required fields ------------------------------------------------------------------
# Every required field shows the asterisk (explained above the form) and
# carries ``required`` or ``aria-required`` (templates/bootstrap5/ overrides
# crispy's field and form templates for that).

def mark_required(form, *field_names: str) -> None:
    """Show fields as required that the form checks only on some submissions
    (a draft may leave them empty; submitting it may not)."""
    for name in field_names:
        field = form.fields.get(name)
        if field is not None:
            field.widget.attrs["aria-required"] = "true"
            field.shown_required = True


def shows_required(field) -> bool:
    """Whether the (bound) field is shown as required."""
    field = getattr(field, "field", field)
    return field.required or getattr(field, "shown_required", False)


def has_required_fields(form) -> bool:
    return any(shows_required(bound) for bound in form.visible_fields())
