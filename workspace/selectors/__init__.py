"""Reads for "Mitt arbete": one section per role the user holds (the roles
of ``accounts.roles.roles_of``), each read in a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role, roles_of

from ..items import Action, Section
from .administrator import administrator_items
from .coordinator import coordinator_items
from .links import with_query
from .official import official_items
from .records_manager import records_manager_items
from .representative import representative_items


def representative_section(user, today) -> Section:
    return Section(
        key=Role.REPRESENTATIVE,
        title=_("Your enterprises and requests"),
        intro=_("What would you like to do next?"),
        actions=(
            Action(_("Register your enterprise"), with_query("enterprises:register")),
            Action(_("Apply for support"), with_query("support:request_create")),
        ),
        items=tuple(representative_items(user=user, today=today)),
    )


def official_section(user, today) -> Section:
    return Section(key=Role.OFFICIAL, title=_("Your department's work"), saved_views=True,
                   items=tuple(official_items(user=user, today=today)))


def coordinator_section(user, today) -> Section:
    return Section(key=Role.COORDINATOR, title=_("Policy coordination"),
                   items=tuple(coordinator_items(user=user, today=today)))


def records_manager_section(user, today) -> Section:
    return Section(key=Role.RECORDS_MANAGER, title=_("Records management"),
                   items=tuple(records_manager_items(today=today)))


def administrator_section(user, today) -> Section:
    return Section(key=Role.ADMINISTRATOR, title=_("System administration"),
                   items=tuple(administrator_items(now=timezone.now())))


SECTION_BUILDERS = {
    Role.REPRESENTATIVE: representative_section,
    Role.OFFICIAL: official_section,
    Role.COORDINATOR: coordinator_section,
    Role.RECORDS_MANAGER: records_manager_section,
    Role.ADMINISTRATOR: administrator_section,
}


def sections_for(user) -> list[Section]:
    """The sections of every role ``user`` holds, the most powerful first (a
    coordinator who is also a department's official sees coordination first)."""
    today = timezone.localdate()
    roles = reversed(roles_of(user))
    return [SECTION_BUILDERS[role](user, today) for role in roles if role in SECTION_BUILDERS]
