"""Permission-matrix rows, accessibility-harness pages and context builders
for one feature of issue 14 (saved_views)."""

from tests.harness.access import STAFF, Access
from tests.saved_views.factories import saved_views_context


def saved_view_kwargs(ctx):
    return {"pk": ctx["saved_view"].pk}


# The view in the context is the official's (shared with their department);
# the coordinator in the harness belongs to no department, so it is refused
# (an active superuser passes every permission, as everywhere in the portal).
OWNER = frozenset({"official", "administrator"})

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "saved_views:list": Access(STAFF),
    "saved_views:create": Access(STAFF),
    "saved_views:open": Access(OWNER, ok=(302,), kwargs=saved_view_kwargs),
    "saved_views:update": Access(OWNER, kwargs=saved_view_kwargs),
    "saved_views:delete": Access(OWNER, kwargs=saved_view_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("official", "saved_views:list", None),
    ("official", "saved_views:create", None),
    ("official", "saved_views:update", saved_view_kwargs),
    ("official", "saved_views:delete", saved_view_kwargs),
    ("coordinator", "saved_views:list", None),
    # The registry work list with the coordinator's actions (the official's is in the main list).
    ("coordinator", "enterprises:work_list", None),
]
# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [saved_views_context]
