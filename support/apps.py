from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    """Support requests and agreements (built by the support issue)."""

    name = "support"
    verbose_name = _("Support")
