"""OpenID Connect sign-in for municipal staff (issue 8).

Officials sign in with the municipality's identity provider; enterprise
representatives keep their passwords. Off unless OIDC_ENABLED is set. The
provider's groups decide departments and roles (OIDC_GROUP_MAP, format in
accounts/oidc/groups.py and the README). Endpoints are read from the
provider's discovery document (OIDC_OP_ISSUER or OIDC_OP_DISCOVERY_URL)
unless all four are given explicitly; either way at sign-in, never at start.
"""

# Pure code, no models: safe to import while settings load.
from django.core.exceptions import ImproperlyConfigured

from accounts.oidc.groups import GroupMapError, parse_group_map

from .env import env_bool, env_int, env_str

OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_ISSUER = env_str("OIDC_OP_ISSUER", "").rstrip("/")
OIDC_OP_DISCOVERY_URL = env_str("OIDC_OP_DISCOVERY_URL", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
OIDC_GROUPS_CLAIM = env_str("OIDC_GROUPS_CLAIM", "groups")
OIDC_GROUP_MAP = env_str("OIDC_GROUP_MAP", "")
OIDC_USE_PKCE = env_bool("OIDC_USE_PKCE", True)
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT", 10)
# mozilla-django-oidc's own names for where the flow starts and ends.
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"
OIDC_BACKEND = "accounts.oidc.OIDCBackend"
# Axes throttles password guesses; the provider's callbacks are not counted.
AXES_WHITELIST_CALLABLE = "accounts.oidc.is_oidc_callback_attempt"


def validate_oidc_settings(*, client_id: str, client_secret: str, issuer: str, discovery_url: str,
                           endpoints: list[str], group_map: str) -> None:
    """With OIDC switched on, refuse to start on a half-done configuration."""
    missing = [name for name, value in (("OIDC_RP_CLIENT_ID", client_id),
                                        ("OIDC_RP_CLIENT_SECRET", client_secret),
                                        ("OIDC_GROUP_MAP", group_map)) if not value]
    if not (issuer or discovery_url or all(endpoints)):
        missing.append("OIDC_OP_ISSUER (or OIDC_OP_DISCOVERY_URL, or all four OIDC_OP_*_ENDPOINT)")
    if missing:
        raise ImproperlyConfigured(f"OIDC_ENABLED is on but these are not set: {', '.join(missing)}.")
    try:
        parse_group_map(group_map)
    except GroupMapError as exc:
        raise ImproperlyConfigured(str(exc)) from exc


if OIDC_ENABLED:
    validate_oidc_settings(
        client_id=OIDC_RP_CLIENT_ID, client_secret=OIDC_RP_CLIENT_SECRET, issuer=OIDC_OP_ISSUER,
        discovery_url=OIDC_OP_DISCOVERY_URL, group_map=OIDC_GROUP_MAP,
        endpoints=[OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT,
                   OIDC_OP_JWKS_ENDPOINT],
    )
