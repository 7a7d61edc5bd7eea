"""Writes for accounts and the organisation. Views call these; nothing else
creates users or departments."""

from django.db import transaction
from simple_history.utils import update_change_reason

from .models import Department, Membership, User


@transaction.atomic
def user_register(*, username: str, email: str, first_name: str, last_name: str, password: str,
                  preferred_language: str = "sv") -> User:
    """Create a self-registered account (an enterprise representative)."""
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def user_update_profile(*, user: User, first_name: str, last_name: str, email: str,
                        preferred_language: str, support_email_delivery: str = "immediate") -> User:
    user.first_name = first_name
    user.last_name = last_name
    user.email = email
    user.preferred_language = preferred_language
    user.support_email_delivery = support_email_delivery
    user.full_clean()
    user.save(update_fields=["first_name", "last_name", "email", "preferred_language", "support_email_delivery"])
    return user


@transaction.atomic
def department_save(*, department: Department, reason: str = "") -> Department:
    """Create or update a department; the history records who and why."""
    department.full_clean()
    department.save()
    if reason:
        update_change_reason(department, reason)
    return department


@transaction.atomic
def membership_add(*, user: User, department: Department) -> Membership:
    membership, _created = Membership.objects.get_or_create(user=user, department=department)
    return membership
