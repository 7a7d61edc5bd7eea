"""The secret key and its guard, and the security headers every response carries."""

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import env_str

# A key that is only ever acceptable with DEBUG on; see the guard below.
INSECURE_DEFAULT_SECRET_KEY = "django-insecure-sotenas-portal-development-key-do-not-use"
SECRET_KEY = env_str("SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)


def refuse_default_secret_key(debug: bool, secret_key: str) -> None:
    """Without DEBUG the portal must not start on the published default key."""
    if not debug and secret_key in ("", INSECURE_DEFAULT_SECRET_KEY):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set a long random SECRET_KEY (or DEBUG=1 for development)."
        )


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
