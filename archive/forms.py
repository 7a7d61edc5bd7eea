"""The records manager's forms: a rule of the records plan, a registration
series, which series each kind of case uses, and the disposal log's filter."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from records.constants import Action, CaseKind, RecordType, Trigger
from records.models import RetentionRule, Series, SeriesUse

from .disposal.registry import is_in_cases, triggers_for

MAX_PERIOD_MONTHS = 1200


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class RuleForm(forms.ModelForm):
    """One record type's rule. A disposal rule needs a period and the event
    it is counted from; every rule names the decision it rests on."""

    class Meta:
        model = RetentionRule
        fields = ["action", "period_months", "trigger", "deliver_first", "remove_after_receipt", "decision", "note"]
        widgets = {"action": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "period_months": _("For a disposal rule: how many months after the event the records go (12 = one year)."),
            "deliver_first": _("For a disposal rule: nothing goes before the case has been received by the e-archive."),
            "remove_after_receipt": _("For a keep rule: once the e-archive has received the case, the disposal job "
                                      "removes these records from the portal."),
        }

    def __init__(self, *args, record_type: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.record_type = record_type
        self.fields["action"].choices = Action.choices
        self.fields["trigger"].choices = [("", _("Choose the event"))] + [
            (value, Trigger(value).label) for value in triggers_for(record_type)
        ]
        self.fields["period_months"].min_value = 0
        self.fields["period_months"].widget.attrs.update({"min": 0, "max": MAX_PERIOD_MONTHS})
        self.fields["decision"].error_messages["required"] = _(
            "Enter the decision the rule rests on, for example KS 2025/117 § 4."
        )
        if not is_in_cases(record_type):
            # Records outside any case are never delivered to the e-archive.
            del self.fields["deliver_first"]
            del self.fields["remove_after_receipt"]

    def clean_period_months(self):
        months = self.cleaned_data.get("period_months")
        if months is not None and months > MAX_PERIOD_MONTHS:
            raise ValidationError(_("Enter at most %(max)s months (100 years).") % {"max": MAX_PERIOD_MONTHS})
        return months

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == Action.DISPOSE:
            if data.get("period_months") is None:
                self.add_error("period_months", _("A disposal rule needs a period: enter the number of months."))
            if not data.get("trigger"):
                self.add_error("trigger", _("A disposal rule needs the event its period is counted from."))
            if data.get("remove_after_receipt"):
                self.add_error("remove_after_receipt",
                               _("Only a keep rule removes records after the e-archive's receipt."))
        elif action == Action.KEEP:
            if data.get("deliver_first"):
                self.add_error("deliver_first", _("Delivering first applies only to a disposal rule."))
            if not data.get("remove_after_receipt") and (data.get("period_months") is not None or data.get("trigger")):
                self.add_error("period_months", _("A keep rule has no period, unless the records are removed from "
                                                  "the portal after the e-archive's receipt."))
        return data

    def save(self, commit=True):
        self.instance.record_type = self.record_type
        return super().save(commit=commit)


def check_number_format(value: str) -> str:
    if "{number" not in value:
        raise ValidationError(_("The format must contain {number}, for example {prefix} {year}/{number:04d}."))
    try:
        sample = value.format(prefix="KS", year=2026, number=42)
    except (KeyError, IndexError, ValueError):
        raise ValidationError(
            _("The format may use only {prefix}, {year} and {number}, for example {prefix} {year}/{number:04d}.")
        ) from None
    if len(sample) > 40:
        raise ValidationError(_("The numbers would be too long (at most 40 characters)."))
    return value


def check_pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error:
        raise ValidationError(_("This is not a valid regular expression.")) from None
    return value


class SeriesForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = ["prefix", "name", "number_format", "manual", "manual_pattern", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_registrations = bool(self.instance.pk) and self.instance.registrations.exists()
        if self.has_registrations:
            self.fields["prefix"].disabled = True
            self.fields["prefix"].help_text = _("The series has registration numbers, so its prefix stays.")
            self.fields["number_format"].help_text = _(
                "A new format applies to future numbers only; the numbers already given stay as they are."
            )

    def clean_prefix(self):
        prefix = self.cleaned_data["prefix"].strip().upper()
        if not re.fullmatch(r"[A-ZÅÄÖ0-9-]{1,10}", prefix):
            raise ValidationError(_("Use 1–10 capital letters, digits or hyphens, for example KS."))
        return prefix

    def clean_number_format(self):
        return check_number_format(self.cleaned_data["number_format"])

    def clean_manual_pattern(self):
        return check_pattern(self.cleaned_data["manual_pattern"])

    def clean(self):
        data = super().clean()
        if self.instance.pk and data.get("is_active") is False and self.instance.uses.exists():
            self.add_error("is_active", _("A kind of case is registered in this series: choose another series for "
                                          "it first."))
        return data


class SeriesUseForm(forms.Form):
    """Which series each kind of case is registered in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = dict(SeriesUse.objects.values_list("case_kind", "series_id"))
        series = Series.objects.filter(is_active=True)
        for value, label in CaseKind.choices:
            self.fields[value] = forms.ModelChoiceField(
                queryset=series, label=label, initial=current.get(value),
                error_messages={"required": _("Choose the series this kind of case is registered in."),
                                "invalid_choice": _("Choose one of the active series.")},
            )


class DisposalLogFilterForm(forms.Form):
    fran = forms.DateField(label=_("From"), required=False, widget=DateInput(),
                           error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")})
    till = forms.DateField(label=_("To"), required=False, widget=DateInput(),
                           error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")})
    typ = forms.ChoiceField(label=_("Record type"), required=False,
                            choices=[("", _("All record types"))] + RecordType.choices,
                            error_messages={"invalid_choice": _("Choose one of the record types.")})

    def clean(self):
        data = super().clean()
        if data.get("fran") and data.get("till") and data["fran"] > data["till"]:
            self.add_error("till", _("The end date cannot be before the start date."))
        return data
