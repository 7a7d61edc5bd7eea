from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """Each signed-in user's start page, "Mitt arbete" (issue 14)."""

    name = "workspace"
    verbose_name = _("My work")
