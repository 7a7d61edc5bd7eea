"""The follow-up's filters: a department the viewer may see, a kind of
support, or all of them. A department outside the viewer's own is refused
by the permission (support.view_followup) before the form sees it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from accounts.roles import is_administrator, is_policy_coordinator
from core.params import whole_number

from ..models import SupportKind
from ..rules import active_department_ids

ALL = "alla"


def visible_departments(user):
    """The departments whose figures ``user`` may see, by name."""
    if is_policy_coordinator(user) or is_administrator(user):
        return Department.objects.order_by("name")
    return Department.objects.filter(pk__in=active_department_ids(user)).order_by("name")


def requested_department(raw) -> Department | None:
    """The department a query string or a CSV key names, if it exists."""
    pk = whole_number(raw)
    return Department.objects.filter(pk=pk).first() if pk is not None else None


class FollowupFilterForm(forms.Form):
    department = forms.ModelChoiceField(queryset=Department.objects.none(), label=_("Department"), required=False,
                                        empty_label=_("All departments"))
    kind = forms.ModelChoiceField(queryset=SupportKind.objects.order_by("position", "name"),
                                  label=_("Kind of support"), required=False, empty_label=_("All kinds"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = visible_departments(user)

    def filters(self) -> dict:
        """The valid filters; a field with an error is left out (and shown)."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        for name, field in self.fields.items():
            css = "form-select"
            if name in self.errors:
                css += " is-invalid"
                field.widget.attrs["aria-describedby"] = f"id_{name}-error"
            field.widget.attrs["class"] = css
        return {"department": data.get("department"), "kind": data.get("kind")}


def series_key(which: str, department, kind) -> str:
    """The CSV address's key for a chart and these filters:
    "<chart>-<department>-<kind>", each filter a primary key or "alla"."""
    return f"{which}-{department.pk if department else ALL}-{kind.pk if kind else ALL}"


def parse_series_key(key: str) -> tuple[str, str, str] | None:
    parts = key.split("-")
    return tuple(parts) if len(parts) == 3 and all(parts) else None
