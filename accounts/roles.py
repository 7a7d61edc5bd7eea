"""The portal's roles, as predicates a view or rule can combine.

Every permission in the project is declared with django-rules in each app's
``rules.py`` from these predicates, so a view asks one question
("may this user do X to this object?") and templates never test roles.
"""

import rules
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ANONYMOUS = "anonymous", _("Visitor")
    REPRESENTATIVE = "representative", _("Enterprise representative")
    OFFICIAL = "official", _("Department official")
    COORDINATOR = "coordinator", _("Policy coordinator")
    RECORDS_MANAGER = "records_manager", _("Records manager")
    ADMINISTRATOR = "administrator", _("System administrator")


@rules.predicate
def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


@rules.predicate
def is_policy_coordinator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_policy_coordinator)


@rules.predicate
def is_department_official(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    # Cached per user object: navigation and views ask it several times per request.
    cached = getattr(user, "_active_department_ids", None)
    if cached is None:
        cached = frozenset(
            user.memberships.filter(department__is_active=True).values_list("department_id", flat=True)
        )
        user._active_department_ids = cached
    return bool(cached)


is_municipal_staff = is_department_official | is_policy_coordinator | is_administrator


@rules.predicate
def is_records_manager(user) -> bool:
    """The archivist (arkivansvarig): keeps the records plan and the
    deliveries to the e-archive. Not case-handling staff: the role sees no
    case content beyond what its own pages show."""
    return bool(user.is_authenticated and user.is_active and user.is_records_manager)


@rules.predicate
def is_enterprise_representative(user) -> bool:
    """People outside the municipality's organisation who sign up themselves
    to register, represent or start an enterprise."""
    return bool(user.is_authenticated and user.is_active) and not (is_municipal_staff(user) or is_records_manager(user))


def roles_of(user) -> list[Role]:
    """The roles a user holds, most powerful last."""
    if not user.is_authenticated:
        return [Role.ANONYMOUS]
    held = [
        role
        for role, predicate in (
            (Role.REPRESENTATIVE, is_enterprise_representative),
            (Role.OFFICIAL, is_department_official),
            (Role.COORDINATOR, is_policy_coordinator),
            (Role.RECORDS_MANAGER, is_records_manager),
            (Role.ADMINISTRATOR, is_administrator),
        )
        if predicate(user)
    ]
    return held
