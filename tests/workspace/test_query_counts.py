""""Mitt arbete" reads in a fixed number of queries for each role, whatever
the amount of work waiting (no N+1 across or within the items).

The pinned numbers are the page's own reads: the count minus that of a page
with none (the password change form), so the session, the user, the role
check, Django's permissions and the navigation are not counted twice and a
change to the navigation does not move them."""

import pytest
from django.urls import reverse

from tests.harness.queries import assert_fixed_query_count, count_queries
from tests.workspace.data import busy_portal

pytestmark = pytest.mark.django_db

OWN_READS = {
    # the request counts (one aggregate), my open requests, my enterprises with what is due, my drafts
    "representative": 4,
    # requests assigned to me by state, two late counts, my department's report, the saved views panel
    "official": 5,
    # unassigned, late first responses, checks to review, claims, the round with its counts,
    # agreements ending, renewals, entries to confirm, the policy in force
    "coordinator": 9,
    # failed e-mails, beat's heartbeat, locked sign-ins
    "administrator": 3,
}


@pytest.mark.parametrize("role", list(OWN_READS))
def test_start_page_query_count_is_fixed(role, client_as, user_for, department):
    grow = busy_portal(user_for=user_for, department=department)["grow"]
    client = client_as(role)
    baseline, _response = count_queries(lambda: client.get(reverse("accounts:password_change")))
    count = assert_fixed_query_count(lambda: client.get(reverse("workspace:start")), grow, sizes=(2, 6))
    assert count - baseline == OWN_READS[role]


def test_a_user_with_every_staff_role_adds_up_their_sections(client_as, user_for, department):
    """A coordinator who is also a department official gets both sections,
    each in its own fixed number of queries."""
    grow = busy_portal(user_for=user_for, department=department)["grow"]
    coordinator = user_for("coordinator")
    coordinator.memberships.create(department=department)
    client = client_as("coordinator")
    baseline, _response = count_queries(lambda: client.get(reverse("accounts:password_change")))
    count = assert_fixed_query_count(lambda: client.get(reverse("workspace:start")), grow, sizes=(1, 3))
    assert count - baseline == OWN_READS["coordinator"] + OWN_READS["official"]
