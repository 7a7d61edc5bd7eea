"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 15: open data: licence, DCAT-AP-SE, bulk downloads (§5).
All of it is public: everyone, signed in or not, may read it."""

from tests.harness.access import EVERYONE, Access

# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "api_dcat": Access(EVERYONE),
    "api:enterprise_bulk_csv": Access(EVERYONE),
    "api:enterprise_bulk_json": Access(EVERYONE),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
# No new HTML page: the licence and the download links are on /api/ (api_docs),
# which the harness already checks.
PAGES: list = []
# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = []
