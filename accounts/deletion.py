"""Deleting one's own account (GDPR art. 17) without breaking the
municipality's records.

The user row stays, because requests, decisions, reports, checks, messages
and the audit history point at it and are public records the municipality
must keep (arkivlagen). Everything that identifies the person goes: the
username becomes ``raderad-<random>``, name and email are cleared, the
password becomes unusable and the account inactive. Memberships and
representations are removed, sessions ended, emails to the person dropped,
and the account's own change history scrubbed. Everywhere the portal shows
a user, an erased one reads "Deleted user" (``User.get_full_name``).
"""

import secrets
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Membership, User

# The shared stand-in for people removed by the retention rules (see
# support.retention): inactive, never able to sign in.
ERASED_USERNAME_PREFIX = "raderad-"
PLACEHOLDER_USERNAME = f"{ERASED_USERNAME_PREFIX}anvandare"


def _ended_states() -> list[str]:
    """States in which a request needs nothing more from its applicant."""
    from support.constants import RequestState

    return [RequestState.DECIDED, RequestState.CLOSED, RequestState.WITHDRAWN]


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
    code: str
    message: str


def deletion_blockers(*, user: User) -> list[Blocker]:
    """Reasons the account cannot be deleted now, each a clear message.

    - The last active system administrator: nobody could then manage
      accounts, departments or the outbox.
    - Support requests still being handled: the department would be left
      answering someone who no longer exists. The applicant withdraws them
      (or waits for the decision) first.
    """
    from support.constants import RequestState
    from support.models import SupportRequest

    blockers = []
    if user.is_superuser and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk).exists():
        blockers.append(Blocker("last_administrator", _(
            "You are the only system administrator. Make someone else an administrator before you delete your "
            "account."
        )))
    open_references = list(
        SupportRequest.objects.filter(applicant=user)
        .exclude(state__in=[RequestState.DRAFT, *_ended_states()])
        .order_by("reference")
        .values_list("reference", flat=True)
    )
    if open_references:
        blockers.append(Blocker("open_requests", _(
            "You have support requests that are still being handled (%(references)s). Withdraw them, or wait "
            "until they are closed, before you delete your account."
        ) % {"references": ", ".join(open_references)}))
    return blockers


@transaction.atomic
def account_delete(*, user: User) -> User:
    """Erase the person behind ``user``; refuse (ValidationError) if a
    blocker applies. Returns the erased row."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_erased:
        return user
    blockers = deletion_blockers(user=user)
    if blockers:
        raise ValidationError([ValidationError(b.message, code=b.code) for b in blockers])
    old_username, old_email = user.username, user.email
    _remove_links(user)
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
    return user


def _remove_links(user: User) -> None:
    from enterprises.models import Representation
    from support.constants import RequestState
    from support.models import SupportRequest

    Membership.objects.filter(user=user).delete()
    # What the person wrote when claiming an enterprise goes with the link.
    Representation.history.filter(user_id=user.pk).update(message="")
    Representation.objects.filter(user=user).delete()
    # Unsent drafts are the person's own, never a record of the municipality.
    SupportRequest.objects.filter(applicant=user, state=RequestState.DRAFT).delete()
    # Requests still being handled go back to their department's queue.
    SupportRequest.objects.filter(handler=user).exclude(
        state__in=[RequestState.CLOSED, RequestState.WITHDRAWN]
    ).update(handler=None)


def _drop_personal_records(user: User, *, old_username: str, old_email: str) -> None:
    from core.models import OutboundEmail

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
