"""Site-wide public pages."""

from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView


@method_decorator(login_not_required, name="dispatch")
class PublicPageView(TemplateView):
    """A page anyone may read."""


home = PublicPageView.as_view(template_name="pages/home.html")
accessibility_statement = PublicPageView.as_view(template_name="pages/accessibility.html")
privacy = PublicPageView.as_view(template_name="pages/privacy.html")
