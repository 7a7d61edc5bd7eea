"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 15: yearly confirmation of registry entries (§1)."""

from tests.harness.access import Access  # noqa: F401

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = []
# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = []
