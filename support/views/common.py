"""What the support views share: the request in the URL, loaded once with
what its page shows, the permission asked of it."""

from django.http import Http404

from core.views import ObjectPermissionMixin

from .. import selectors
from ..models import SupportRequest


class SupportRequestMixin(ObjectPermissionMixin):
    """Loads the request in the URL once; the permission is checked on it."""

    def load_object(self) -> SupportRequest:
        try:
            return selectors.request_detail(pk=self.kwargs["pk"])
        except SupportRequest.DoesNotExist:
            raise Http404 from None

    def get_support_request(self) -> SupportRequest:
        return self.get_object()
