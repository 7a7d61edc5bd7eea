"""The records manager's delivery forms: a new delivery and the e-archive's receipt."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records.models import Series


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DeliveryForm(forms.Form):
    series = forms.ModelChoiceField(
        label=_("Series"), queryset=Series.objects.order_by("prefix"), empty_label=_("Choose a series"),
        error_messages={"required": _("Choose the series to deliver."),
                        "invalid_choice": _("Choose one of the series in the list.")},
    )
    closed_before = forms.DateField(
        label=_("Cases closed before"), widget=DateInput,
        help_text=_("Every case of the series closed before this date and not yet delivered is exported."),
        error_messages={"required": _("Enter a date as YYYY-MM-DD."), "invalid": _("Enter a date as YYYY-MM-DD.")},
    )

    def clean_closed_before(self):
        day = self.cleaned_data["closed_before"]
        if day < date(2000, 1, 1) or day > timezone.localdate().replace(year=timezone.localdate().year + 1):
            raise ValidationError(_("Enter a date between 2000-01-01 and a year from today."))
        return day


class ReceiptForm(forms.Form):
    reference = forms.CharField(
        label=_("The e-archive's receipt reference"), max_length=120,
        help_text=_("The reference or number on the receipt the e-archive sent."),
        error_messages={"required": _("Enter the e-archive's receipt reference.")},
    )
    received_on = forms.DateField(
        label=_("Date of the receipt"), widget=DateInput, initial=timezone.localdate,
        error_messages={"required": _("Enter a date as YYYY-MM-DD."), "invalid": _("Enter a date as YYYY-MM-DD.")},
    )
