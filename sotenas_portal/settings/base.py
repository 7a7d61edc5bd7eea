"""Settings shared by every environment, read from environment variables.

The README documents every variable. Defaults are the embedded ones (SQLite,
a filesystem Celery broker, console email) so a fresh clone runs with no
services. This module holds Django's own wiring (apps, middleware,
templates, database, cache, logging) and gathers the topic modules beside
it by name: ``paths``, ``i18n``, ``security``, ``oidc``, ``auth``,
``storage``, ``celery``, ``email``, ``api`` and ``portal``.
"""

import dj_database_url

from .api import (  # noqa: F401
    CORS_ALLOW_ALL_ORIGINS,
    CORS_ALLOW_CREDENTIALS,
    CORS_ALLOW_METHODS,
    CORS_URLS_REGEX,
    REST_FRAMEWORK,
    SPECTACULAR_SETTINGS,
)
from .auth import (  # noqa: F401
    AUTH_PASSWORD_VALIDATORS,
    AUTH_USER_MODEL,
    AUTHENTICATION_BACKENDS,
    AXES_COOLOFF_TIME,
    AXES_DISABLE_ACCESS_LOG,
    AXES_FAILURE_LIMIT,
    AXES_LOCKOUT_PARAMETERS,
    AXES_LOCKOUT_TEMPLATE,
    AXES_RESET_ON_SUCCESS,
    AXES_USERNAME_CALLABLE,
    AXES_VERBOSE,
    LOGIN_REDIRECT_URL,
    LOGIN_URL,
    LOGOUT_REDIRECT_URL,
    PASSWORD_RESET_TIMEOUT,
)
from .celery import (  # noqa: F401
    CELERY_BEAT_SCHEDULE,
    CELERY_BEAT_SCHEDULE_FILENAME,
    CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP,
    CELERY_BROKER_CONNECTION_TIMEOUT,
    CELERY_BROKER_TRANSPORT_OPTIONS,
    CELERY_BROKER_URL,
    CELERY_TASK_ACKS_LATE,
    CELERY_TASK_IGNORE_RESULT,
    CELERY_TASK_REJECT_ON_WORKER_LOST,
    CELERY_TASK_SOFT_TIME_LIMIT,
    CELERY_TASK_TIME_LIMIT,
    CELERY_TIMEZONE,
    CELERY_WORKER_PREFETCH_MULTIPLIER,
    USES_FILESYSTEM_BROKER,
    filesystem_broker_options,
)
from .email import (  # noqa: F401
    DEFAULT_FROM_EMAIL,
    EMAIL_BACKEND,
    EMAIL_HOST,
    EMAIL_HOST_PASSWORD,
    EMAIL_HOST_USER,
    EMAIL_PORT,
    EMAIL_USE_SSL,
    EMAIL_USE_TLS,
    OUTBOX_MAX_ATTEMPTS,
    OUTBOX_RETRY_BASE_SECONDS,
    SERVER_EMAIL,
)
from .env import env_bool, env_int, env_list, env_str  # noqa: F401
from .i18n import (  # noqa: F401
    LANGUAGE_CODE,
    LANGUAGE_COOKIE_NAME,
    LANGUAGE_COOKIE_SAMESITE,
    LANGUAGES,
    LOCALE_PATHS,
    TIME_ZONE,
    USE_I18N,
    USE_TZ,
)
from .oidc import (  # noqa: F401
    AXES_WHITELIST_CALLABLE,
    OIDC_AUTHENTICATION_CALLBACK_URL,
    OIDC_BACKEND,
    OIDC_ENABLED,
    OIDC_GROUP_MAP,
    OIDC_GROUPS_CLAIM,
    OIDC_OP_AUTHORIZATION_ENDPOINT,
    OIDC_OP_DISCOVERY_URL,
    OIDC_OP_ISSUER,
    OIDC_OP_JWKS_ENDPOINT,
    OIDC_OP_TOKEN_ENDPOINT,
    OIDC_OP_USER_ENDPOINT,
    OIDC_RP_CLIENT_ID,
    OIDC_RP_CLIENT_SECRET,
    OIDC_RP_SCOPES,
    OIDC_RP_SIGN_ALGO,
    OIDC_TIMEOUT,
    OIDC_USE_PKCE,
    validate_oidc_settings,
)
from .paths import BASE_DIR, VAR_DIR
from .portal import (  # noqa: F401
    ASF_CHECK_VALID_YEARS,
    ASF_RENEWAL_WARNING_DAYS,
    POLICY_PERIOD_YEARS,
    POLICY_REVIEW_LEAD_MONTHS,
    REGISTRY_CONFIRMATION_LAST_CALL_DAYS,
    REGISTRY_CONFIRMATION_MONTH,
    REGISTRY_CONFIRMATION_NOTICE_MONTHS,
    REGISTRY_CONFIRMATION_UNPUBLISH_MONTHS,
    REGISTRY_PAGE_SIZE,
    REMINDER_AGREEMENT_DAYS_BEFORE,
    REMINDER_ASF_CHECK_DAYS_BEFORE,
    REMINDER_ASF_EXPIRY_CATCH_UP_DAYS,
    REMINDER_REPORT_DAYS_BEFORE,
    REMINDER_REPORT_REPEAT_DAYS,
    REMINDER_REVIEW_DAYS_BEFORE,
    REMINDER_REVIEW_REPEAT_DAYS,
    SUPPORT_AGREEMENT_ENDING_SOON_DAYS,
    SUPPORT_FIRST_RESPONSE_WORKING_DAYS,
)
from .security import (  # noqa: F401
    CONTENT_SECURITY_POLICY,
    CSRF_COOKIE_SAMESITE,
    INSECURE_DEFAULT_SECRET_KEY,
    SECRET_KEY,
    SECURE_CONTENT_TYPE_NOSNIFF,
    SECURE_CROSS_ORIGIN_OPENER_POLICY,
    SECURE_REFERRER_POLICY,
    SESSION_COOKIE_HTTPONLY,
    SESSION_COOKIE_SAMESITE,
    X_FRAME_OPTIONS,
    refuse_default_secret_key,
)
from .storage import (  # noqa: F401
    DATA_UPLOAD_MAX_MEMORY_SIZE,
    FILE_UPLOAD_MAX_MEMORY_SIZE,
    MEDIA_ROOT,
    STATIC_ROOT,
    STATIC_URL,
    STATICFILES_DIRS,
    STORAGES,
    UPLOAD_MAX_BYTES,
)

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

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
    # Records management (issue 16): registration, secrecy, the records plan.
    "records",
    "enterprises",
    "support",
    "policy_reports",
    # Disposal, case copies and the e-archive export over every domain.
    "archive",
    # The officials' workspace (issue 14): saved views, then each user's start page.
    "saved_views",
    "workspace",
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
                "saved_views.context_processors.saved_views",
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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default is written by the web server and the Celery worker
    # at once. WAL lets readers and one writer work side by side; IMMEDIATE
    # takes the write lock when a transaction begins, so a waiting writer
    # waits for the busy timeout (seconds) instead of failing with "database
    # is locked" when a read inside its transaction turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    })
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
