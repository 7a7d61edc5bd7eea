"""Static files and private uploads."""

from pathlib import Path

from .env import env_int, env_str
from .paths import BASE_DIR, VAR_DIR

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
