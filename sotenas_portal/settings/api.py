"""The open data API: Django REST framework, its OpenAPI schema and CORS.

Read-only and public: JSON only (the browsable renderer's inline scripts
would break the Content-Security-Policy), anonymous access, page numbers
with a stable ordering set by each view.
"""

from django.utils.translation import gettext_lazy as _

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "core.api.PortalPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
# drf-spectacular: descriptions are gettext_lazy strings, so /api/schema/?lang=sv
# gives the schema in Swedish. The docs UI is served from the vendored sidecar.
SPECTACULAR_SETTINGS = {
    "TITLE": "Sotenäs kommun – social economy open data API",
    "DESCRIPTION": _(
        "Read-only open data from Sotenäs kommun's registry of the social economy: published enterprises, "
        "their service categories, target groups and localities, public agreements and aggregate statistics."
    ),
    "VERSION": "1.0.0",
    # The registry is open data under CC0 1.0 (issue 15, section 5); core/licence.py.
    "LICENSE": {"name": "CC0 1.0 Universal (Public Domain Dedication)",
                "url": "http://creativecommons.org/publicdomain/zero/1.0/"},
    # Filter values that are managed data (categories, target groups) are
    # listed in the schema as they stand when it is asked for.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "enterprises.api_schema.current_vocabularies"],
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# Anyone may read the API from any origin; nothing else is cross-origin.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
