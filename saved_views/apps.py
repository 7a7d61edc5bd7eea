from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedViewsConfig(AppConfig):
    """Officials' saved filters and sorts on the work lists (issue 14)."""

    name = "saved_views"
    verbose_name = _("Saved views")
