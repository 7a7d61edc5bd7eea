"""Saving, opening, renaming, sharing and deleting views, end to end through the pages."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from saved_views.models import SavedView
from tests.conftest import sv
from tests.factories import DepartmentFactory, UserFactory
from tests.saved_views.factories import SavedViewFactory
from tests.support.factories import SupportRequestFactory, support_kind

pytestmark = pytest.mark.django_db

CREATE = reverse("saved_views:create")


def save(client, name, query="", list_key="support_requests", **extra):
    return client.post(CREATE, {"list_key": list_key, "query": query, "name": name, **extra})


def query_of(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def test_the_work_list_offers_to_save_its_current_filters(client_as):
    kind = support_kind()
    html = client_as("official").get(reverse("support:worklist"),
                                     {"lista": "department", "kind": kind.pk, "page": 2}).content.decode()
    # The link carries the filters but not the page number.
    assert f"{CREATE}?lista=support_requests&amp;fragor=lista%3Ddepartment%26kind%3D{kind.pk}" in html
    assert "page%3D" not in html


@pytest.mark.parametrize("url_name,list_key", [
    ("support:worklist", "support_requests"), ("enterprises:work_list", "registry_work_list"),
    ("support:agreement_list", "agreements"),
])
def test_every_work_list_has_the_controls(client_as, url_name, list_key):
    html = client_as("coordinator").get(reverse(url_name)).content.decode()
    assert f"lista={list_key}" in html and sv("Save this view") in html


def test_save_then_open_lands_on_the_list_with_the_query(client_as, official):
    kind = support_kind()
    client = client_as("official")
    response = save(client, "  Affärsutveckling   hos oss ", f"lista=department&kind={kind.pk}&sort=-submitted&page=3")
    saved_view = SavedView.objects.get()
    assert saved_view.name == "Affärsutveckling hos oss"
    assert saved_view.owner == official and saved_view.department is None
    assert "page" not in saved_view.query
    assert saved_view.labels == {"kind": {str(kind.pk): kind.name}, "lista": {"department": sv("My department's")},
                                 "sort": {"-submitted": sv("Newest first")}}
    assert response.status_code == 302 and response["Location"] == saved_view.get_absolute_url()
    opened = client.get(response["Location"])
    assert opened.status_code == 302
    assert opened["Location"].startswith(reverse("support:worklist") + "?")
    assert query_of(opened["Location"]) == {"lista": ["department"], "kind": [str(kind.pk)], "sort": ["-submitted"]}
    page = client.get(opened["Location"])
    assert page.status_code == 200
    assert "Affärsutveckling hos oss" in page.content.decode()  # listed among the list's saved views


def test_a_save_without_a_name_changes_nothing_and_says_why(client_as):
    response = save(client_as("official"), "   ", "lista=department")
    assert response.status_code == 200
    assert sv("Give the view a name.") in response.content.decode() or sv("This field is required.") in \
        response.content.decode()
    assert not SavedView.objects.exists()


def test_names_are_unique_per_owner_and_list(client_as, official, coordinator):
    client = client_as("official")
    assert save(client, "Försenade", "lista=overdue").status_code == 302
    again = save(client, "försenade", "lista=mine")
    assert again.status_code == 200
    assert sv("You already have a saved view with that name on this list. Choose another name.") in \
        again.content.decode()
    assert save(client, "Försenade", "", list_key="agreements").status_code == 302  # another list
    assert save(client_as("coordinator"), "Försenade", "lista=all").status_code == 302  # another owner
    assert SavedView.objects.count() == 3


def test_an_unknown_list_is_refused_with_a_message(client_as):
    response = save(client_as("official"), "Vy", "", list_key="nothing")
    assert response.status_code == 200
    assert not SavedView.objects.exists()
    assert sv("The view could not be saved: open the work list again and choose “Save this view” there.") in \
        response.content.decode()


def test_a_view_of_a_list_one_may_not_see_is_refused(client_as):
    response = save(client_as("official"), "Omgång", "", list_key="round_overview", object_id=1)
    assert response.status_code == 403
    assert not SavedView.objects.exists()


def test_share_with_my_department(client_as, official, department):
    colleague = UserFactory(username="kollega", departments=[department])
    response = save(client_as("official"), "Delad", "lista=department", department=department.pk)
    assert response.status_code == 302
    saved_view = SavedView.objects.get()
    assert saved_view.department == department
    colleague_client = Client()
    colleague_client.force_login(colleague)
    listing = colleague_client.get(reverse("saved_views:list")).content.decode()
    assert "Delad" in listing and str(official) in listing
    assert colleague_client.get(saved_view.get_absolute_url()).status_code == 302
    # Seen, not changed, by the colleague.
    assert colleague_client.get(reverse("saved_views:update", args=[saved_view.pk])).status_code == 403
    assert colleague_client.post(reverse("saved_views:delete", args=[saved_view.pk])).status_code == 403
    assert SavedView.objects.filter(pk=saved_view.pk).exists()


def test_sharing_with_a_department_one_is_not_in_is_refused(client_as, other_department):
    response = save(client_as("official"), "Delad", "lista=department", department=other_department.pk)
    assert response.status_code == 200
    assert not SavedView.objects.exists()


def test_rename_and_make_private(client_as, official, department):
    saved_view = SavedViewFactory(owner=official, name="Gammalt namn", department=department)
    SavedViewFactory(owner=official, name="Upptaget")
    client = client_as("official")
    url = reverse("saved_views:update", args=[saved_view.pk])
    assert "Gammalt namn" in client.get(url).content.decode()
    taken = client.post(url, {"name": "UPPTAGET", "department": department.pk})
    assert taken.status_code == 200
    saved_view.refresh_from_db()
    assert saved_view.name == "Gammalt namn"
    response = client.post(url, {"name": "Nytt namn", "department": ""})
    assert response.status_code == 302 and response["Location"] == reverse("saved_views:list")
    saved_view.refresh_from_db()
    assert (saved_view.name, saved_view.department) == ("Nytt namn", None)


def test_delete_asks_first(client_as, official):
    saved_view = SavedViewFactory(owner=official, name="Att ta bort")
    client = client_as("official")
    url = reverse("saved_views:delete", args=[saved_view.pk])
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Att ta bort" in confirm.content.decode()
    assert SavedView.objects.filter(pk=saved_view.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not SavedView.objects.filter(pk=saved_view.pk).exists()


def test_the_list_page_shows_live_counts(client_as, official, department):
    kind, other_kind = support_kind(), support_kind("lokaler")
    for _ in range(3):
        SupportRequestFactory(assigned=True, department=department, kind=kind)
    SupportRequestFactory(assigned=True, department=department, kind=other_kind)
    SupportRequestFactory(assigned=True, department=DepartmentFactory(), kind=kind)  # not the official's
    SavedViewFactory(owner=official, name="Affärsutveckling", query=f"lista=department&kind={kind.pk}")
    response = client_as("official").get(reverse("saved_views:list"))
    items = {item.saved_view.name: item.count for item in response.context["own"]}
    assert items == {"Affärsutveckling": 3}
    listed = client_as("official").get(reverse("support:worklist"), {"lista": "department", "kind": kind.pk})
    assert listed.context["paginator"].count == 3


def test_the_context_gives_the_navigation_its_links(client_as, official, department):
    mine = SavedViewFactory(owner=official, name="Min vy")
    shared = SavedViewFactory(owner=UserFactory(departments=[department]), name="Delad vy", department=department)
    SavedViewFactory(owner=UserFactory(departments=[department]), name="Privat vy")
    response = client_as("official").get(reverse("saved_views:list"))
    links = [(link["label"], link["url"]) for link in response.context["saved_view_links"]]
    assert sorted(links) == sorted([("Min vy", mine.get_absolute_url()), ("Delad vy", shared.get_absolute_url())])
    assert list(client_as("representative").get(reverse("accounts:overview")).context["saved_view_links"]) == []
