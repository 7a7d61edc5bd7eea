"""View pieces every app shares: a view about one object, loaded once from
the URL and asked for the view's permission."""

from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin


class ObjectPermissionMixin(PermissionRequiredMixin):
    """Loads the view's object once (404 if missing) and checks the
    permission against it.

    Set ``model`` (or override ``get_object_queryset``), and ``lookup`` when
    the URL names the object by another field than its primary key; a view
    that finds its object another way overrides ``load_object``."""

    model = None
    # The URL keyword, and the field it is matched against.
    lookup = "pk"

    def get_object_queryset(self):
        return self.model.objects.all()

    def load_object(self):
        return get_object_or_404(self.get_object_queryset(), **{self.lookup: self.kwargs[self.lookup]})

    def get_object(self):
        if not hasattr(self, "_object"):
            self._object = self.load_object()
        return self._object

    def get_permission_object(self):
        return self.get_object()
