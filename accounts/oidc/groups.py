"""The identity provider's groups mapped to the portal's departments and roles.

Pure code (no database, no Django models) so that settings can validate the
map at start-up and tests can check it without a provider.

``OIDC_GROUP_MAP`` is a list of rules separated by ``;`` (or newlines)::

    <group>=<target>[,<target>...]

where a target is one of

* ``department:<name>``: membership of the department or municipal company
  with exactly that name (``Department.name`` is unique), which makes the
  user a department official there;
* ``role:coordinator``: the policy coordinator flag;
* ``role:records_manager``: the records manager (arkivansvarig) flag;
* ``role:administrator``: system administrator (superuser with admin access).

Example::

    grp-ami=department:Sektor arbetsmarknad och integration;
    grp-ks=department:Kommunstyrelsens förvaltning,role:coordinator;
    grp-it-admin=role:administrator

Group names are compared exactly (case matters, as identity providers send
them); whitespace around separators is ignored. A group may appear in several
rules; its targets add up.

What the map names, the identity provider owns: departments and roles that
appear in the map are granted and revoked at every sign-in to match the
user's groups; departments and roles the map never mentions are left as an
administrator set them in the portal.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

COORDINATOR = "coordinator"
RECORDS_MANAGER = "records_manager"
ADMINISTRATOR = "administrator"
ROLES = frozenset({COORDINATOR, RECORDS_MANAGER, ADMINISTRATOR})


class GroupMapError(ValueError):
    """OIDC_GROUP_MAP does not follow the documented format."""


@dataclass(frozen=True)
class Grants:
    """What a set of groups gives a user."""

    departments: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.departments or self.roles)


@dataclass(frozen=True)
class GroupMap:
    departments: dict[str, frozenset[str]] = field(default_factory=dict)
    roles: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def managed_departments(self) -> frozenset[str]:
        """Department names whose memberships the identity provider decides."""
        return frozenset().union(*self.departments.values())

    @property
    def managed_roles(self) -> frozenset[str]:
        """Roles the identity provider decides."""
        return frozenset().union(*self.roles.values())

    def grants(self, groups: Iterable[str]) -> Grants:
        groups = set(groups)
        return Grants(
            departments=frozenset().union(*(self.departments.get(g, ()) for g in groups)),
            roles=frozenset().union(*(self.roles.get(g, ()) for g in groups)),
        )


def parse_group_map(text: str) -> GroupMap:
    """Parse ``OIDC_GROUP_MAP``; raises GroupMapError naming the bad rule."""
    departments: dict[str, set[str]] = {}
    roles: dict[str, set[str]] = {}
    for rule in text.replace("\n", ";").split(";"):
        rule = rule.strip()
        if not rule:
            continue
        group, sep, targets = rule.partition("=")
        group = group.strip()
        if not sep or not group or not targets.strip():
            raise GroupMapError(f"OIDC_GROUP_MAP: {rule!r} is not of the form group=target[,target...].")
        for target in targets.split(","):
            kind, sep, value = target.strip().partition(":")
            value = value.strip()
            if kind == "department" and sep and value:
                departments.setdefault(group, set()).add(value)
            elif kind == "role" and value in ROLES:
                roles.setdefault(group, set()).add(value)
            else:
                raise GroupMapError(
                    f"OIDC_GROUP_MAP: {target.strip()!r} in {rule!r} must be department:<name>, "
                    f"role:{COORDINATOR}, role:{RECORDS_MANAGER} or role:{ADMINISTRATOR}."
                )
    return GroupMap(
        departments={g: frozenset(names) for g, names in departments.items()},
        roles={g: frozenset(names) for g, names in roles.items()},
    )


def groups_from_claims(claims: dict, claim: str) -> list[str]:
    """The user's groups from ``claims[claim]``: a list of names, or one name."""
    value = claims.get(claim)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return []
