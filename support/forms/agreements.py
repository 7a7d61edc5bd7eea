"""Recording and changing an agreement."""

from django import forms
from django.db.models import Q

from accounts.models import Department
from accounts.roles import is_administrator, is_policy_coordinator
from enterprises.models import Enterprise
from core.forms import remind_about_personal_data

from ..constants import RequestState
from ..models import Agreement, SupportRequest
from ..rules import active_department_ids
from .fields import AttachmentsField, DateInput


class AgreementForm(forms.ModelForm):
    attachments = AttachmentsField()

    class Meta:
        model = Agreement
        fields = ["department", "enterprise", "kind", "title", "description", "start_date", "end_date",
                  "annual_value", "contact_person", "source_request", "is_public"]
        widgets = {"start_date": DateInput(), "end_date": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        sees_all = is_policy_coordinator(user) or is_administrator(user)
        departments = Department.objects.filter(is_active=True)
        requests = SupportRequest.objects.exclude(state=RequestState.DRAFT).select_related("department")
        if not sees_all:
            own = active_department_ids(user)
            departments = departments.filter(pk__in=own)
            requests = requests.filter(department_id__in=own)
        if self.instance.pk:
            # Keep the current department selectable even if it has since closed.
            departments = Department.objects.filter(Q(pk__in=departments) | Q(pk=self.instance.department_id))
        self.fields["department"].queryset = departments
        self.fields["enterprise"].queryset = Enterprise.objects.filter(merged_into__isnull=True).order_by("name")
        self.fields["source_request"].queryset = requests.order_by("-reference_year", "-reference_number")
        self.fields["source_request"].label_from_instance = lambda r: f"{r.reference}: {r.subject}"
        remind_about_personal_data(self, "description")
