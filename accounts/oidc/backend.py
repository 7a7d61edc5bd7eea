"""The authentication backend for sign-in through the identity provider:
mozilla-django-oidc's, with endpoints resolved at sign-in, the ID token
fully checked and users matched by ``sub``."""

import logging

import jwt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import IntegrityError
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from ..models import User
from .groups import parse_group_map
from .provider import PROVIDER_ERRORS, Provider, provider
from .sign_in import SignInRefused, official_sign_in

logger = logging.getLogger(__name__)


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
