"""Permission-matrix rows, accessibility-harness pages and context builders
for one part of issue 15: yearly confirmation of registry entries (§1).
One new address, the confirmation page: only the entry's representatives
and municipal staff. The harness pages show it to both, the public page of
an entry overdue for confirmation (the notice), and the registry work list
with an unrepresented entry waiting (its inline confirmation form)."""

from tests.harness.access import REPRESENTATIVE_AND_STAFF, Access, enterprise_kwargs


def overdue_kwargs(ctx):
    return {"slug": ctx["overdue_enterprise"].slug}


# url name -> Access (tests/harness/test_permission_matrix.py)
MATRIX: dict = {
    "enterprises:confirm": Access(REPRESENTATIVE_AND_STAFF, kwargs=enterprise_kwargs),
}
# (role, url name, kwargs from the context or None) (tests/harness/test_accessibility.py)
PAGES: list = [
    ("representative", "enterprises:confirm", enterprise_kwargs),
    ("official", "enterprises:confirm", overdue_kwargs),
    ("anonymous", "enterprises:detail", overdue_kwargs),
    ("coordinator", "enterprises:detail", overdue_kwargs),
    ("coordinator", "enterprises:work_list", None),
]


def confirmation_context(*, user_for, department) -> dict:
    """An unrepresented published entry last confirmed long ago and asked
    this year: the notice shows on its page and it waits on the work list."""
    from datetime import date

    from enterprises.models import Enterprise
    from tests.enterprises.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name="Gamla uppgifter ek. för.", slug="gamla-uppgifter")
    Enterprise.objects.filter(pk=enterprise.pk).update(
        last_confirmed_on=date(2020, 3, 4), confirmation_requested_on=date(2021, 3, 1),
        confirmation_note="bekräftat per telefon 2020-03-04", last_confirmed_by="official",
    )
    enterprise.refresh_from_db()
    return {"overdue_enterprise": enterprise}


# f(user_for=, department=) -> dict of objects the rows above need
CONTEXT_BUILDERS: list = [confirmation_context]
