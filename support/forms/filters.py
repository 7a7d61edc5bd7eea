"""The work list's and the agreement register's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from accounts.roles import is_administrator, is_policy_coordinator

from ..constants import AgreementKind, RequestState
from ..models import SupportKind
from ..rules import active_department_ids
from ..selectors import AgreementStatus, Late, Scope, scopes_for


class FilterFormMixin:
    """Compact filter forms rendered as a row of selects."""

    def style_fields(self) -> None:
        for name, field in self.fields.items():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            if self.is_bound and name in self.errors:
                css += " is-invalid"
                field.widget.attrs["aria-describedby"] = f"id_{name}-error"
            field.widget.attrs["class"] = css


class WorklistFilterForm(FilterFormMixin, forms.Form):
    SCOPE_LABELS = {
        Scope.MINE: _("My requests"),
        Scope.DEPARTMENT: _("My department's"),
        Scope.UNASSIGNED: _("Unassigned"),
        Scope.OVERDUE: _("Overdue"),
        Scope.ALL: _("All"),
    }
    SORT_CHOICES = [
        ("due", _("Due date, earliest first")),
        ("-due", _("Due date, latest first")),
        ("-submitted", _("Newest first")),
        ("submitted", _("Oldest first")),
        ("reference", _("Reference")),
        ("state", _("State")),
    ]

    lista = forms.ChoiceField(label=_("List"), required=False)
    state = forms.ChoiceField(
        label=_("State"), required=False,
        choices=[("", _("All not closed"))] + [c for c in RequestState.choices if c[0] != RequestState.DRAFT],
    )
    deadline = forms.ChoiceField(
        label=_("Deadline"), required=False,
        choices=[
            ("", _("Any")),
            (Late.ANY, _("Past a deadline")),
            (Late.FIRST_RESPONSE, _("Past the first-response deadline")),
            (Late.REPLY_BY, _("Waiting for the applicant past the reply-by date")),
        ],
    )
    kind = forms.ModelChoiceField(queryset=SupportKind.objects.all(), label=_("Kind of support"), required=False,
                                  empty_label=_("All kinds"))
    department = forms.ModelChoiceField(queryset=Department.objects.all(), label=_("Department"), required=False,
                                        empty_label=_("All departments"))
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scopes = scopes_for(user)
        self.fields["lista"].choices = [(scope, self.SCOPE_LABELS[scope]) for scope in scopes]
        self.default_scope = scopes[0]
        if not (is_policy_coordinator(user) or is_administrator(user)):
            self.fields["department"].queryset = Department.objects.filter(pk__in=active_department_ids(user))

    def filters(self) -> dict:
        """The valid filters; a field with an error is left out (and shown)."""
        data = {}
        if self.is_bound:
            self.is_valid()
            data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        self.style_fields()
        return {
            "scope": data.get("lista") or self.default_scope,
            "state": data.get("state") or "",
            "deadline": data.get("deadline") or "",
            "kind": data.get("kind"),
            "department": data.get("department"),
            "sort": data.get("sort") or "due",
        }


class AgreementFilterForm(FilterFormMixin, forms.Form):
    STATUS_CHOICES = [
        ("", _("All")),
        (AgreementStatus.CURRENT, _("In force today")),
        (AgreementStatus.ENDING_SOON, _("Ending soon")),
        (AgreementStatus.UPCOMING, _("Not yet started")),
        (AgreementStatus.ENDED, _("Ended")),
    ]

    department = forms.ModelChoiceField(queryset=Department.objects.all(), label=_("Department"), required=False,
                                        empty_label=_("All departments"))
    kind = forms.ChoiceField(label=_("Kind of agreement"), required=False,
                             choices=[("", _("All kinds"))] + AgreementKind.choices)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    year = forms.IntegerField(label=_("In force during year"), required=False, min_value=2000, max_value=2100)
    ending_within = forms.IntegerField(label=_("In force and ending within (days)"), required=False, min_value=0,
                                       max_value=3650)

    def filters(self) -> dict:
        self.style_fields()
        if not self.is_bound:
            return {}
        self.is_valid()
        self.style_fields()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return {
            "department": data.get("department"),
            "kind": data.get("kind") or "",
            "status": data.get("status") or "",
            "year": data.get("year"),
            "ending_within": data.get("ending_within"),
        }
