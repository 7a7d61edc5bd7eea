"""Every count on "Mitt arbete" equals what the list it links to shows, for
every role, on a portal with something waiting for each of them; and the
counts are the hand-counted ones, so the lists' filters are right too."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.workspace.counting import shown_count
from tests.workspace.data import busy_portal

pytestmark = pytest.mark.django_db

# Counted by hand from tests/workspace/data.py and the harnesses' contexts.
EXPECTED = {
    "coordinator": {
        "unassigned": 2,
        "late_first_responses": 3,
        "checks_to_review": 2,
        "claims": 3,
        "round_not_delivered": 3,
        "round_returned": 1,
        "agreements_ending": 2,
        "renewals": 2,
        "confirmations": 0,
    },
    "official": {
        "assigned_to_me": 6,
        "department_late_any": 2,
        "department_late_reply_by": 1,
    },
    "representative": {
        "my_enterprises": 4,
        "waiting_for_me": 2,
        "my_requests": 5,
        "my_drafts": 2,
    },
    "administrator": {
        "failed_emails": 1,
        "locked_sign_ins": 1,
    },
}
# The official's requests by state ("Tilldelad: 1" ...), each linked to the list of that state.
EXPECTED_BY_STATE = {"assigned": 1, "in_progress": 3, "waiting": 1, "forwarded": 1}


def start_page(client):
    response = client.get(reverse("workspace:start"))
    assert response.status_code == 200
    return response, response.context["sections"]


@pytest.mark.parametrize("role", list(EXPECTED))
def test_every_count_equals_what_its_list_shows(role, client_as, user_for, department):
    busy_portal(user_for=user_for, department=department)
    client = client_as(role)
    response, sections = start_page(client)
    html = response.content.decode()
    counts = {}
    for section in sections:
        for item in section.items:
            if item.count is None:
                continue
            assert f'href="{escape(item.url)}"' in html, f"{item.key}: its link is not on the page"
            assert escape(item.label) in html and str(item.count) in item.label
            assert shown_count(client, item.url, item.key) == item.count, f"{role}: {item.key} ({item.url})"
            counts[item.key] = item.count
            for entry in item.entries:
                if entry.count is not None:
                    assert shown_count(client, entry.url, item.key) == entry.count, f"{item.key}: {entry.url}"
    assert counts == EXPECTED[role]


def test_the_officials_requests_by_state_link_to_each_state(client_as, user_for, department):
    busy_portal(user_for=user_for, department=department)
    client = client_as("official")
    _response, sections = start_page(client)
    (item,) = [item for section in sections for item in section.items if item.key == "assigned_to_me"]
    by_state = {entry.url.split("state=")[1]: entry.count for entry in item.entries}
    assert by_state == EXPECTED_BY_STATE
    assert sum(by_state.values()) == item.count


def test_the_coordinators_late_round_links_to_the_late_departments(client_as, user_for, department):
    """Past the deadline every report not delivered is late, and the link
    shows exactly those."""
    context = busy_portal(user_for=user_for, department=department)
    reporting_round = context["reporting_round"]
    reporting_round.due_date = timezone.localdate() - timedelta(days=3)
    reporting_round.save()
    client = client_as("coordinator")
    _response, sections = start_page(client)
    (item,) = [item for section in sections for item in section.items if item.key == "round_not_delivered"]
    assert item.url.endswith("?standing=late")
    assert item.count == 3
    rows = client.get(item.url).context["rows"]
    assert len(rows) == 3
    assert item.detail == "Tidsfristen 2026-01-01 passerades för 3 dagar sedan.".replace(
        "2026-01-01", reporting_round.due_date.isoformat())
