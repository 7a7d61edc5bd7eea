"""Settings shared by every environment, read from environment variables.

The README documents every variable. Defaults are the embedded ones (SQLite,
a filesystem Celery broker, console email) so a fresh clone runs with no
services.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))
# var/ holds the embedded defaults (SQLite file, filesystem broker); it must
# exist before either is touched.
VAR_DIR.mkdir(parents=True, exist_ok=True)

# A key that is only ever acceptable with DEBUG on; see the guard below.
INSECURE_DEFAULT_SECRET_KEY = "django-insecure-sotenas-portal-development-key-do-not-use"
SECRET_KEY = env_str("SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])


def refuse_default_secret_key(debug: bool, secret_key: str) -> None:
    """Without DEBUG the portal must not start on the published default key."""
    if not debug and secret_key in ("", INSECURE_DEFAULT_SECRET_KEY):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set a long random SECRET_KEY (or DEBUG=1 for development)."
        )


INSTALLED_APPS = [
    "sotenas_portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "csp",
    # The open data API (issue 7): DRF, its OpenAPI schema, the vendored
    # documentation UI (no CDN) and CORS for /api/ only.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "core",
    "sotenas_portal.apps.PortalConfig",
    "accounts",
    "enterprises",
    "support",
    "policy_reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # CORS before CommonMiddleware, as django-cors-headers asks; it only
    # touches URLs matching CORS_URLS_REGEX.
    "corsheaders.middleware.CorsMiddleware",
    "sotenas_portal.middleware.SwedishFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Default deny: every view needs a signed-in user unless it is marked
    # with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sotenas_portal.urls"
WSGI_APPLICATION = "sotenas_portal.wsgi.application"
ASGI_APPLICATION = "sotenas_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
                "accounts.context_processors.sign_in_options",
            ],
        },
    },
]

# Database ------------------------------------------------------------------
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", DEFAULT_SQLITE_URL)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache ---------------------------------------------------------------------
# Per process by default. With CACHE_URL=redis://… every worker shares one
# cache (the cached statistics are then computed once per change, not once
# per worker); production should set it.
CACHE_URL = env_str("CACHE_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Accounts and authentication ----------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:overview"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Failed logins are throttled per username and address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.throttling.attempted_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Successful sign-ins are not logged: the privacy page promises only failures.
AXES_DISABLE_ACCESS_LOG = True
LOGIN_ATTEMPT_RETENTION_DAYS = env_int("LOGIN_ATTEMPT_RETENTION_DAYS", 30)

# OpenID Connect sign-in for municipal staff (issue 8) ----------------------
# Officials sign in with the municipality's identity provider; enterprise
# representatives keep their passwords. Off unless OIDC_ENABLED is set. The
# provider's groups decide departments and roles (OIDC_GROUP_MAP, format in
# accounts/oidc_groups.py and the README). Endpoints are read from the
# provider's discovery document (OIDC_OP_ISSUER or OIDC_OP_DISCOVERY_URL)
# unless all four are given explicitly; either way at sign-in, never at start.
OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_ISSUER = env_str("OIDC_OP_ISSUER", "").rstrip("/")
OIDC_OP_DISCOVERY_URL = env_str("OIDC_OP_DISCOVERY_URL", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
OIDC_GROUPS_CLAIM = env_str("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_MAP = env_str("OIDC_GROUP_MAP", "")
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
# mozilla-django-oidc's own names for where the flow starts and ends.
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"
OIDC_BACKEND = "accounts.oidc.OIDCBackend"
# Axes throttles password guesses; the provider's callbacks are not counted.
AXES_WHITELIST_CALLABLE = "accounts.oidc.is_oidc_callback_attempt"


def validate_oidc_settings(*, client_id: str, client_secret: str, issuer: str, discovery_url: str,
                           endpoints: list[str], group_map: str) -> None:
    """With OIDC switched on, refuse to start on a half-done configuration."""
    from accounts.oidc_groups import GroupMapError, parse_group_map

    missing = [name for name, value in (("OIDC_RP_CLIENT_ID", client_id),
                                        ("OIDC_RP_CLIENT_SECRET", client_secret),
                                        ("OIDC_GROUP_MAP", group_map)) if not value]
    if not (issuer or discovery_url or all(endpoints)):
        missing.append("OIDC_OP_ISSUER (or OIDC_OP_DISCOVERY_URL, or all four OIDC_OP_*_ENDPOINT)")
    if missing:
        raise ImproperlyConfigured(f"OIDC_ENABLED is on but these are not set: {', '.join(missing)}.")
    try:
        parse_group_map(group_map)
    except GroupMapError as exc:
        raise ImproperlyConfigured(str(exc)) from exc


if OIDC_ENABLED:
    validate_oidc_settings(
        client_id=OIDC_RP_CLIENT_ID, client_secret=OIDC_RP_CLIENT_SECRET, issuer=OIDC_OP_ISSUER,
        discovery_url=OIDC_OP_DISCOVERY_URL, group_map=OIDC_GROUP_MAP,
        endpoints=[OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT,
                   OIDC_OP_JWKS_ENDPOINT],
    )
    # Before the password backend, so an account linked to the provider can
    # never sign in with a password (axes' backend stays first).
    AUTHENTICATION_BACKENDS.insert(AUTHENTICATION_BACKENDS.index("django.contrib.auth.backends.ModelBackend"),
                                   OIDC_BACKEND)

# Internationalisation -------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "sotenas_portal" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Static and uploaded files --------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Uploads are private: they live outside the web root and are only ever
# served through views that check permissions.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "private-media")))
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# Uploads beyond this stream to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email ------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Sotenäs kommun <social.ekonomi@sotenas.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Celery -------------------------------------------------------------------------
# The default broker is kombu's filesystem transport: it needs no server, so
# `make run` works on a machine with only Python.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")


def filesystem_broker_options(folder: Path) -> dict:
    """Transport options for kombu's filesystem broker in ``folder``."""
    for sub in ("queue", "processed", "control"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return {
        # kombu's default control folder is ./control, relative to the cwd.
        "control_folder": str(folder / "control"),
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "processed_folder": str(folder / "processed"),
        "store_processed": False,
    }


USES_FILESYSTEM_BROKER = CELERY_BROKER_URL.startswith("filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    filesystem_broker_options(VAR_DIR / "celery-broker") if USES_FILESYSTEM_BROKER else {}
)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that hands a message to a dead broker gives up quickly; the
# outbox sweep sends the message later.
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Scheduled work lives in code; each later issue adds its entries here.
    "reminder-sweep": {
        "task": "sotenas_portal.tasks.reminder_sweep",
        # Hourly: the sweep is idempotent, and a missed hour costs nothing.
        "schedule": 60 * 60,
    },
    "clear-expired-sessions": {
        "task": "accounts.tasks.clear_expired_sessions",
        "schedule": 60 * 60 * 6,
    },
    "requeue-outbox": {
        "task": "sotenas_portal.tasks.requeue_outbox",
        "schedule": 60 * 5,
    },
    "delete-old-login-attempts": {
        "task": "accounts.tasks.delete_old_login_attempts",
        "schedule": 60 * 60 * 24,
    },
    # Privacy (issue 8): retention of closed support requests and old emails.
    "anonymise-closed-support-requests": {
        "task": "support.tasks.anonymise_closed_requests",
        "schedule": 60 * 60 * 24,
    },
    "delete-old-outbox-emails": {
        "task": "sotenas_portal.tasks.delete_old_outbox_emails",
        "schedule": 60 * 60 * 24,
    },
}

# Registry ---------------------------------------------------------------------
# The policy's own rhythm: a definition check is valid for two years.
ASF_CHECK_VALID_YEARS = env_int("ASF_CHECK_VALID_YEARS", 2)
# Officials' work list shows checks that expire within this many days.
ASF_RENEWAL_WARNING_DAYS = env_int("ASF_RENEWAL_WARNING_DAYS", 60)
REGISTRY_PAGE_SIZE = 20

# Support ------------------------------------------------------------------------
# A support request gets its first response within this many working days of
# submission (weekends and Swedish public holidays excluded).
SUPPORT_FIRST_RESPONSE_WORKING_DAYS = env_int("SUPPORT_FIRST_RESPONSE_WORKING_DAYS", 10)
# Agreements ending within this many days are flagged as ending soon.
SUPPORT_AGREEMENT_ENDING_SOON_DAYS = env_int("SUPPORT_AGREEMENT_ENDING_SOON_DAYS", 90)
# Closed and withdrawn requests keep their personal content (texts,
# messages, attachments, the applicant) this many days after they ended;
# then support.retention removes it and keeps the facts for the statistics.
SUPPORT_REQUEST_RETENTION_DAYS = env_int("SUPPORT_REQUEST_RETENTION_DAYS", 3 * 365)

# Policy reports -------------------------------------------------------------------
# The policy governs for this many years from the council's decision, then it
# is followed up, evaluated and possibly revised.
POLICY_PERIOD_YEARS = 2
# Default months before the review date when the review's preparation should
# start (each policy version can set its own).
POLICY_REVIEW_LEAD_MONTHS = env_int("POLICY_REVIEW_LEAD_MONTHS", 6)

# Reminders: lead times in days before the due date (see sotenas_portal/reminders).
REMINDER_REVIEW_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_REVIEW_DAYS_BEFORE", ["180", "90", "30", "7"])]
REMINDER_REVIEW_REPEAT_DAYS = env_int("REMINDER_REVIEW_REPEAT_DAYS", 30)
REMINDER_REPORT_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_REPORT_DAYS_BEFORE", ["30", "7"])]
REMINDER_REPORT_REPEAT_DAYS = env_int("REMINDER_REPORT_REPEAT_DAYS", 7)
REMINDER_AGREEMENT_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_AGREEMENT_DAYS_BEFORE", ["90", "30"])]
REMINDER_ASF_CHECK_DAYS_BEFORE = [int(d) for d in env_list("REMINDER_ASF_CHECK_DAYS_BEFORE", ["60"])]

# Outbox: failed sends retry with exponential backoff, then show as failed
# to administrators.
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)
OUTBOX_RETRY_BASE_SECONDS = env_int("OUTBOX_RETRY_BASE_SECONDS", 60)
# Sent and failed emails are deleted this many days after they were
# written; a reminder keeps a bodiless row so it is never sent twice.
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 90)

# Open data API ------------------------------------------------------------------
# Read-only and public: JSON only (the browsable renderer's inline scripts
# would break the Content-Security-Policy), anonymous access, page numbers
# with a stable ordering set by each view.
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

# Security headers -------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Forms --------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# History: officials see who changed what and when.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
