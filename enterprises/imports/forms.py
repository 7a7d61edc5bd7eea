"""The import's forms: the file, the column mapping, the confirmation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .columns import COLUMNS
from .reading import check_upload


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_("The first row holds the column headers. Use the template, or your own columns: "
                    "you choose which column is which in the next step."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload


class ImportMappingForm(forms.Form):
    """One choice per registry field: which of the file's columns fills it."""

    publish = forms.BooleanField(
        label=_("Publish the new entries at once"), required=False,
        help_text=_("Otherwise new entries are saved as drafts: you review and publish each from the registry, "
                    "shown with the status Draft. Updated entries keep their publication status."),
    )

    def __init__(self, *args, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —"))] + [(h, h) for h in headers if h]
        fields = {}
        for column in COLUMNS:
            help_text = column.help
            if column.required_for_new and column.field != "organisation_number":
                help_text = _("Needed for new entries.") if not help_text else f"{_('Needed for new entries.')} {help_text}"
            fields[column.field] = forms.ChoiceField(
                label=column.label, choices=choices, required=column.field == "organisation_number",
                help_text=help_text,
            )
        self.fields = {**fields, "publish": self.fields["publish"]}

    def mapping(self) -> dict[str, str]:
        return {column.field: self.cleaned_data[column.field] for column in COLUMNS if self.cleaned_data[column.field]}


class ImportConfirmForm(forms.Form):
    skip_refused = forms.BooleanField(
        label=_("Skip the refused rows and import the others"), required=False,
        help_text=_("Without this, nothing is imported while a row is refused: fix the file and upload it again."),
    )
