"""Production: DEBUG off, HTTPS only, a real secret key required.

`python manage.py check --deploy` reports no warnings with these settings
and the production variables documented in the README.
"""

from .base import *  # noqa: F401,F403
from .base import DEBUG, SECRET_KEY, env_bool, env_int, refuse_default_secret_key

refuse_default_secret_key(DEBUG, SECRET_KEY)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
