"""The yearly confirmation of an entry: one click for its representative,
a note for an official; "update" leads to the update form, which confirms too."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core.forms import add_service_errors

from .. import confirmation
from ..constants import ConfirmedBy
from ..forms_confirmation import ConfirmForm
from ..rules import represents
from .common import EnterpriseObjectMixin


class EnterpriseConfirmView(EnterpriseObjectMixin, FormView):
    permission_required = "enterprises.confirm_enterprise"
    template_name = "enterprises/confirm.html"
    form_class = ConfirmForm

    @property
    def confirmed_by(self) -> str:
        if represents(self.request.user, self.enterprise):
            return ConfirmedBy.REPRESENTATIVE
        return ConfirmedBy.OFFICIAL

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "official": self.confirmed_by == ConfirmedBy.OFFICIAL}

    def get_context_data(self, **kwargs):
        enterprise = self.enterprise
        return {
            **super().get_context_data(**kwargs),
            "as_official": self.confirmed_by == ConfirmedBy.OFFICIAL,
            "may_update": self.request.user.has_perm("enterprises.change_enterprise", enterprise),
            "may_unpublish": self.request.user.has_perm("enterprises.manage_registry") and enterprise.is_published,
            "confirmable": enterprise.is_published or enterprise.unpublished_unconfirmed_on is not None,
            "from_work_list": self.request.GET.get("fran") == "arbetslista",
            "today": timezone.localdate(),
        }

    def form_valid(self, form):
        try:
            confirmation.enterprise_confirm(enterprise=self.enterprise, by=self.confirmed_by,
                                            note=form.cleaned_data.get("note", ""))
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        was_unpublished = not self.enterprise.is_published
        message = _("Thank you: the details of %(name)s are confirmed.") % {"name": self.enterprise.name}
        if was_unpublished:
            message += " " + _("It is published in the registry again.")
        messages.success(self.request, message)
        if self.request.POST.get("fran") == "arbetslista":
            return redirect("enterprises:work_list")
        return redirect(self.enterprise)
