"""Departments, two officials in each, the policy coordinator and the
enterprises' representatives (users with memberships)."""

from datetime import UTC, datetime, timedelta
from datetime import time as clock

from accounts.models import Department, Membership, User

from .context import Build
from .pools import FIRST_NAMES, SECTORS, SURNAMES


def add_people(b: Build) -> None:
    """Departments, two officials each, the coordinator (user 1) and the representatives."""
    rng, today, sizes, copier, close, log, rows = b.rng, b.today, b.sizes, b.copier, b.close, b.log, b.rows
    n_departments = sizes["departments"]
    departments = copier("departments", Department,
                         ["id", "name", "name_en", "kind", "contact_email", "is_active", "created_at"])
    base_time = datetime.combine(today - timedelta(days=3650), clock(8), tzinfo=UTC)
    for d in range(1, n_departments + 1):
        kind = "kommunstyrelsen" if d == 1 else ("company" if d % 6 == 0 else "sector")
        name = "Kommunstyrelsens förvaltning" if d == 1 else f"{SECTORS[d % len(SECTORS)]} {d:03d}"
        departments.add(d, name, "", kind, f"avdelning{d}@bench.example", d % 50 != 0, base_time)
    close(departments)

    users = copier("users", User, [
        "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name", "email",
        "is_staff", "is_active", "date_joined", "preferred_language", "support_email_delivery",
        "is_policy_coordinator", "is_records_manager"])
    memberships = copier("memberships", Membership, ["user", "department", "created_at"])

    def add_user(pk: int, username: str, *, coordinator: bool = False) -> None:
        users.add(pk, "!bench", None, False, username, rng.choice(FIRST_NAMES), rng.choice(SURNAMES),
                  f"{username}@bench.example", False, True, base_time, "sv" if rng.random() < 0.9 else "en",
                  "digest" if rng.random() < 0.1 else "immediate", coordinator, False)

    add_user(1, "bench-samordnare", coordinator=True)
    officials_of: dict[int, list[int]] = {}
    user_id = 1
    for d in range(1, n_departments + 1):
        officials_of[d] = []
        for _ in range(2):
            user_id += 1
            add_user(user_id, f"bench-tjansteman-{user_id}")
            memberships.add(user_id, d, base_time)
            officials_of[d].append(user_id)
    first_representative = user_id + 1
    for _ in range(sizes["representatives"]):
        user_id += 1
        add_user(user_id, f"bench-foretagare-{user_id}")
    representative_ids = range(first_representative, user_id + 1)
    close(users, memberships)
    log(f"{rows['users']} users, {n_departments} departments")
    b.officials_of, b.representative_ids = officials_of, representative_ids
