"""Roles as predicates, and the navigation each role sees."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from accounts.roles import Role, roles_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role,expected",
    [
        ("representative", [Role.REPRESENTATIVE]),
        ("official", [Role.OFFICIAL]),
        ("coordinator", [Role.COORDINATOR]),
        ("administrator", [Role.ADMINISTRATOR]),
    ],
)
def test_each_role_user_holds_exactly_that_role(role, expected, user_for):
    assert roles_of(user_for(role)) == expected


def test_anonymous_is_a_visitor():
    assert roles_of(AnonymousUser()) == [Role.ANONYMOUS]


def test_deactivated_user_holds_no_role(user_for):
    user = user_for("coordinator")
    user.is_active = False
    assert roles_of(user) == []


PUBLIC_NAV = ["home", "enterprises:list", "statistics:public"]
SIGNED_IN_NAV = ["workspace:start", "support:my_requests", "accounts:overview"]
STAFF_NAV = ["enterprises:work_list", "support:worklist", "support:agreement_list", "support:followup",
             "policy_reports:version_list",
             "accounts:department_list"]
# Issue 16: the records manager's pages, also the system administrator's.
RECORDS_NAV = ["archive:home", "archive:plan", "archive:disposal_log"]
EXPECTED_NAV = {
    "anonymous": PUBLIC_NAV,
    "representative": PUBLIC_NAV + SIGNED_IN_NAV + ["enterprises:mine"],
    "official": PUBLIC_NAV + SIGNED_IN_NAV + STAFF_NAV + ["policy_reports:my_reports"],
    "coordinator": PUBLIC_NAV + SIGNED_IN_NAV + STAFF_NAV + ["policy_reports:round_list"],
    "records_manager": PUBLIC_NAV + SIGNED_IN_NAV + RECORDS_NAV,
    "administrator": PUBLIC_NAV + SIGNED_IN_NAV + STAFF_NAV + RECORDS_NAV + [
        "enterprises:mine", "policy_reports:my_reports", "policy_reports:round_list", "admin:index"],
}


def menu_hrefs(html: str) -> set[str]:
    """The addresses the main menu links to, read from the page itself."""
    menu = html[html.index('<ul class="main-nav-list"'):html.index("</nav>", html.index('<ul class="main-nav-list"'))]
    return set(re.findall(r'<a class="(?:main-nav-link|nav-group-link)[^"]*" href="([^"]+)"', menu))


@pytest.mark.parametrize("role", EXPECTED_NAV)
def test_navigation_depends_on_the_role(role, client_as):
    from accounts.navigation import MAIN_NAVIGATION

    response = client_as(role).get(reverse("home"))
    expected = {reverse(name) for name in EXPECTED_NAV[role]}
    assert {item["url"] for item in response.context["main_navigation"]} == expected
    shown = menu_hrefs(response.content.decode())
    assert shown == expected
    refused = {reverse(item.url_name) for item in MAIN_NAVIGATION} - expected
    assert refused.isdisjoint(shown)


def test_navigation_is_swedish(client_as):
    labels = [str(i["label"]) for i in client_as("official").get(reverse("home")).context["main_navigation"]]
    assert "Företagsregister" in labels and "Förvaltningar och bolag" in labels and "Mitt konto" in labels
    assert "Startsida" in labels and "Min startsida" in labels


def test_current_page_is_marked_for_assistive_technology(client_as):
    html = client_as("representative").get(reverse("accounts:overview")).content.decode()
    assert f'href="{reverse("accounts:overview")}" aria-current="page"' in html
    assert html.count('aria-current="page"') == 1


def test_coordinator_is_not_let_into_the_admin(client_as, coordinator):
    coordinator.is_staff = True  # even a stray staff flag is not enough
    coordinator.save()
    response = client_as("coordinator").get(reverse("admin:index"))
    assert response.status_code == 302
