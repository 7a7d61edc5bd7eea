"""Accounts, password sign-in and its throttling (django-axes)."""

from .env import env_int
from .oidc import OIDC_BACKEND, OIDC_ENABLED

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.PasswordBackend",
]
if OIDC_ENABLED:
    # Before the password backend, so an account linked to the provider can
    # never sign in with a password (axes' backend stays first).
    AUTHENTICATION_BACKENDS.insert(AUTHENTICATION_BACKENDS.index("accounts.backends.PasswordBackend"),
                                   OIDC_BACKEND)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Each signed-in user's start page, "Mitt arbete" (issue 14); also where OIDC sign-in lands.
LOGIN_REDIRECT_URL = "workspace:start"
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
# How long failed sign-in records are kept is the records plan's rule (issue 16).
