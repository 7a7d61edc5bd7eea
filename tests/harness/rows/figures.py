"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 15: figures per year (§2). No new address: the
enterprise page gains the figures per year (officials) and the reserved
share's year and percentage; /statistik/ a table of missing figures (its
page is already in the harness, and this context gives it figures)."""

from tests.harness.access import Access  # noqa: F401


def figures_enterprise_kwargs(ctx):
    return {"slug": ctx["figures_enterprise"].slug}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("official", "enterprises:detail", figures_enterprise_kwargs),
    ("anonymous", "enterprises:detail", figures_enterprise_kwargs),
]


def figures_context(*, user_for, department) -> dict:
    """A published enterprise with figures for three years, the oldest of
    them the first, so the page shows the years' table and the share."""
    from enterprises.models import EnterpriseFigures
    from tests.enterprises.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name="Tre års siffror ek. för.", figures_year=2023, employees=8,
                                   employees_from_target_groups=3, participants=2)
    for year, employees, from_groups, participants in ((2024, 9, 4, 3), (2025, 10, 5, 1)):
        EnterpriseFigures.objects.create(enterprise=enterprise, year=year, employees=employees,
                                         employees_from_target_groups=from_groups, participants=participants)
    enterprise.save()
    return {"figures_enterprise": enterprise}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [figures_context]
