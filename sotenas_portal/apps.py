from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package doubles as an app for site-wide pages, template
    tags and the demo data command."""

    name = "sotenas_portal"
    verbose_name = _("Social economy portal")


class PortalAdminConfig(AdminConfig):
    default_site = "sotenas_portal.admin.PortalAdminSite"
