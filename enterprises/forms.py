from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.fields import IdsMultipleChoiceField
from core.forms import mark_required, remind_about_personal_data, with_personal_data_reminder
from core.names import name_html
from core.uploads import validate_upload

from .constants import CRITERION_TEXT, ActorKind, Criterion, LegalForm, Locality, PublicationStatus
from .models import CriterionAssessment, Enterprise, ServiceCategory, TargetGroup
from .orgnr import normalise, validate_organisation_number
from .selectors import SORTS, RegistryQuery
from .services import swedish_slug

SORT_CHOICES = [
    ("", _("Relevance or name")),
    ("name", _("Name")),
    ("newest", _("Newest")),
    ("checked", _("Recently checked")),
]


class RegistryFilterForm(forms.Form):
    """The registry's search and filters, read from the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kategori = forms.MultipleChoiceField(label=_("What it sells"), required=False,
                                         widget=forms.CheckboxSelectMultiple)
    malgrupp = forms.MultipleChoiceField(label=_("Target group"), required=False,
                                         widget=forms.CheckboxSelectMultiple)
    ort = forms.MultipleChoiceField(label=_("Locality"), required=False, choices=Locality.choices,
                                    widget=forms.CheckboxSelectMultiple)
    bolagsform = forms.MultipleChoiceField(label=_("Legal form"), required=False, choices=LegalForm.choices,
                                           widget=forms.CheckboxSelectMultiple)
    typ = forms.MultipleChoiceField(label=_("Kind of actor"), required=False, choices=ActorKind.choices,
                                    widget=forms.CheckboxSelectMultiple)
    asf = forms.BooleanField(label=_("Verified ASF only"), required=False)
    reserverat = forms.BooleanField(label=_("Meets the share for reserved contracts"), required=False)
    status = forms.MultipleChoiceField(label=_("Publication status"), required=False,
                                       choices=PublicationStatus.choices, widget=forms.CheckboxSelectMultiple)
    sortera = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, categories=(), target_groups=(), for_officials=False, **kwargs):
        super().__init__(*args, **kwargs)
        # Names in the page's language; a Swedish fallback carries lang="sv".
        self.fields["kategori"].choices = [(c.slug, name_html(c)) for c in categories]
        self.fields["malgrupp"].choices = [(g.slug, name_html(g)) for g in target_groups]
        if not for_officials:
            del self.fields["status"]

    def to_query(self) -> RegistryQuery:
        """The valid part of the input: an invalid filter is dropped, not obeyed."""
        if not self.is_bound:
            return RegistryQuery()
        self.is_valid()
        data = self.cleaned_data
        return RegistryQuery(
            text=data.get("q", ""),
            categories=tuple(data.get("kategori", ())),
            target_groups=tuple(data.get("malgrupp", ())),
            localities=tuple(data.get("ort", ())),
            legal_forms=tuple(data.get("bolagsform", ())),
            kinds=tuple(data.get("typ", ())),
            asf_verified=bool(data.get("asf")),
            reserved_share=bool(data.get("reserverat")),
            statuses=tuple(data.get("status", ())),
            sort=data.get("sortera", "") if data.get("sortera", "") in SORTS else "",
        )

    def active_filters(self) -> list[tuple[str, str, str]]:
        """(field name, value, label) for each filter in use, to show and remove."""
        active = []
        if not self.is_bound:
            return active
        self.is_valid()
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if not value or name == "sortera":
                continue
            if name == "q":
                active.append((name, value, f"{field.label}: “{value}”"))
            elif isinstance(field, forms.BooleanField):
                active.append((name, "on", str(field.label)))
            else:
                labels = dict(field.choices)
                for item in value:
                    active.append((name, item, format_html("{}: {}", field.label, labels.get(item, item))))
        return active


class EnterpriseForm(forms.ModelForm):
    organisation_number = forms.CharField(
        label=_("Organisation number"),
        max_length=20,
        help_text=_("Ten digits, written NNNNNN-NNNN. A sole trader's personal identity number is not accepted."),
    )

    class Meta:
        model = Enterprise
        fields = [
            "name", "organisation_number", "legal_form", "kind", "short_description", "description",
            "service_categories", "target_groups", "locality", "visiting_address", "postal_address",
            "phone", "email", "website", "year_founded",
            "figures_year", "employees", "employees_from_target_groups", "participants",
        ]
        field_classes = {"service_categories": IdsMultipleChoiceField, "target_groups": IdsMultipleChoiceField}
        widgets = {
            "service_categories": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "short_description": _("One or two sentences shown in the registry list."),
            "description": with_personal_data_reminder(),
            "figures_year": _("The year the figures below refer to. A new year adds its figures; a year "
                              "already given corrects that year's figures. Other years' figures are kept."),
            "employees": _("Counts only, never names or other information about persons."),
            "participants": _("People in work practice, work training or work-oriented rehabilitation."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_categories"].queryset = ServiceCategory.objects.filter(is_active=True)
        self.fields["target_groups"].queryset = TargetGroup.objects.all()
        if self.instance.pk:
            self.initial["organisation_number"] = self.instance.organisation_number_display

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("figures_year")
        if year is None and self.instance.pk and self.instance.figures_year is not None:
            self.add_error("figures_year", ValidationError(
                _("Figures already given are kept. Give the year of the figures you add or correct."),
                code="figures_year_required"))
        elif year is not None and cleaned.get("employees") is None and cleaned.get("participants") is None:
            self.add_error("employees", ValidationError(
                _("Give at least the number of employees or of participants for the year."), code="no_figures"))
        return cleaned

    def clean_organisation_number(self):
        number = normalise(self.cleaned_data["organisation_number"])
        validate_organisation_number(number)
        duplicates = Enterprise.objects.filter(organisation_number=number).exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise ValidationError(
                _("An enterprise with this organisation number is already in the registry. "
                  "Ask to represent it from its page instead."),
                code="duplicate",
            )
        return number


class UnpublishForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
                             help_text=with_personal_data_reminder(
                                 _("Shown to officials and the enterprise's representatives.")))


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Keep this enterprise"), queryset=Enterprise.objects.none(),
                                  help_text=_("The duplicate's representatives and checks move to it."))

    def __init__(self, *args, duplicate: Enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Enterprise.objects.filter(merged_into__isnull=True).exclude(pk=duplicate.pk)


class ClaimForm(forms.Form):
    message = forms.CharField(
        label=_("Your role in the enterprise"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=with_personal_data_reminder(
            _("For example chair of the board or manager. The coordinator may contact you to confirm.")),
    )


class ServiceCategoryForm(forms.ModelForm):
    class Meta:
        model = ServiceCategory
        fields = ["name", "name_en"]
        help_texts = {"name_en": _("Shown on English pages; the Swedish name is shown where this is empty.")}

    def clean_name(self):
        # The address slug comes from the name: refuse here what would
        # otherwise fail when the category is saved.
        name = self.cleaned_data["name"].strip()
        slug = swedish_slug(name)
        if not slug:
            raise ValidationError(_("Give the name in letters or digits."), code="no_slug")
        if ServiceCategory.objects.filter(slug=slug).exists():
            raise ValidationError(_("There is already a category with this name."), code="duplicate")
        return name


class CheckStatementsForm(forms.Form):
    """The representative's statement and evidence for each criterion."""

    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_object = check
        for assessment in check.assessments.all():
            n = assessment.criterion
            self.fields[f"statement_{n}"] = forms.CharField(
                label=Criterion(n).label, required=False, max_length=5000,
                widget=forms.Textarea(attrs={"rows": 4}), initial=assessment.statement,
                help_text=CRITERION_TEXT[Criterion(n)],
            )
            remind_about_personal_data(self, f"statement_{n}")
            mark_required(self, f"statement_{n}")  # a draft may lack it; submitting may not
            self.fields[f"evidence_{n}"] = forms.FileField(
                label=_("Evidence for criterion %(n)s (optional)") % {"n": n}, required=False,
                help_text=_("PDF, image or office document, at most 10 MB: statutes, annual report, agreements."),
            )

    def clean(self):
        cleaned = super().clean()
        for n in Criterion.values:
            upload = cleaned.get(f"evidence_{n}")
            if upload:
                try:
                    validate_upload(upload)
                except ValidationError as error:
                    self.add_error(f"evidence_{n}", error)
        return cleaned

    def statements(self) -> dict[int, str]:
        return {n: self.cleaned_data.get(f"statement_{n}", "") for n in Criterion.values}

    def uploads(self) -> dict[int, object]:
        return {n: self.cleaned_data[f"evidence_{n}"] for n in Criterion.values if self.cleaned_data.get(f"evidence_{n}")}


class CheckReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("What more information is needed"), required=False, max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when asking for more information. The enterprise's representatives see it."),
    )

    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        for assessment in check.assessments.all():
            n = assessment.criterion
            self.fields[f"verdict_{n}"] = forms.ChoiceField(
                label=_("Verdict on criterion %(n)s") % {"n": n},
                choices=CriterionAssessment.Verdict.choices, initial=assessment.verdict,
            )
            self.fields[f"reasoning_{n}"] = forms.CharField(
                label=_("Reasoning for criterion %(n)s") % {"n": n}, required=False, max_length=3000,
                widget=forms.Textarea(attrs={"rows": 3}), initial=assessment.reasoning,
            )
        remind_about_personal_data(self, "comment", *(f"reasoning_{n}" for n in Criterion.values))

    def verdicts(self) -> dict[int, tuple[str, str]]:
        return {
            n: (self.cleaned_data[f"verdict_{n}"], self.cleaned_data.get(f"reasoning_{n}", ""))
            for n in Criterion.values
            if f"verdict_{n}" in self.cleaned_data
        }
