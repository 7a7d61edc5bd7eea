"""Deleting one's own account (GDPR art. 17) without breaking the
municipality's records.

Each app offers its own part: ``erasure_blockers(user=...)`` (reasons the
account cannot go yet) and ``erase_user(user)`` (what it removes or
unlinks). This module asks every app for blockers, then runs the erasers
in order, the account itself last, all in one transaction. What each part
removes and keeps is described in accounts.deletion, enterprises.privacy
and support.privacy.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts import deletion as accounts_deletion
from accounts.deletion import Blocker
from accounts.models import User
from enterprises import privacy as enterprises_privacy
from saved_views import privacy as saved_views_privacy
from support import privacy as support_privacy

# The apps that can refuse a deletion, in the order their messages are shown.
BLOCKER_SOURCES = (
    accounts_deletion.erasure_blockers,
    support_privacy.erasure_blockers,
)

# The apps' erasers, in the order they run: links to the person first, the
# account row itself last.
ERASERS = (
    enterprises_privacy.erase_user,
    support_privacy.erase_user,
    saved_views_privacy.erase_user,
    accounts_deletion.erase_user,
)


def deletion_blockers(*, user: User) -> list[Blocker]:
    """Reasons the account cannot be deleted now, each a clear message."""
    return [blocker for source in BLOCKER_SOURCES for blocker in source(user=user)]


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
    for erase in ERASERS:
        erase(user)
    return user
