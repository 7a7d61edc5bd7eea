"""Settings for the benchmark's server: the production settings, served
over plain HTTP on loopback. Only ``bench.run`` uses them."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-never-used-in-production-0123456789abcdef")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from sotenas_portal.settings.production import *  # noqa: E402,F401,F403
from sotenas_portal.settings.production import STORAGES  # noqa: E402

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
# The smoke test skips collectstatic's hashing and compression.
if os.environ.get("BENCH_PLAIN_STATIC") == "1":
    STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
