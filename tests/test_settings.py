"""Settings come from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from sotenas_portal.settings.base import BASE_DIR

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.production",
    "SECRET_KEY": "k3H!q9zR@v2Lw8#nP5xT&c7Yb4Mf6Gd1Js0Ea^Uo-Zi+Kl*Wr=Qy%Vh_Bn(Xe)Sg",
    "ALLOWED_HOSTS": "socialekonomi.sotenas.se",
    "SITE_URL": "https://socialekonomi.sotenas.se",
    "DEBUG": "0",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    inherited = ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean_env = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_with_the_production_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("module", ["sotenas_portal.settings.production", "sotenas_portal.settings.local"])
def test_refuses_to_start_without_debug_on_the_default_secret_key(module):
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": module}
    del env["SECRET_KEY"]
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_development_starts_on_the_default_key():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.local", "DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_is_a_clear_configuration_error():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.local", "DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_swedish_first_in_stockholm():
    assert settings.LANGUAGE_CODE == "sv"
    assert [code for code, _ in settings.LANGUAGES] == ["sv", "en"]
    assert settings.TIME_ZONE == "Europe/Stockholm"
