"""Site-wide public pages."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView


@method_decorator(login_not_required, name="dispatch")
class PublicPageView(TemplateView):
    """A page anyone may read."""


home = PublicPageView.as_view(template_name="pages/home.html")
accessibility_statement = PublicPageView.as_view(template_name="pages/accessibility.html")


class PrivacyPageView(PublicPageView):
    """The privacy notice. Retention periods come from the settings, so the
    page says what the scheduled jobs really do."""

    template_name = "pages/privacy.html"

    def get_context_data(self, **kwargs):
        days = settings.SUPPORT_REQUEST_RETENTION_DAYS
        return {
            **super().get_context_data(**kwargs),
            "support_retention_days": days,
            # Whole years read better; 3 * 365 days is "3 years".
            "support_retention_years": days // 365 if days % 365 == 0 else None,
            "login_attempt_retention_days": settings.LOGIN_ATTEMPT_RETENTION_DAYS,
            "outbox_retention_days": settings.OUTBOX_RETENTION_DAYS,
        }


privacy = PrivacyPageView.as_view()


@never_cache
@login_not_required
def health(request):
    """A liveness check for monitoring and load balancers: answers without
    touching the database. The benchmark uses it as the baseline, the
    framework's own ceiling on the machine."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
