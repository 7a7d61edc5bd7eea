"""Who may use a URL: the permission matrix's row type, the role sets and
the kwargs helpers, shared by the matrix and the per-feature row modules in
``tests/harness/rows/``."""

from dataclasses import dataclass, field
from typing import Callable

from tests.conftest import ROLES

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
STAFF = frozenset({"official", "coordinator", "administrator"})
MANAGERS = frozenset({"coordinator", "administrator"})
ADMINISTRATORS = frozenset({"administrator"})
RECORDS_MANAGERS = frozenset({"records_manager", "administrator"})
# Everyone signed in but the records manager, who handles no cases.
NOT_RECORDS_MANAGER = SIGNED_IN - {"records_manager"}


@dataclass(frozen=True)
class Access:
    allowed: frozenset
    # Status codes an allowed GET may answer with.
    ok: tuple[int, ...] = (200,)
    kwargs: Callable[[dict], dict] = field(default=lambda ctx: {})
    # Per-role override of ``ok`` (e.g. a sign-in page redirects the signed in).
    ok_for: dict = field(default_factory=dict)


def department_kwargs(ctx):
    return {"pk": ctx["department"].pk}


def enterprise_kwargs(ctx):
    return {"slug": ctx["enterprise"].slug}


def support_request_kwargs(ctx):
    return {"pk": ctx["support_request"].pk}


def support_agreement_kwargs(ctx):
    return {"pk": ctx["support_agreement"].pk}


REPRESENTATIVE_AND_MANAGERS = MANAGERS | {"representative"}
REPRESENTATIVE_AND_STAFF = STAFF | {"representative"}
