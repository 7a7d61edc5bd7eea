"""The registry work list's filters: which sections, kind of actor, locality, sort."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import ActorKind, Locality
from .selectors import WORK_LIST_SECTIONS, WORK_LIST_SORTS

SECTION_LABELS = {
    "publication": _("Waiting to be published"),
    "claims": _("Requests to represent an enterprise"),
    "review": _("Checks waiting for review"),
    "waiting": _("Waiting for the enterprise to answer"),
    "renewal": _("Checks due for renewal"),
    "confirmation": _("To confirm: entries without a representative"),
}
SORT_LABELS = {
    "oldest": _("Waiting longest first"),
    "newest": _("Newest first"),
    "name": _("Enterprise name"),
}


class WorkListFilterForm(forms.Form):
    """Read from the query string; an invalid filter is left out, not obeyed."""

    visa = forms.MultipleChoiceField(
        label=_("Show"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[(key, SECTION_LABELS[key]) for key in WORK_LIST_SECTIONS],
        help_text=_("Nothing ticked shows every section."),
    )
    typ = forms.ChoiceField(label=_("Kind of actor"), required=False,
                            choices=[("", _("All kinds"))] + ActorKind.choices)
    ort = forms.ChoiceField(label=_("Locality"), required=False,
                            choices=[("", _("All localities"))] + Locality.choices)
    sortera = forms.ChoiceField(label=_("Sort by"), required=False,
                                choices=[(key, SORT_LABELS[key]) for key in WORK_LIST_SORTS])

    def filters(self) -> dict:
        """Keyword arguments for ``selectors.work_list``."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return {
            "sections": tuple(data.get("visa") or ()),
            "kind": data.get("typ") or "",
            "locality": data.get("ort") or "",
            "sort": data.get("sortera") or "oldest",
        }
