"""Permission-matrix rows, accessibility-harness pages and context builders
for one feature of issue 14 (start): "Mitt arbete", each signed-in user's
start page, as each role sees it."""

from tests.harness.access import SIGNED_IN, Access

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "workspace:start": Access(SIGNED_IN),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("representative", "workspace:start", None),
    ("official", "workspace:start", None),
    ("coordinator", "workspace:start", None),
    ("administrator", "workspace:start", None),
]
# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = []
