"""Forms for saving and renaming a view: the shape of the input only; the
rules are in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Department

from .constants import NAME_MAX_LENGTH, ListKey
from .rules import shared_department_ids


class _ShareField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(_("Shared with %(department)s") % {"department": obj.name})


class SavedViewForm(forms.Form):
    """The name and who sees the view; the user's departments are the only
    ones offered."""

    name = forms.CharField(label=_("Name of the view"), max_length=NAME_MAX_LENGTH)
    department = _ShareField(label=_("Who sees it"), queryset=Department.objects.none(), required=False,
                             empty_label=_("Only me"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        departments = shared_department_ids(user)
        self.fields["department"].queryset = Department.objects.filter(pk__in=departments).order_by("name")
        if not departments:
            del self.fields["department"]
        self.fields["name"].widget.attrs.update({"autocomplete": "off", "aria-required": "true"})


class SaveViewForm(SavedViewForm):
    """Saving a list's current filters: which list, its query string and object come along hidden."""

    list_key = forms.ChoiceField(choices=ListKey.choices, widget=forms.HiddenInput)
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=4000)
    object_id = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)
