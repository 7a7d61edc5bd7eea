"""Object-level rules: only the owner changes a view; the owner and, when
shared, the members of its department see it; nobody else (IDOR)."""

import pytest
from django.test import Client
from django.urls import reverse

from saved_views.models import SavedView
from tests.factories import DepartmentFactory, UserFactory
from tests.saved_views.factories import SavedViewFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def owner(department):
    return UserFactory(username="agare", departments=[department])


@pytest.fixture
def private_view(owner):
    return SavedViewFactory(owner=owner, name="Privatvyn Q7", query="lista=mine")


@pytest.fixture
def shared_view(owner, department):
    return SavedViewFactory(owner=owner, name="Delade vyn Q7", query="lista=department", department=department)


def urls(saved_view):
    return [reverse(name, args=[saved_view.pk]) for name in ("saved_views:open", "saved_views:update",
                                                             "saved_views:delete")]


def test_another_departments_official_can_neither_see_nor_change(private_view, shared_view):
    stranger = client_for(UserFactory(username="annan", departments=[DepartmentFactory(name="Sektor annan")]))
    for saved_view in (private_view, shared_view):
        for url in urls(saved_view):
            assert stranger.get(url).status_code == 403, url
            assert stranger.post(url, {"name": "Kapad"}).status_code in (403, 405), url
    assert set(SavedView.objects.values_list("name", flat=True)) == {"Privatvyn Q7", "Delade vyn Q7"}
    listing = stranger.get(reverse("saved_views:list")).content.decode()
    assert "Privatvyn Q7" not in listing and "Delade vyn Q7" not in listing


def test_a_colleague_sees_the_shared_view_only(private_view, shared_view, department):
    colleague = client_for(UserFactory(username="kollega", departments=[department]))
    assert colleague.get(reverse("saved_views:open", args=[shared_view.pk])).status_code == 302
    assert colleague.get(reverse("saved_views:open", args=[private_view.pk])).status_code == 403
    for saved_view in (private_view, shared_view):
        for url in urls(saved_view)[1:]:
            assert colleague.get(url).status_code == 403
            assert colleague.post(url, {"name": "Kapad"}).status_code == 403
    assert SavedView.objects.filter(name="Kapad").count() == 0


def test_an_inactive_department_no_longer_shares(shared_view, department):
    colleague = UserFactory(username="kollega2", departments=[department, DepartmentFactory(name="Sektor två")])
    department.is_active = False
    department.save()
    assert client_for(colleague).get(reverse("saved_views:open", args=[shared_view.pk])).status_code == 403


def test_a_representative_has_no_saved_views(private_view, client_as):
    client = client_as("representative")
    assert client.get(reverse("saved_views:list")).status_code == 403
    assert client.get(reverse("saved_views:open", args=[private_view.pk])).status_code == 403
    assert client.post(reverse("saved_views:create"), {"list_key": "support_requests", "name": "X"}).status_code \
        == 403
    assert SavedView.objects.count() == 1


def test_an_owner_who_may_no_longer_see_the_list_cannot_open_it(private_view, owner):
    owner.memberships.all().delete()  # no longer an official: no support work list
    assert client_for(owner).get(reverse("saved_views:open", args=[private_view.pk])).status_code == 403


def test_a_missing_view_is_404(client_as):
    assert client_as("official").get(reverse("saved_views:open", args=[987654])).status_code == 404


def test_a_shared_view_of_a_list_the_colleague_may_not_see_stays_hidden(department):
    coordinator = UserFactory(username="samordnare", coordinator=True, departments=[department])
    saved_view = SavedViewFactory(owner=coordinator, list_key="round_overview", object_id=1, department=department)
    colleague = client_for(UserFactory(username="kollega3", departments=[department]))
    assert colleague.get(reverse("saved_views:open", args=[saved_view.pk])).status_code == 403
    assert [link["label"] for link in colleague.get(reverse("saved_views:list")).context["saved_view_links"]] == []
