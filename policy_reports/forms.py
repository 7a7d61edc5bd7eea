"""Forms check the shape of input; the rules live in the services."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.fields import IdsMultipleChoiceField
from core.forms import mark_required, remind_about_personal_data, with_personal_data_reminder
from core.uploads import PDF_ONLY, validate_upload

from .dates import default_round_due_date
from .models import (
    AMOUNT_FIELDS,
    FIGURE_FIELDS,
    REQUIRED_TEXT_FIELDS,
    TEXT_FIELDS,
    DepartmentReport,
    PolicyVersion,
    ReportingRound,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PolicyVersionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    decision_date = forms.DateField(label=_("Date of the council's decision"), widget=DATE_WIDGET)
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=100, help_text=_("For example “KF 2026-06-18 § 87”.")
    )
    document = forms.FileField(label=_("Policy document (PDF)"), help_text=_("The adopted policy as a PDF file."))
    statements = forms.CharField(
        label=_("The policy's statements"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("One statement per paragraph: separate the statements with an empty line."),
    )
    review_lead_months = forms.IntegerField(
        label=_("Review lead time (months)"),
        min_value=0,
        max_value=24,
        help_text=_("How many months before the review date the preparation of the review should start."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review_lead_months"].initial = settings.POLICY_REVIEW_LEAD_MONTHS

    def clean_document(self):
        document = self.cleaned_data["document"]
        validate_upload(document, kinds=PDF_ONLY)
        return document

    def clean_decision_reference(self):
        reference = self.cleaned_data["decision_reference"].strip()
        if PolicyVersion.objects.filter(decision_reference__iexact=reference).exists():
            raise forms.ValidationError(
                _("A policy version with this decision reference is already registered."), code="duplicate"
            )
        return reference

    def clean_statements(self):
        text = self.cleaned_data["statements"].replace("\r", "")
        paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
        statements = [paragraph for paragraph in paragraphs if paragraph]
        if not statements:
            raise forms.ValidationError(_("Enter at least one of the policy's statements."), code="no_statements")
        return statements


class VersionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class RoundOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year reported on"), min_value=2000, max_value=2100)
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty for the end of February the following year, in line with the annual accounts."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("year")
        if year and not cleaned.get("due_date"):
            cleaned["due_date"] = default_round_due_date(year)
        if year and cleaned.get("due_date") and cleaned["due_date"].year < year:
            self.add_error("due_date", forms.ValidationError(
                _("The due date cannot be before the year reported on."), code="too_early"
            ))
        return cleaned

    def existing_round(self) -> ReportingRound | None:
        return ReportingRound.objects.filter(year=self.cleaned_data["year"]).first()


class ReportForm(forms.ModelForm):
    """The department's report. Saving a draft accepts gaps; submitting
    needs the text and every figure."""

    class Meta:
        model = DepartmentReport
        fields = list(TEXT_FIELDS[:1] + FIGURE_FIELDS + TEXT_FIELDS[1:])
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "cooperation_description": forms.Textarea(attrs={"rows": 4}),
            "plans_next_year": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, portal: dict, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.portal = portal
        self.submitting = submitting
        for name in FIGURE_FIELDS:
            self.fields[name].widget.attrs["min"] = 0
            if name in AMOUNT_FIELDS:
                self.fields[name].widget.attrs["step"] = "0.01"
        for name, value in portal.items():
            if name not in self.fields:
                continue
            if getattr(self.instance, name) is None:
                self.initial[name] = value
            self.fields[name].help_text = _("The portal's figure: %(value)s. Confirm it or correct it.") % {
                "value": number_format(value, decimal_pos=0, force_grouping=True),
            }
        if "placement_agreements" in portal:
            self.fields["placements_with_asf"].help_text = _(
                "The portal has %(count)s work training placement agreements in force for your department."
            ) % {"count": portal["placement_agreements"]}
        if submitting:
            for name in REQUIRED_TEXT_FIELDS + FIGURE_FIELDS:
                self.fields[name].required = True
        mark_required(self, *REQUIRED_TEXT_FIELDS, *FIGURE_FIELDS)  # a draft may lack them; submitting may not
        remind_about_personal_data(self, *TEXT_FIELDS)

    def clean(self):
        cleaned = super().clean()
        handled, decided = cleaned.get("requests_handled"), cleaned.get("requests_decided")
        if handled is not None and decided is not None and decided > handled:
            self.add_error("requests_decided", forms.ValidationError(
                _("Decided requests cannot exceed the requests handled."), code="decided_over_handled"
            ))
        return cleaned

    def _post_clean(self):
        # The service validates the model (with the lock held); the form
        # only checks the shape of the input.
        pass


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to be completed"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=with_personal_data_reminder(_("The department sees this comment with the returned report.")),
    )


class EvidenceForm(forms.Form):
    text = forms.CharField(
        label=_("Evidence"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=with_personal_data_reminder(_("What shows how the statement was carried out during the period.")),
    )
    reports = IdsMultipleChoiceField(
        label=_("Annual reports it rests on"),
        queryset=DepartmentReport.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, report_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].queryset = report_choices
        self.fields["reports"].label_from_instance = self.report_label

    @staticmethod
    def report_label(report) -> str:
        return f"{report.reporting_round.year}: {report.department}"
