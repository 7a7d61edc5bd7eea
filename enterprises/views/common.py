"""What the registry's views share: showing a service's refusal on a form, and loading the enterprise a view is about."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from ..models import Enterprise


def add_service_error(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on the field it names, if the
    form has it, otherwise above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class EnterpriseObjectMixin(PermissionRequiredMixin):
    """Views about one enterprise, found by slug, permission asked of it."""

    def get_permission_object(self):
        return self.enterprise

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = get_object_or_404(Enterprise, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "enterprise": self.enterprise}
