"""Access to the real services some tests need (PostgreSQL, Redis, Chromium).

Locally a test skips when its service is missing; in CI, where
REQUIRE_SERVICES names it ("1" means all), it fails instead, so a broken CI
machine can never pass by skipping.
"""

import os
import shutil
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.db import connection

from core.net import port_open

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ALL_SERVICES = {"postgres", "redis", "browser", "gettext"}


def required_services() -> set[str]:
    raw = os.environ.get("REQUIRE_SERVICES", "").strip().lower()
    if raw in ("", "0", "no", "false"):
        return set()
    if raw in ("1", "all", "yes", "true"):
        return set(ALL_SERVICES)
    return {part.strip() for part in raw.split(",") if part.strip()}


def need(service: str, available: bool, reason: str) -> None:
    if available:
        return
    if service in required_services():
        pytest.fail(f"{service} is required here (REQUIRE_SERVICES) but not available: {reason}")
    pytest.skip(f"{service} not available: {reason}")


def need_postgres() -> None:
    need("postgres", connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")


def redis_broker_url() -> str | None:
    url = settings.CELERY_BROKER_URL
    return url if url.startswith("redis://") else None


def need_redis() -> str:
    url = redis_broker_url()
    if url is None:
        need("redis", False, "CELERY_BROKER_URL is not a redis:// URL")
    parsed = urlparse(url)
    need("redis", port_open(parsed.hostname or "127.0.0.1", parsed.port or 6379), f"nothing answers at {url}")
    return url


def need_browser() -> str:
    present = os.path.exists(CHROMIUM_PATH) or shutil.which(CHROMIUM_PATH) is not None
    need("browser", present, f"{CHROMIUM_PATH} is missing")
    try:
        import playwright  # noqa: F401
    except ImportError:
        need("browser", False, "the playwright package is not installed")
    return CHROMIUM_PATH
