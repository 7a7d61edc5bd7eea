"""Self-service privacy pages: download my data, delete my account."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.generic import FormView, TemplateView, View
from rules.contrib.views import PermissionRequiredMixin

from core.forms import add_service_errors

from .erasure import account_delete, deletion_blockers
from .export import personal_data_archive
from .forms import AccountDeleteForm


class PersonalDataView(PermissionRequiredMixin, TemplateView):
    """What the download contains, and the button."""

    permission_required = "accounts.download_own_data"
    template_name = "privacy/personal_data.html"


class PersonalDataDownloadView(PermissionRequiredMixin, View):
    permission_required = "accounts.download_own_data"

    def get(self, request, *args, **kwargs):
        archive = personal_data_archive(request.user)
        name = f"mina-uppgifter-{timezone.localdate().isoformat()}.zip"
        response = FileResponse(archive, as_attachment=True, filename=name, content_type="application/zip")
        response["Cache-Control"] = "no-store"
        return response


class AccountDeleteView(PermissionRequiredMixin, FormView):
    permission_required = "accounts.delete_own_account"
    template_name = "privacy/account_delete.html"
    form_class = AccountDeleteForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "request": self.request}

    def get_context_data(self, **kwargs):
        blockers = deletion_blockers(user=self.request.user)
        return {**super().get_context_data(**kwargs), "blockers": blockers}

    def form_valid(self, form):
        try:
            account_delete(user=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        logout(self.request)
        return redirect("privacy:deleted")


@method_decorator(login_not_required, name="dispatch")
class AccountDeletedView(TemplateView):
    """Shown after the deletion, to a visitor who is by then signed out."""

    template_name = "privacy/account_deleted.html"
