"""Shared pieces of the policy report views."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin


class ObjectPermissionMixin(PermissionRequiredMixin):
    """Loads the view's object once (404 if missing) and checks the
    permission against it."""

    model = None
    queryset_method = None

    def get_object(self):
        if not hasattr(self, "_object"):
            queryset = self.get_object_queryset()
            self._object = get_object_or_404(queryset, pk=self.kwargs["pk"])
        return self._object

    def get_object_queryset(self):
        return self.model.objects.all()

    def get_permission_object(self):
        return self.get_object()


def download(content: bytes | str, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def error_messages(error) -> list[str]:
    """The messages of a ValidationError, for the messages framework."""
    return list(error.messages)
