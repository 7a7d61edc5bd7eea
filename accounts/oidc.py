"""Sign-in for municipal staff with the municipality's identity provider
(OpenID Connect, through mozilla-django-oidc).

The provider's ``sub`` claim is the stable link to a portal account
(``User.oidc_subject``); the provider's groups decide departments and roles
at every sign-in (``accounts.oidc_groups`` for the map and its rules). Such
accounts have no usable password: officials sign in only through the
provider, enterprise representatives only with a password.
"""

import hashlib
import logging
import re
import time
from dataclasses import dataclass

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, SuspiciousOperation
from django.db import IntegrityError, transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .models import Department, Membership, User
from .oidc_groups import ADMINISTRATOR, COORDINATOR, GroupMap, groups_from_claims, parse_group_map

logger = logging.getLogger(__name__)

# Why a sign-in was refused; the callback view turns these into messages.
NO_ACCESS = "no_access"
ACCOUNT_CONFLICT = "account_conflict"
ACCOUNT_INACTIVE = "account_inactive"

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


class SignInRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# The provider's endpoints ---------------------------------------------------
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


# Creating and synchronising the official's account --------------------------
def official_sign_in(*, claims: dict, group_map: GroupMap, groups_claim: str) -> User:
    """The account for verified ``claims``, created or updated, with its
    departments and roles brought in line with the provider's groups.

    Raises SignInRefused when the groups give no access to the portal (an
    existing account then also loses what the provider had granted, and its
    open sessions end), when the account is deactivated, or when the
    email belongs to another account that is linked to another subject.
    """
    with transaction.atomic():
        user, allowed = _sync_account(claims=claims, group_map=group_map, groups_claim=groups_claim)
    if not allowed:
        raise SignInRefused(NO_ACCESS)
    return user


def _sync_account(*, claims: dict, group_map: GroupMap, groups_claim: str) -> tuple[User | None, bool]:
    subject = str(claims["sub"])
    grants = group_map.grants(groups_from_claims(claims, groups_claim))
    named = {d.name: d for d in Department.objects.filter(name__in=group_map.managed_departments)}
    for name in sorted(grants.departments - named.keys()):
        logger.error("OIDC_GROUP_MAP names the department %r, which does not exist.", name)
    departments = [named[name] for name in grants.departments if name in named]
    allowed = bool(grants.roles) or any(d.is_active for d in departments)

    user = User.objects.select_for_update().filter(oidc_subject=subject).first()
    if user is None:
        if not allowed:
            return None, False
        user = _link_or_create(claims, subject)
    if not user.is_active or getattr(user, "erased_at", None):
        raise SignInRefused(ACCOUNT_INACTIVE)
    _update_details(user, claims)
    if COORDINATOR in group_map.managed_roles:
        user.is_policy_coordinator = COORDINATOR in grants.roles
    if ADMINISTRATOR in group_map.managed_roles:
        user.is_superuser = user.is_staff = ADMINISTRATOR in grants.roles
    # The provider is the only way in, so the password stays unusable even if
    # someone set one in the admin. A new unusable password also changes the
    # session hash: refused, the official is signed out everywhere at once.
    if user.has_usable_password() or not allowed:
        user.set_unusable_password()
    user.save()
    _sync_memberships(user, wanted={d.pk for d in departments}, managed=named.values())
    return user, allowed


def _sync_memberships(user: User, *, wanted: set[int], managed) -> None:
    """Memberships of departments named in the map follow the groups; the
    others are the administrator's and stay."""
    current = set(
        Membership.objects.filter(user=user, department__in=list(managed)).values_list("department_id", flat=True)
    )
    for membership in Membership.objects.filter(user=user, department_id__in=current - wanted):
        membership.delete()  # one by one, so the history records each
    for department_id in sorted(wanted - current):
        Membership.objects.create(user=user, department_id=department_id)


def _link_or_create(claims: dict, subject: str) -> User:
    email = (claims.get("email") or "").strip()
    existing = User.objects.select_for_update().filter(email__iexact=email).first() if email else None
    if existing is not None:
        # An account made before sign-in through the provider (by the
        # administrator, or the demo data) becomes the official's, once, and
        # only on an address the provider vouches for.
        if existing.oidc_subject is not None or claims.get("email_verified") is False:
            logger.warning("OIDC sign-in of %s: the email address belongs to another account.", subject)
            raise SignInRefused(ACCOUNT_CONFLICT)
        existing.oidc_subject = subject
        return existing
    user = User(username=_free_username(claims, subject, email), email=email, oidc_subject=subject)
    user.set_unusable_password()
    return user


def _free_username(claims: dict, subject: str, email: str) -> str:
    wanted = claims.get("preferred_username") or email.split("@")[0]
    base = re.sub(r"[^\w.@+-]", "", str(wanted or ""))[:140]
    if not base:
        base = "kommun-" + hashlib.sha256(subject.encode()).hexdigest()[:12]
    candidate, number = base, 2
    while User.objects.filter(username__iexact=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _update_details(user: User, claims: dict) -> None:
    """Names and email follow the provider; an address another account
    already uses is not taken over."""
    if claims.get("given_name") is not None:
        user.first_name = str(claims["given_name"])[:150]
    if claims.get("family_name") is not None:
        user.last_name = str(claims["family_name"])[:150]
    email = (claims.get("email") or "").strip()
    if email and email.lower() != user.email.lower():
        if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
            logger.warning("OIDC sign-in of %s: kept the old email, the new one belongs to another account.",
                           user.oidc_subject)
        else:
            user.email = email


# The authentication backend ----------------------------------------------------
def is_oidc_callback_attempt(request, credentials: dict | None = None) -> bool:
    """django-axes leaves these alone (AXES_WHITELIST_CALLABLE): a refused
    callback is no password guess, and counting them per address would lock
    a whole town hall behind one NAT out after five officials without groups."""
    return bool(credentials) and "nonce" in credentials and "password" not in credentials


class OIDCBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with endpoints resolved at sign-in,
    audience and issuer checked, and users matched by ``sub``, not email."""

    def __init__(self, *args, **kwargs):
        # The parent reads (and would fail on) the provider settings here;
        # Django builds every backend for each password sign-in too.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        if "password" in kwargs:
            self._refuse_password_of_linked_account(kwargs.get("username"))
            return None
        # Only the callback view passes a nonce; anything else is not ours.
        if request is None or "nonce" not in kwargs or not settings.OIDC_ENABLED:
            return None
        try:
            self._configure(provider())
            return super().authenticate(request, **kwargs)
        except SignInRefused as refusal:
            request.oidc_refusal = refusal.reason
        except PROVIDER_ERRORS as exc:
            logger.warning("OIDC sign-in failed: %s: %s", type(exc).__name__, exc)
        except IntegrityError as exc:  # the same official's first sign-in twice at once
            logger.warning("OIDC sign-in collided with another: %s", exc)
        return None

    def _refuse_password_of_linked_account(self, username) -> None:
        # PermissionDenied stops Django from asking the password backend.
        if username and User.objects.filter(username=username, oidc_subject__isnull=False).exists():
            raise PermissionDenied

    def _configure(self, endpoints: Provider) -> None:
        self.issuer = endpoints.issuer
        self.OIDC_OP_TOKEN_ENDPOINT = endpoints.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = endpoints.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = endpoints.jwks_uri
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    def _verify_jws(self, payload, key):
        """Signature, algorithm, audience, issuer and expiry; the library
        itself leaves the audience unchecked."""
        algorithm = jwt.get_unverified_header(payload).get("alg")
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"ID token signed with {algorithm!r}, expected {self.OIDC_RP_SIGN_ALGO!r}.")
        claims = jwt.decode(
            payload,
            key,
            algorithms=[self.OIDC_RP_SIGN_ALGO],
            audience=self.OIDC_RP_CLIENT_ID,
            issuer=self.issuer,
            options={"require": ["iss", "aud", "sub", "exp", "iat"]},
            leeway=60,
        )
        audience = claims["aud"]
        if isinstance(audience, list) and len(audience) > 1 and claims.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences without us as the authorised party.")
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if str(userinfo.get("sub")) != str(payload["sub"]):
            raise SuspiciousOperation("The userinfo answer is about another subject than the ID token.")
        return official_sign_in(
            claims={**payload, **userinfo},
            group_map=parse_group_map(settings.OIDC_GROUP_MAP),
            groups_claim=settings.OIDC_GROUPS_CLAIM,
        )

    def get_user(self, user_id):
        # Django's checks (an inactive account is signed out), not the library's.
        return ModelBackend.get_user(self, user_id)

    # Permissions are the password backend's and django-rules' business.
    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False
