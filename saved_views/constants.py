"""The work lists a view can be saved of, and the limits of a saved view."""

from django.db import models
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 80
QUERY_MAX_LENGTH = 2000
# Query-string parameters never saved: the page number, and the CSRF token a
# stray form could add.
UNSAVED_PARAMETERS = frozenset({"page", "csrfmiddlewaretoken"})


class ListKey(models.TextChoices):
    SUPPORT_REQUESTS = "support_requests", _("Support requests")
    REGISTRY_WORK_LIST = "registry_work_list", _("Registry work list")
    AGREEMENTS = "agreements", _("Agreements")
    ROUND_OVERVIEW = "round_overview", _("Reporting round overview")
