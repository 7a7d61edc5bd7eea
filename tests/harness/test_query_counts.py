"""List views keep a fixed number of queries whatever the data size."""

import pytest
from django.urls import reverse

from accounts.models import Department
from tests.factories import DepartmentFactory, MembershipFactory
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def add_departments_with_members(count: int) -> None:
    for _ in range(count):
        department = DepartmentFactory()
        MembershipFactory(department=department)
        MembershipFactory(department=department)


def test_department_list_query_count_is_fixed(client_as):
    client = client_as("official")
    # session, user, memberships (role check), paginator count, the page, the
    # user's saved views in the navigation (issue 14)
    assert_fixed_query_count(
        lambda: client.get(reverse("accounts:department_list")),
        add_departments_with_members,
        sizes=(10, 60),
        expected=6,
    )


def test_department_history_query_count_is_fixed(client_as, department):
    client = client_as("official")
    url = reverse("accounts:department_history", kwargs={"pk": department.pk})

    def add_changes(count: int) -> None:
        for n in range(count):
            department.contact_email = f"byte{n}-{department.history.count()}@sotenas.example"
            department.save()

    assert_fixed_query_count(lambda: client.get(url), add_changes, sizes=(5, 40))


def test_helper_catches_a_query_per_row():
    def n_plus_one():
        return [list(d.memberships.all()) for d in Department.objects.all()]

    with pytest.raises(AssertionError, match="grows with the data"):
        assert_fixed_query_count(n_plus_one, add_departments_with_members, sizes=(2, 5))
