"""A saved view whose filters refer to something gone opens with a message
naming it and the rest of its filters, never an error."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from saved_views import services
from saved_views.models import SavedView
from tests.conftest import sv
from tests.factories import DepartmentFactory
from tests.policy_reports.factories import ReportingRoundFactory
from tests.saved_views.factories import SavedViewFactory
from tests.support.factories import SupportKindFactory

pytestmark = pytest.mark.django_db


def open_view(client, saved_view):
    response = client.get(saved_view.get_absolute_url())
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    return response["Location"], parse_qs(urlsplit(response["Location"]).query), messages


def test_a_deleted_kind_of_support_is_named_and_dropped(client_as, official):
    kind = SupportKindFactory(name="Lokalstöd")
    saved_view = services.saved_view_create(owner=official, list_key="support_requests", name="Lokaler",
                                            query=f"lista=department&kind={kind.pk}&sort=reference")
    kind.delete()
    location, query, messages = open_view(client_as("official"), saved_view)
    assert query == {"lista": ["department"], "sort": ["reference"]}
    assert len(messages) == 1
    assert "Lokalstöd" in messages[0] and sv("Kind of support") in messages[0]
    assert client_as("official").get(location).status_code == 200


def test_an_inactive_department_is_dropped(client_as, coordinator):
    closed = DepartmentFactory(name="Sektor som lades ned")
    saved_view = services.saved_view_create(owner=coordinator, list_key="agreements", name="Nedlagd",
                                            query=f"department={closed.pk}&status=current")
    closed.is_active = False
    closed.save()
    _location, query, messages = open_view(client_as("coordinator"), saved_view)
    assert query == {"status": ["current"]}
    assert "Sektor som lades ned" in messages[0]


def test_a_choice_that_is_gone_is_dropped(client_as, official):
    # Saved by hand, as a choice a later version of the list no longer offers.
    saved_view = SavedViewFactory(owner=official, list_key="registry_work_list",
                                  query="visa=review&visa=gone&typ=asf&sortera=by-colour",
                                  labels={"sortera": {"by-colour": "Efter färg"}, "visa": {"gone": "Borttagen del"}})
    location, query, messages = open_view(client_as("official"), saved_view)
    assert query == {"visa": ["review"], "typ": ["asf"]}
    assert "Efter färg" in messages[0] and "Borttagen del" in messages[0]
    page = client_as("official").get(location).content.decode()
    assert 'id="h-review"' in page and 'id="h-publication"' not in page


def test_a_filter_nobody_named_is_still_reported(client_as, official):
    saved_view = SavedViewFactory(owner=official, query="lista=department&kind=999999")
    _location, query, messages = open_view(client_as("official"), saved_view)
    assert query == {"lista": ["department"]}
    assert sv("Kind of support") in messages[0]


def test_a_view_with_nothing_stale_opens_without_a_message(client_as, official):
    saved_view = SavedViewFactory(owner=official, query="lista=overdue")
    _location, query, messages = open_view(client_as("official"), saved_view)
    assert query == {"lista": ["overdue"]} and messages == []


def test_a_round_that_is_gone_opens_the_latest_round_with_the_filters(client_as, coordinator):
    old = ReportingRoundFactory(year=2023, due_date=date(2024, 3, 31))
    latest = ReportingRoundFactory(year=2025, due_date=timezone.localdate() + timedelta(days=30))
    saved_view = services.saved_view_create(owner=coordinator, list_key="round_overview", name="Sena",
                                            query="standing=late", object_id=old.pk)
    assert saved_view.object_label
    old.delete()
    location, query, messages = open_view(client_as("coordinator"), saved_view)
    assert location.startswith(reverse("policy_reports:round_overview", args=[latest.pk]))
    assert query == {"standing": ["late"]}
    assert "2023" in messages[0] and "2025" in messages[0]


def test_a_round_view_without_any_round_left_goes_to_the_saved_views(client_as, coordinator):
    only = ReportingRoundFactory(year=2023, due_date=date(2024, 3, 31))
    saved_view = services.saved_view_create(owner=coordinator, list_key="round_overview", name="Sena",
                                            query="", object_id=only.pk)
    only.delete()
    location, _query, messages = open_view(client_as("coordinator"), saved_view)
    assert location == reverse("saved_views:list")
    assert "2023" in messages[0]
    assert client_as("coordinator").get(location).status_code == 200  # and its count is 0, not an error


def test_a_scope_the_opener_may_not_use_is_dropped(client_as, coordinator, official, department):
    """A coordinator's view shared with a department whose official has no "unassigned" list."""
    coordinator.memberships.create(department=department)
    saved_view = SavedViewFactory(owner=coordinator, query="lista=unassigned&sort=reference",
                                  department=department, labels={"lista": {"unassigned": "Ej fördelade"}})
    _location, query, messages = open_view(client_as("official"), saved_view)
    assert query == {"sort": ["reference"]}
    assert "Ej fördelade" in messages[0]


def test_saving_keeps_only_what_the_list_accepts(official):
    saved_view = services.saved_view_create(owner=official, list_key="support_requests", name="Städad",
                                            query="lista=department&kind=abc&unknown=1&page=4&state=")
    assert saved_view.query == "lista=department"
    assert SavedView.objects.count() == 1
