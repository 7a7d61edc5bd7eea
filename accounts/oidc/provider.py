"""The identity provider's endpoints: from settings, the rest from its
discovery document, read at sign-in and kept for an hour."""

import time
from dataclasses import dataclass

import jwt
import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation

# Failures of the provider or its answers: logged, and the user sees the
# generic "sign-in failed" message.
PROVIDER_ERRORS = (
    SuspiciousOperation,
    ImproperlyConfigured,
    requests.RequestException,
    jwt.InvalidTokenError,
    KeyError,
    ValueError,
)


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str


DISCOVERY_CACHE_SECONDS = 60 * 60
_discovery_cache: dict[str, tuple[float, dict]] = {}


def clear_discovery_cache() -> None:
    _discovery_cache.clear()


def discovery_document(url: str) -> dict:
    """The provider's discovery document, kept for an hour (failures are not kept)."""
    cached = _discovery_cache.get(url)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    document = response.json()
    _discovery_cache[url] = (time.monotonic() + DISCOVERY_CACHE_SECONDS, document)
    return document


def provider() -> Provider:
    """Endpoints from settings, the rest from the discovery document.

    Read at sign-in, not at start-up, so the portal (and password sign-in)
    works while the provider is unreachable."""
    configured = Provider(
        issuer=settings.OIDC_OP_ISSUER,
        authorization_endpoint=settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        token_endpoint=settings.OIDC_OP_TOKEN_ENDPOINT,
        userinfo_endpoint=settings.OIDC_OP_USER_ENDPOINT,
        jwks_uri=settings.OIDC_OP_JWKS_ENDPOINT,
    )
    if all(vars(configured).values()):
        return configured
    url = settings.OIDC_OP_DISCOVERY_URL or f"{configured.issuer.rstrip('/')}/.well-known/openid-configuration"
    document = discovery_document(url)
    issuer = document["issuer"]
    if configured.issuer and issuer.rstrip("/") != configured.issuer.rstrip("/"):
        raise ImproperlyConfigured(f"The provider says its issuer is {issuer!r}, not {configured.issuer!r}.")
    return Provider(
        issuer=issuer,
        authorization_endpoint=configured.authorization_endpoint or document["authorization_endpoint"],
        token_endpoint=configured.token_endpoint or document["token_endpoint"],
        userinfo_endpoint=configured.userinfo_endpoint or document["userinfo_endpoint"],
        jwks_uri=configured.jwks_uri or document["jwks_uri"],
    )

