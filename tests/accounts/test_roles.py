"""Roles as predicates, and the navigation each role sees."""

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


NAV = {
    "Start": reverse("home"),
    "Förvaltningar och bolag": reverse("accounts:department_list"),
    "Mitt konto": reverse("accounts:overview"),
    "Administration": reverse("admin:index"),
}
EXPECTED_NAV = {
    "anonymous": ["Start"],
    "representative": ["Start", "Mitt konto"],
    "official": ["Start", "Förvaltningar och bolag", "Mitt konto"],
    "coordinator": ["Start", "Förvaltningar och bolag", "Mitt konto"],
    "administrator": ["Start", "Förvaltningar och bolag", "Mitt konto", "Administration"],
}


@pytest.mark.parametrize("role", EXPECTED_NAV)
def test_navigation_depends_on_the_role(role, client_as):
    response = client_as(role).get(reverse("home"))
    labels = [item["label"] for item in response.context["main_navigation"]]
    assert [str(label) for label in labels] == EXPECTED_NAV[role]
    html = response.content.decode()
    for label in EXPECTED_NAV[role]:
        assert f'href="{NAV[label]}"' in html
    for label in set(NAV) - set(EXPECTED_NAV[role]):
        assert f'href="{NAV[label]}"' not in html


def test_current_page_is_marked_for_assistive_technology(client_as):
    html = client_as("representative").get(reverse("accounts:overview")).content.decode()
    assert f'href="{reverse("accounts:overview")}" aria-current="page"' in html


def test_coordinator_is_not_let_into_the_admin(client_as, coordinator):
    coordinator.is_staff = True  # even a stray staff flag is not enough
    coordinator.save()
    response = client_as("coordinator").get(reverse("admin:index"))
    assert response.status_code == 302
