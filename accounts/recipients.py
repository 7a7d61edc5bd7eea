"""Whose addresses a notification goes to: a user's, a department's and the
policy coordinators' (with the one agreed fallback to Kommunstyrelsen's
office). Each finder costs a fixed number of queries whatever the number of
people; the ``Recipient`` type and the sending are ``core.notifications``."""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects

from core.notifications import Recipient, unique

from .models import Department, EmailDelivery, Membership, User


def address(email: str) -> list[Recipient]:
    """A shared address (a department's, an office's): no account behind it,
    written to in the site's language. Empty for a blank address."""
    return [Recipient(email, settings.LANGUAGE_CODE)] if email else []


def user_recipients(users: Iterable[User | None]) -> list[Recipient]:
    """The active users who have an address, each in their own language;
    ``wants_digest`` follows their choice for support emails."""
    return [
        Recipient(
            user.email,
            user.preferred_language or settings.LANGUAGE_CODE,
            user,
            wants_digest=user.support_email_delivery == EmailDelivery.DIGEST,
        )
        for user in users
        if user is not None and user.is_active and user.email
    ]


def members_prefetch(lookup: str = "memberships") -> Prefetch:
    """Prefetch a department's memberships with their users, so
    ``department_recipients`` asks nothing more (e.g. ``members_prefetch(
    "department__memberships")`` on a query of reports)."""
    return Prefetch(lookup, queryset=Membership.objects.select_related("user"))


def department_recipients(department: Department) -> list[Recipient]:
    """The department's officials and its contact address, each address once.
    Uses prefetched memberships (see ``members_prefetch``) or fetches them in
    one query."""
    prefetch_related_objects([department], members_prefetch())
    officials = user_recipients(membership.user for membership in department.memberships.all())
    return unique(officials + address(department.contact_email))


def kommunstyrelsen_address() -> list[Recipient]:
    """The contact address of Kommunstyrelsen's office, if there is an active one."""
    office = Department.objects.filter(kind=Department.Kind.KOMMUNSTYRELSEN, is_active=True).first()
    return address(office.contact_email) if office else []


def coordinators() -> list[Recipient]:
    """The active policy coordinators; if there are none, Kommunstyrelsen's
    office (where the coordinator sits) so nothing meant for them is lost."""
    users = User.objects.filter(is_policy_coordinator=True, is_active=True).exclude(email="").order_by("pk")
    return user_recipients(users) or kommunstyrelsen_address()
