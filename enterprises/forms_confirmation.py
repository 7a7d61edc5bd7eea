"""The yearly confirmation's form: nothing to fill in for a representative
(one click), a note of how it was confirmed for an official."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .confirmation import NOTE_MAX_LENGTH


class ConfirmForm(forms.Form):
    note = forms.CharField(
        label=_("How were the details confirmed?"), max_length=NOTE_MAX_LENGTH,
        help_text=_("For example “confirmed by phone 2027-03-04”. Shown to officials only."),
    )

    def __init__(self, *args, official: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not official:
            del self.fields["note"]
