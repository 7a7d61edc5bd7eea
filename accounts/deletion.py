"""The accounts part of deleting one's own account (GDPR art. 17), and the
shared stand-in for people who are gone.

The user row stays, because requests, decisions, reports, checks, messages
and the audit history point at it and are public records the municipality
must keep (arkivlagen). Everything that identifies the person goes: the
username becomes ``raderad-<random>``, name and email are cleared, the
password becomes unusable and the account inactive. Memberships are
removed, sessions ended, emails to the person dropped, and the account's
own change history scrubbed. Everywhere the portal shows a user, an erased
one reads "Deleted user" (``User.get_full_name``).

``sotenas_portal.privacy`` runs this after the other apps' parts, in one
transaction.
"""

import secrets
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import OutboundEmail

from .models import Membership, User

# The shared stand-in for people removed by the retention rules (see
# support.retention): inactive, never able to sign in.
ERASED_USERNAME_PREFIX = "raderad-"
PLACEHOLDER_USERNAME = f"{ERASED_USERNAME_PREFIX}anvandare"


def deleted_user_placeholder() -> User:
    user, created = User.objects.get_or_create(
        username=PLACEHOLDER_USERNAME,
        defaults={"is_active": False, "erased_at": timezone.now(), "email": ""},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@dataclass(frozen=True)
class Blocker:
    """A reason an account cannot be deleted now, as a clear message."""

    code: str
    message: str


def erasure_blockers(*, user: User) -> list[Blocker]:
    """The last active system administrator may not leave: nobody could then
    manage accounts, departments or the outbox."""
    if user.is_superuser and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk).exists():
        return [Blocker("last_administrator", _(
            "You are the only system administrator. Make someone else an administrator before you delete your "
            "account."
        ))]
    return []


def erase_user(user: User) -> None:
    """Erase the person behind ``user`` (a row locked by the caller)."""
    old_username, old_email = user.username, user.email
    Membership.objects.filter(user=user).delete()
    _drop_personal_records(user, old_username=old_username, old_email=old_email)
    _end_sessions(user)
    user.username = f"{ERASED_USERNAME_PREFIX}{secrets.token_hex(8)}"
    user.first_name = user.last_name = user.email = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = user.is_policy_coordinator = False
    user.erased_at = timezone.now()
    user.last_login = None
    # Unlinked from the identity provider: signing in there again starts a new account.
    user.oidc_subject = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    # The account's own change history held its old names and address.
    user.history.all().update(
        username=user.username, first_name="", last_name="", email="", oidc_subject=None
    )


def _drop_personal_records(user: User, *, old_username: str, old_email: str) -> None:
    addressed = Q(user=user)
    if old_email:
        addressed |= Q(recipient__iexact=old_email)
    OutboundEmail.objects.filter(addressed).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old_username).delete()


def _end_sessions(user: User) -> None:
    """Sessions are signed blobs: find the user's by decoding the live ones."""
    user_id = str(user.pk)
    stale = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=500):
        if session.get_decoded().get("_auth_user_id") == user_id:
            stale.append(session.session_key)
    Session.objects.filter(session_key__in=stale).delete()
