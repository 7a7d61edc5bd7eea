from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """Records management's work over every domain (issue 16): the records
    manager's pages, the disposal job that applies the records plan, case
    copies for public-records requests and the export to the e-archive.
    Above the domain apps, since it reads them all."""

    name = "archive"
    verbose_name = _("Archive")
