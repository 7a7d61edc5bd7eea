from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404
from rules.contrib.views import PermissionRequiredMixin

from .. import selectors
from ..models import SupportRequest


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field where the
    form has one, otherwise at the top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, messages in error.message_dict.items():
        if field in form.fields:
            form.add_error(field, messages)
        elif field == NON_FIELD_ERRORS:
            form.add_error(None, messages)
        else:
            label = _field_label(form, field)
            form.add_error(None, [f"{label}: {message}" for message in messages])


def _field_label(form, field: str) -> str:
    model = getattr(getattr(form, "_meta", None), "model", None) or SupportRequest
    try:
        return str(model._meta.get_field(field).verbose_name).capitalize()
    except Exception:  # noqa: BLE001 - not a model field: show its name
        return field


class SupportRequestMixin(PermissionRequiredMixin):
    """Loads the request in the URL once; the permission is checked on it."""

    def get_support_request(self) -> SupportRequest:
        if not hasattr(self, "_support_request"):
            try:
                self._support_request = selectors.request_detail(pk=self.kwargs["pk"])
            except SupportRequest.DoesNotExist:
                raise Http404 from None
        return self._support_request

    def get_permission_object(self):
        return self.get_support_request()
