"""The application, the workflow moves' forms and the conversation."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Department, Membership, User
from core.forms import mark_required, remind_about_personal_data
from enterprises.models import Enterprise, Representation

from ..constants import EXTERNAL_PARTNERS, Outcome
from ..models import SupportKind, SupportRequest
from .fields import AttachmentsField, DateInput


def represented_enterprises(user):
    return Enterprise.objects.filter(
        representations__user=user, representations__status=Representation.Status.CONFIRMED
    ).order_by("name")


class SupportRequestForm(forms.ModelForm):
    """The application. Saving a draft needs only a kind and a subject; the
    rest is required when submitting."""

    enterprise = forms.ModelChoiceField(
        queryset=Enterprise.objects.none(), required=False, label=_("On behalf of"),
        empty_label=_("Myself – I am planning to start a social enterprise"),
    )
    attachments = AttachmentsField()

    class Meta:
        model = SupportRequest
        fields = ["kind", "enterprise", "subject", "description", "hoped_outcome"]
        labels = {
            "subject": _("Subject"),
            "description": _("Describe your situation and what you need support with"),
            "hoped_outcome": _("What do you hope for?"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 6}), "hoped_outcome": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = SupportKind.objects.filter(is_active=True)
        self.fields["kind"].empty_label = None
        enterprises = represented_enterprises(user)
        self.fields["enterprise"].queryset = enterprises
        if self.instance.pk is None and not self.is_bound:
            own = list(enterprises[:2])
            if len(own) == 1:
                self.initial.setdefault("enterprise", own[0].pk)
        self.fields["description"].required = submitting
        self.fields["hoped_outcome"].required = submitting
        mark_required(self, "description", "hoped_outcome")  # a draft may lack them; submitting may not
        self.fields["subject"].help_text = _("A short heading, for example “Advice on starting a work cooperative”.")
        remind_about_personal_data(self, "description", "hoped_outcome")


class TransitionForm(forms.Form):
    """The base of every move's form: a comment the applicant will see."""

    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Visible to the applicant and recorded in the request's history."),
    )

    def __init__(self, *args, move, support_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.support_request = support_request
        self.order_fields([name for name in self.fields if name != "comment"] + ["comment"])
        if move.comment_required:
            self.fields["comment"].required = True
        if move.name in ("submit", "withdraw", "resume"):
            self.fields["comment"].help_text = _("Optional. Recorded in the request's history.")
        remind_about_personal_data(self, "comment", "forward_answer", "outcome_reason")

    def move_data(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "comment"}


class HandlerChoiceField(forms.ChoiceField):
    """Officials grouped by department; the service checks the pairing."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        return User.objects.filter(pk=value, is_active=True).first()

    def valid_value(self, value):
        return value == "" or super().valid_value(value)


class AssignForm(TransitionForm):
    department = forms.ModelChoiceField(queryset=Department.objects.filter(is_active=True), label=_("Department"))
    handler = HandlerChoiceField(
        label=_("Handler"), required=False,
        help_text=_("Optional. An official of the chosen department; otherwise the department picks one."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        groups: dict[str, list] = {}
        memberships = (
            Membership.objects.filter(department__is_active=True, user__is_active=True)
            .select_related("user", "department")
            .order_by("department__name", "user__last_name", "user__first_name")
        )
        for membership in memberships:
            groups.setdefault(membership.department.name, []).append((str(membership.user_id), str(membership.user)))
        self.fields["handler"].choices = [("", _("No handler yet"))] + list(groups.items())
        if self.support_request.department_id:
            self.fields["department"].initial = self.support_request.department_id


class AssignHandlerForm(TransitionForm):
    """A colleague in the request's department takes over the request."""

    handler = HandlerChoiceField(label=_("Handler"), help_text=_("An official of the request's department."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        colleagues = (
            Membership.objects.filter(department_id=self.support_request.department_id, department__is_active=True,
                                      user__is_active=True)
            .exclude(user_id=self.support_request.handler_id)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "user__pk")
        )
        self.fields["handler"].choices = [("", _("Choose an official"))] + [
            (str(membership.user_id), str(membership.user)) for membership in colleagues
        ]
        if len(self.fields["handler"].choices) == 1:
            self.fields["handler"].help_text = _(
                "No other official of the department has an account in the portal yet. The system administrator "
                "adds officials to departments."
            )


class StartForm(TransitionForm):
    decision_due = forms.DateField(label=_("Decision due"), required=False, widget=DateInput(),
                                   help_text=_("Optional. When you expect to decide."))


class RequestInfoForm(TransitionForm):
    reply_by = forms.DateField(label=_("Reply by"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].label = _("What do you need from the applicant?")


class ForwardForm(TransitionForm):
    forwarded_to = forms.CharField(
        label=_("Forwarded to"), max_length=150,
        help_text=_("For example: %(examples)s.") % {"examples": ", ".join(EXTERNAL_PARTNERS)},
    )
    forwarded_on = forms.DateField(label=_("Forwarded on"), widget=DateInput(), initial=timezone.localdate)


class RecordAnswerForm(TransitionForm):
    forward_answer = forms.CharField(label=_("The partner's answer"), widget=forms.Textarea(attrs={"rows": 4}))
    forward_answered_on = forms.DateField(label=_("Answer received on"), widget=DateInput(),
                                          initial=timezone.localdate)


class DecideForm(TransitionForm):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    outcome_reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}),
                                     help_text=_("Sent to the applicant with the decision."))


MOVE_FORMS = {
    "assign": AssignForm,
    "assign_handler": AssignHandlerForm,
    "start": StartForm,
    "request_info": RequestInfoForm,
    "forward": ForwardForm,
    "record_answer": RecordAnswerForm,
    "decide": DecideForm,
}


def form_class_for(move_name: str) -> type[TransitionForm]:
    return MOVE_FORMS.get(move_name, TransitionForm)


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}))
    internal = forms.BooleanField(
        label=_("Internal note (never shown to the applicant)"), required=False,
    )
    attachments = AttachmentsField()

    def __init__(self, *args, may_write_internal: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_write_internal:
            del self.fields["internal"]
        remind_about_personal_data(self, "body")


class DecisionDueForm(forms.ModelForm):
    class Meta:
        model = SupportRequest
        fields = ["decision_due"]
        widgets = {"decision_due": DateInput()}
        help_texts = {"decision_due": _("When you expect to decide. Leave empty to remove the date.")}
