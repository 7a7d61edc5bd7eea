"""'Mitt arbete': each signed-in user's start page, what needs them now."""

from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from . import selectors


class StartView(PermissionRequiredMixin, TemplateView):
    permission_required = "workspace.view_start"
    template_name = "workspace/start.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sections": selectors.sections_for(self.request.user)}
