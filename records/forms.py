"""The postlista's date range, and the form where an official types the
number a case got in the municipality's own diarium."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .numbers import check_typed_number
from .selectors import MAX_DAYS, DateRange, default_range


class PostlistaForm(forms.Form):
    """``?fran=YYYY-MM-DD&till=YYYY-MM-DD``; both optional (the last 30 days)."""

    fran = forms.DateField(label=_("From"), required=False, input_formats=["%Y-%m-%d"],
                           widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"invalid": _("Enter the date as YYYY-MM-DD, for example 2026-03-01.")})
    till = forms.DateField(label=_("To"), required=False, input_formats=["%Y-%m-%d"],
                           widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"invalid": _("Enter the date as YYYY-MM-DD, for example 2026-03-31.")})

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        default = default_range()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start is None and end is None:
            start, end = default.start, default.end
        elif start is None:
            start = end - (default.end - default.start)
        elif end is None:
            end = max(start, default.end) if (default.end - start).days < MAX_DAYS else start
        if end < start:
            raise ValidationError(_("The end date cannot be before the start date."), code="reversed")
        if (end - start).days >= MAX_DAYS:
            raise ValidationError(_("Choose a period of at most one year."), code="too_long")
        cleaned["range"] = DateRange(start=start, end=end)
        return cleaned


class TypedNumberForm(forms.Form):
    """The registration number from the municipality's diarium, checked
    for the series' format and for uniqueness."""

    number = forms.CharField(label=_("Registration number"), max_length=40,
                             help_text=_("As given by the municipality's registry, for example KS 2026/42."))

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.series = series

    def clean_number(self):
        return check_typed_number(self.series, self.cleaned_data["number"])
