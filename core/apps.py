from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: the outbox, private uploads, pagination, parameter
    parsing, exports, API helpers, the workflow engine and notifications.
    It imports no domain app."""

    name = "core"
    verbose_name = _("Shared services")
