"""Widgets and fields the support forms share."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_uploads


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Any number of files, each checked by content and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        super().__init__(*args, **kwargs)
        if not self.help_text:
            self.help_text = _("Optional. PDF, Word, Excel, OpenDocument, PNG or JPEG, at most %(size)s each.") % {
                "size": filesizeformat(settings.UPLOAD_MAX_BYTES)
            }

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        cleaned = [super(AttachmentsField, self).clean(upload, initial) for upload in files]
        validate_uploads(cleaned)
        return cleaned
