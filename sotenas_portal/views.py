"""Site-wide public pages."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from archive.plan_texts import plan_texts


@method_decorator(login_not_required, name="dispatch")
class PublicPageView(TemplateView):
    """A page anyone may read."""


home = PublicPageView.as_view(template_name="pages/home.html")
accessibility_statement = PublicPageView.as_view(template_name="pages/accessibility.html")


class PrivacyPageView(PublicPageView):
    """The privacy notice. How long things are kept comes from the records
    plan, so the page says what the disposal job really does (with no rule
    for a record type it says the records plan decides)."""

    template_name = "pages/privacy.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "retention": plan_texts()}


privacy = PrivacyPageView.as_view()


@never_cache
@login_not_required
def health(request):
    """A liveness check for monitoring and load balancers: answers without
    touching the database. The benchmark uses it as the baseline, the
    framework's own ceiling on the machine."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
