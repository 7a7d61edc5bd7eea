"""Marking items of a request secret, removing a mark, and asking for a copy
for a public-records request."""

from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records.models import CaseCopy
from records.secrecy import COMMON_PROVISIONS, PROVISION_MAX_LENGTH

from ..case_copy import MARKABLE_FIELDS
from ..models import Message, RequestAttachment, RequestEvent

OTHER_PROVISION = "other"


@dataclass(frozen=True)
class Item:
    """Something of a request a mark can be put on."""

    key: str  # as the form posts it: "field:subject", "message:12", ...
    group: str
    label: str
    obj: object
    field_name: str = ""

    @property
    def lookup(self) -> tuple:
        return ContentType.objects.get_for_model(self.obj).pk, self.obj.pk, self.field_name


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def request_items(support_request) -> list[Item]:
    """The request's fields, messages (internal notes too), attachments and
    comments on its steps, in the order the page shows them (three queries)."""
    fields_group, messages_group = _("Fields of the request"), _("Messages and internal notes")
    items = [
        Item(f"field:{name}", fields_group, str(label), support_request, name)
        for name, label in MARKABLE_FIELDS.items()
        if getattr(support_request, name if name != "applicant" else "applicant_id")
    ]
    messages = Message.objects.filter(request=support_request).order_by("created_at", "pk")
    for number, message in enumerate(messages, start=1):
        kind = _("Internal note") if message.is_internal else _("Message")
        snippet = Truncator(message.body).chars(60)
        items.append(Item(f"message:{message.pk}", messages_group,
                          f"{kind} {number} ({_when(message.created_at)}): {snippet}", message))
    attachments = RequestAttachment.objects.filter(request=support_request).order_by("uploaded_at", "pk")
    for attachment in attachments:
        suffix = f" ({_('internal')})" if attachment.is_internal else ""
        items.append(Item(f"attachment:{attachment.pk}", _("Attachments"), attachment.original_name + suffix,
                          attachment))
    events = RequestEvent.objects.filter(request=support_request).exclude(comment="").order_by("created_at", "pk")
    for event in events:
        items.append(Item(f"event:{event.pk}", _("Comments on the steps of the case"),
                          _("Comment on “%(step)s” (%(date)s)") % {"step": event.get_to_state_display(),
                                                                 "date": _when(event.created_at)}, event))
    return items


def describe(items: list[Item], secrecy_mark) -> str:
    """What a mark is on, in words (from the request's items, no query)."""
    key = (secrecy_mark.item_type_id, secrecy_mark.item_id, secrecy_mark.field_name)
    for item in items:
        if item.lookup == key:
            return item.label
    if secrecy_mark.field_name in MARKABLE_FIELDS:
        return str(MARKABLE_FIELDS[secrecy_mark.field_name])
    return _("An item no longer in the case")


class SecrecyMarkForm(forms.Form):
    item = forms.ChoiceField(
        label=gettext_lazy("What is secret"),
        error_messages={"invalid_choice": gettext_lazy("Choose one of this request's fields, messages, attachments "
                                                       "or comments that is not marked already.")},
        help_text=gettext_lazy("A message marked secret takes its attachments with it."),
    )
    provision = forms.ChoiceField(
        label=gettext_lazy("Provision"), widget=forms.RadioSelect,
        choices=[*COMMON_PROVISIONS, (OTHER_PROVISION, gettext_lazy("Another provision (write it below)"))],
        error_messages={"required": gettext_lazy("Choose the provision the secrecy rests on.")},
    )
    other_provision = forms.CharField(
        label=gettext_lazy("Other provision"), required=False, max_length=PROVISION_MAX_LENGTH,
        help_text=gettext_lazy("The chapter and section, for example OSL 25 kap. 1 §."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("State why the information is secret.")},
        help_text=gettext_lazy("Kept in the case's history; shown to the municipality's staff only."),
    )

    def __init__(self, *args, items: list[Item], marked: set, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item.key: item for item in items if item.lookup not in marked}
        groups: dict[str, list] = {}
        for item in self.items.values():
            groups.setdefault(item.group, []).append((item.key, item.label))
        self.fields["item"].choices = [("", _("Choose …")), *groups.items()]

    def clean(self):
        data = super().clean()
        if data.get("provision") == OTHER_PROVISION:
            other = (data.get("other_provision") or "").strip()
            if not other:
                self.add_error("other_provision", _("Write the provision, for example OSL 25 kap. 1 §."))
            data["provision_text"] = other
        else:
            data["provision_text"] = data.get("provision", "")
        return data

    def chosen_item(self) -> Item:
        return self.items[self.cleaned_data["item"]]


class SecrecyUnmarkForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for removing the marking"), widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("State why the marking is removed.")},
    )


class CaseCopyForm(forms.Form):
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), widget=forms.RadioSelect, choices=CaseCopy.Format.choices,
        initial=CaseCopy.Format.PDF,
        help_text=gettext_lazy("The ZIP holds the case as text, the attachments that may be released and a list "
                               "of what was left out."),
        error_messages={"required": gettext_lazy("Choose PDF or ZIP.")},
    )
    include_internal = forms.BooleanField(
        label=gettext_lazy("Include internal notes"), required=False, initial=True,
        help_text=gettext_lazy("Internal notes are public records once the case is closed; in an open case they "
                               "may still be working material."),
    )
    note = forms.CharField(
        label=gettext_lazy("Who asked for the copy"), required=False,
        max_length=CaseCopy._meta.get_field("note").max_length,
        help_text=gettext_lazy("A role or an organisation, for example “a journalist” or “Göteborgs-Posten”; "
                               "never a private person's name."),
    )
