"""Languages and time: Swedish first, in Stockholm."""

from django.utils.translation import gettext_lazy as _

from .paths import BASE_DIR

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "sotenas_portal" / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
