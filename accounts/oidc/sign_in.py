"""Creating and synchronising the official's account at sign-in: the
provider's ``sub`` links the account, its groups decide departments and
roles (``accounts.oidc.groups`` for the map and its rules)."""

import hashlib
import logging
import re

from django.db import transaction

from ..models import Department, Membership, User
from .groups import ADMINISTRATOR, COORDINATOR, RECORDS_MANAGER, GroupMap, groups_from_claims

logger = logging.getLogger(__name__)

# Why a sign-in was refused; the callback view turns these into messages.
NO_ACCESS = "no_access"
ACCOUNT_CONFLICT = "account_conflict"
ACCOUNT_INACTIVE = "account_inactive"


class SignInRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


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
    if RECORDS_MANAGER in group_map.managed_roles:
        user.is_records_manager = RECORDS_MANAGER in grants.roles
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

