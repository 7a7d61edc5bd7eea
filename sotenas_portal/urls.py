from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views
from .api import dcat as api_dcat
from .api import docs as api_docs

urlpatterns = [
    path("", views.home, name="home"),
    path("tillganglighet/", views.accessibility_statement, name="accessibility"),
    path("personuppgifter/", views.privacy, name="privacy"),
    path("halsa/", views.health, name="health"),
    path("sprak/", login_not_required(set_language), name="set_language"),
    path("", include("accounts.urls")),
    # The person's own data and the deletion of the account (issue 8).
    path("", include("sotenas_portal.privacy.urls")),
    # Sign-in for municipal staff through the identity provider (issue 8);
    # 404 unless OIDC_ENABLED.
    path("oidc/", include("accounts.oidc.urls")),
    path("foretag/", include("enterprises.urls")),
    path("stod/", include("support.urls")),
    path("rapporter/", include("policy_reports.urls")),
    # The officials' workspace (issue 14): each signed-in user's start page and saved views.
    path("mitt-arbete/", include("workspace.urls")),
    path("vyer/", include("saved_views.urls")),
    # Records management (issue 16): the public list of registered cases and the records manager's pages.
    path("postlista/", include("records.urls")),
    path("arkiv/", include("archive.urls")),
    # Open data API (issue 7): public, read-only; the docs UI is vendored
    # (drf-spectacular-sidecar) and loads no inline script.
    path("api/v1/", include("sotenas_portal.api.urls")),
    # A fixed version: drf-spectacular otherwise takes ?version= into the
    # schema and a response header (a newline in it was a 500).
    path("api/schema/", login_not_required(SpectacularAPIView.as_view(
        api_version=settings.SPECTACULAR_SETTINGS["VERSION"])), name="api_schema"),
    path("api/", api_docs.api_reference, name="api_docs"),
    # The DCAT-AP-SE description of the open datasets (issue 15), JSON-LD.
    path("api/dcat/", api_dcat.catalog, name="api_dcat"),
    path("api/explorer/", login_not_required(SpectacularSwaggerSplitView.as_view(
        url_name="api_schema", template_name="api/explorer.html")), name="api_explorer"),
    path("statistik/", include("sotenas_portal.statistics.urls")),
    path("admin/", admin.site.urls),
]
