"""What the registry's views share: loading the enterprise a view is about."""

from core.views import ObjectPermissionMixin

from ..models import Enterprise


class EnterpriseObjectMixin(ObjectPermissionMixin):
    """Views about one enterprise, found by slug, permission asked of it.

    The enterprise is ``self.enterprise``; a view that finds it another way
    sets that in its own ``dispatch`` and skips this one's."""

    model = Enterprise
    lookup = "slug"

    def get_permission_object(self):
        return self.enterprise

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "enterprise": self.enterprise}
