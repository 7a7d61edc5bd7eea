"""`manage.py check --deploy` with the production settings reports nothing.

Needs no network and no services: the subprocess runs on the embedded
defaults (SQLite, filesystem broker), and the deploy checks read settings
only."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

# The browser harness sets DJANGO_ALLOW_ASYNC_UNSAFE for the test process; a
# deployment never has it (async.E001), so it must not leak into the check.
SERVICE_VARIABLES = ("DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE",
                     "DJANGO_ALLOW_ASYNC_UNSAFE")


def test_check_deploy_reports_no_warnings():
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    env.update({
        "DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "socialekonomi.sotenas.se",
        "SITE_URL": "https://socialekonomi.sotenas.se",
        "CSRF_TRUSTED_ORIGINS": "https://socialekonomi.sotenas.se",
        "DEBUG": "0",
    })
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in result.stdout, output
    assert "WARNINGS" not in output
