"""The group map (OIDC_GROUP_MAP) and the start-up checks of the OIDC
settings: pure code, no database, no provider."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts.oidc.groups import (
    ADMINISTRATOR,
    COORDINATOR,
    Grants,
    GroupMapError,
    groups_from_claims,
    parse_group_map,
)
from sotenas_portal.settings.base import BASE_DIR
from sotenas_portal.settings.oidc import validate_oidc_settings

EXAMPLE = """
    grp-ami = department:Sektor arbetsmarknad och integration ;
    grp-ks=department:Kommunstyrelsens förvaltning, role:coordinator
    grp-it-admin=role:administrator;;
    grp-ami=department:Sotenäs Vatten AB
"""


def test_the_documented_format():
    group_map = parse_group_map(EXAMPLE)
    assert group_map.departments == {
        "grp-ami": frozenset({"Sektor arbetsmarknad och integration", "Sotenäs Vatten AB"}),
        "grp-ks": frozenset({"Kommunstyrelsens förvaltning"}),
    }
    assert group_map.roles == {"grp-ks": frozenset({COORDINATOR}), "grp-it-admin": frozenset({ADMINISTRATOR})}
    assert group_map.managed_departments == {
        "Sektor arbetsmarknad och integration", "Sotenäs Vatten AB", "Kommunstyrelsens förvaltning"}
    assert group_map.managed_roles == {COORDINATOR, ADMINISTRATOR}


def test_grants_add_up_over_groups_and_ignore_unknown_ones():
    group_map = parse_group_map(EXAMPLE)
    assert group_map.grants(["grp-ks", "grp-it-admin", "grp-everyone"]) == Grants(
        departments=frozenset({"Kommunstyrelsens förvaltning"}), roles=frozenset({COORDINATOR, ADMINISTRATOR}))
    assert group_map.grants(["grp-everyone"]).is_empty
    assert group_map.grants(["GRP-AMI"]).is_empty  # group names are exact


def test_an_empty_map_grants_nothing_and_manages_nothing():
    group_map = parse_group_map("")
    assert group_map.grants(["grp-ami"]).is_empty
    assert group_map.managed_departments == frozenset() and group_map.managed_roles == frozenset()


def test_a_department_name_may_contain_a_colon():
    assert parse_group_map("g=department:Bolag: Hamnen AB").departments == {"g": frozenset({"Bolag: Hamnen AB"})}


@pytest.mark.parametrize("text", [
    "grp-ami",
    "=department:Sektor",
    "grp-ami=",
    "grp-ami=department:",
    "grp-ami=role:official",
    "grp-ami=role:",
    "grp-ami=sektor:Sektor omsorg",
    "grp-ami=department:Sektor omsorg,",
])
def test_a_bad_rule_is_named_in_the_error(text):
    with pytest.raises(GroupMapError, match="OIDC_GROUP_MAP"):
        parse_group_map(text)


@pytest.mark.parametrize("value,expected", [
    (["a", "b"], ["a", "b"]),
    ("a", ["a"]),
    (None, []),
    ({"a": 1}, []),
    ([1, "b"], ["1", "b"]),
])
def test_groups_from_claims(value, expected):
    assert groups_from_claims({"groups": value}, "groups") == expected
    assert groups_from_claims({}, "groups") == []


VALID = dict(client_id="portal", client_secret="secret", issuer="https://login.sotenas.example",
             discovery_url="", endpoints=["", "", "", ""], group_map="g=role:coordinator")


def test_valid_settings_pass():
    validate_oidc_settings(**VALID)
    validate_oidc_settings(**{**VALID, "issuer": "", "endpoints": ["a", "t", "u", "j"]})
    validate_oidc_settings(**{**VALID, "issuer": "", "discovery_url": "https://x/.well-known/openid-configuration"})


@pytest.mark.parametrize("change,named", [
    ({"client_id": ""}, "OIDC_RP_CLIENT_ID"),
    ({"client_secret": ""}, "OIDC_RP_CLIENT_SECRET"),
    ({"group_map": ""}, "OIDC_GROUP_MAP"),
    ({"issuer": "", "endpoints": ["a", "t", "u", ""]}, "OIDC_OP_ISSUER"),
    ({"group_map": "g=role:mayor"}, "role:mayor"),
])
def test_half_done_settings_stop_the_start(change, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        validate_oidc_settings(**{**VALID, **change})


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    inherited = ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean_env = {k: v for k, v in os.environ.items() if k not in inherited and not k.startswith("OIDC_")}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env={**clean_env, **env},
                          capture_output=True, text=True, timeout=120)


OIDC_ENV = {
    "DJANGO_SETTINGS_MODULE": "sotenas_portal.settings.local",
    "DEBUG": "1",
    "OIDC_ENABLED": "1",
    "OIDC_RP_CLIENT_ID": "portal",
    "OIDC_RP_CLIENT_SECRET": "secret",
    # Nothing listens here: the provider is only asked at sign-in.
    "OIDC_OP_ISSUER": "http://127.0.0.1:9",
    "OIDC_GROUP_MAP": "grp-ks=department:Kommunstyrelsens förvaltning,role:coordinator",
}
PRINT_BACKENDS = "from django.conf import settings; print(','.join(settings.AUTHENTICATION_BACKENDS))"


def test_switched_on_by_the_environment_the_backend_comes_before_the_password_one():
    result = manage("shell", "-c", PRINT_BACKENDS, env=OIDC_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split(",") == [
        "axes.backends.AxesStandaloneBackend",
        "rules.permissions.ObjectPermissionBackend",
        "accounts.oidc.OIDCBackend",
        "accounts.backends.PasswordBackend",
    ]
    switched_off = manage("shell", "-c", PRINT_BACKENDS, env={**OIDC_ENV, "OIDC_ENABLED": "0"})
    assert "accounts.oidc.OIDCBackend" not in switched_off.stdout


def test_a_bad_group_map_in_the_environment_stops_the_start():
    result = manage("check", env={**OIDC_ENV, "OIDC_GROUP_MAP": "grp-ks=role:mayor"})
    assert result.returncode != 0
    assert "OIDC_GROUP_MAP" in result.stderr and "role:mayor" in result.stderr
