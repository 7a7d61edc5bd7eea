"""Settings for the test suite: fast hashing, in-memory email, a file database.

Tests run against the same database engine as DATABASE_URL says, so CI runs
the whole suite on PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdefghij")

from .base import *  # noqa: E402,F401,F403
from .base import (  # noqa: E402
    DATABASES,
    STATIC_ROOT,
    STORAGES,
    USES_FILESYSTEM_BROKER,
    VAR_DIR,
    filesystem_broker_options,
)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In-memory email, unless a test's worker process is pointed at a real SMTP server.
EMAIL_BACKEND = os.environ.get("TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = VAR_DIR / "test-media"
CONN_MAX_AGE = 0
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so a Celery worker started by a test sees the
    # same database as the test.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-portal.sqlite3")}

# WhiteNoise warns when its root is missing; tests never collect static files.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# A broker folder of the tests' own, so a worker started by a test never
# picks up messages left by `make run`.
if USES_FILESYSTEM_BROKER:
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(VAR_DIR / "test-celery-broker")

# Tasks run in the test process unless a test starts a real worker (see
# tests/harness/worker.py, which switches this off for its own tests).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

# Sign-in through the identity provider is off whatever the environment says;
# tests/accounts/test_oidc.py switches it on against its own provider.
OIDC_ENABLED = False
