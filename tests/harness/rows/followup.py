"""Permission-matrix rows, accessibility-harness pages and context builders
for one feature of issue 14 (followup): the deadline follow-up and its CSV,
for the coordinator (every department) and officials (their own)."""

from tests.harness.access import STAFF, Access

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "support:followup": Access(STAFF),
    "support:followup_csv": Access(STAFF, kwargs=lambda ctx: {"key": "svar-alla-alla"}),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("coordinator", "support:followup", None),
    ("official", "support:followup", None),
]
# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = []
