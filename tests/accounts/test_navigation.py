"""The main menu in groups: only what the user may use, empty groups left
out, a group of one shown as its link, the current page's group marked, and
the saved views in "Mitt arbete" when there are any."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from accounts.navigation import navigation_for, navigation_groups

pytestmark = pytest.mark.django_db


def groups_of(client, path="/"):
    return client.get(path).context["navigation_groups"]


def group_labels(entries) -> list[str]:
    return [str(entry["label"]) for entry in entries if "items" in entry]


def direct_links(entries) -> list[str]:
    return [str(entry["link"]["label"]) for entry in entries if "link" in entry]


def test_visitor_sees_direct_links_and_no_menus(client_as):
    entries = groups_of(client_as("anonymous"))
    assert group_labels(entries) == []
    assert direct_links(entries) == ["Startsida", "Företagsregister", "Statistik"]
    html = client_as("anonymous").get(reverse("home")).content.decode()
    assert "nav-group-toggle" not in html


@pytest.mark.parametrize("role,groups", [
    ("representative", ["Mitt arbete", "Register"]),
    ("official", ["Mitt arbete", "Register", "Stöd och avtal", "Policy och rapporter"]),
    ("coordinator", ["Mitt arbete", "Register", "Stöd och avtal", "Policy och rapporter"]),
    ("records_manager", ["Mitt arbete", "Arkiv och diarium"]),
    ("administrator", ["Mitt arbete", "Register", "Stöd och avtal", "Policy och rapporter", "Arkiv och diarium",
                       "Administration"]),
])
def test_each_role_gets_the_groups_it_has_links_in(role, groups, client_as):
    assert group_labels(groups_of(client_as(role))) == groups


def test_a_group_with_one_link_is_that_link(client_as):
    # The representative may use one support page and the public statistics only.
    links = direct_links(groups_of(client_as("representative")))
    assert links == ["Startsida", "Stöd", "Statistik"]


def test_a_group_with_no_link_is_not_shown(user_for):
    official = user_for("official")
    links = [link for link in navigation_for(official, "/") if link["group"] != "administration"]
    entries = navigation_groups(links)
    assert "Administration" not in group_labels(entries)
    assert all(entry.get("key") != "administration" for entry in entries)


def test_every_group_has_an_accessible_disclosure_button(client_as):
    html = client_as("coordinator").get(reverse("home")).content.decode()
    for key in ("work", "registry", "support", "policy"):
        assert f'aria-expanded="false" aria-controls="nav-group-{key}"' in html
        assert f'<ul class="nav-group-items" id="nav-group-{key}">' in html
    assert "nav-group-administration" not in html  # the coordinator has no link there


def test_the_current_pages_group_is_marked(client_as):
    client = client_as("coordinator")
    entries = groups_of(client, reverse("support:agreement_list"))
    current = [str(entry["label"]) for entry in entries if entry.get("is_current")]
    assert current == ["Stöd och avtal"]
    html = client.get(reverse("support:agreement_list")).content.decode()
    assert 'aria-controls="nav-group-support" aria-current="true"' in html
    assert f'href="{reverse("support:agreement_list")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1


def test_the_work_area_links_to_my_start_page(client_as):
    html = client_as("official").get(reverse("home")).content.decode()
    work = html[html.index('id="nav-group-work"'):]
    work = work[:work.index("</ul>")]
    assert f'href="{reverse("workspace:start")}"' in work
    assert f'href="{reverse("accounts:overview")}"' in work


def render_page(user, **context):
    request = RequestFactory().get(reverse("home"))
    request.user = user
    request.session = {}
    return render_to_string("base.html", context, request=request)


def test_saved_views_are_listed_in_the_work_area(user_for):
    html = render_page(user_for("official"), saved_view_links=[
        {"label": "Mina öppna ärenden", "url": "/stod/arenden/?state=open"},
        {"label": "Avtal som löper ut", "url": "/stod/avtal/?ending=90"},
    ])
    work = html[html.index('id="nav-group-work"'):html.index('id="nav-group-registry"')]
    assert "Sparade vyer" in work
    assert 'href="/stod/arenden/?state=open">Mina öppna ärenden</a>' in work
    assert 'href="/stod/avtal/?ending=90">Avtal som löper ut</a>' in work


@pytest.mark.parametrize("context", [{}, {"saved_view_links": []}])
def test_no_saved_views_heading_without_saved_views(context, user_for):
    html = render_page(user_for("official"), **context)
    assert 'id="nav-group-work"' in html
    assert "Sparade vyer" not in html


def test_the_menu_script_is_a_static_file(client_as):
    html = client_as("coordinator").get(reverse("home")).content.decode()
    assert re.search(r'<script src="/static/js/navigation[.\w]*\.js"></script>', html)
    assert "<script>" not in html  # no inline script (Content-Security-Policy)
