from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    """The registry of social economy actors (built by the registry issue)."""

    name = "enterprises"
    verbose_name = _("Registry")
