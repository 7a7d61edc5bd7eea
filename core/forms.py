"""Form helpers every app shares."""

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
