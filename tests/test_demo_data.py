"""`load_demo_data` creates one working account per role, idempotently."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import Department, Membership, User
from accounts.roles import Role, roles_of

pytestmark = pytest.mark.django_db

DEMO_ROLES = {
    "admin": Role.ADMINISTRATOR,
    "samordnare": Role.COORDINATOR,
    "tjansteman": Role.OFFICIAL,
    "foretagare": Role.REPRESENTATIVE,
}


def snapshot():
    return (
        sorted(User.objects.values_list("username", "password", "email")),
        sorted(Department.objects.values_list("name", "kind", "contact_email", "is_active")),
        sorted(Membership.objects.values_list("user__username", "department__name")),
    )


def test_running_twice_changes_nothing():
    call_command("load_demo_data", "--allow-without-debug")
    first = snapshot()
    call_command("load_demo_data", "--allow-without-debug")
    assert snapshot() == first
    assert Department.objects.filter(kind=Department.Kind.KOMMUNSTYRELSEN).count() == 1
    assert Department.objects.filter(kind=Department.Kind.COMPANY).count() >= 2


@pytest.mark.parametrize("username,role", DEMO_ROLES.items())
def test_each_demo_account_signs_in_with_the_documented_password(username, role):
    call_command("load_demo_data", "--allow-without-debug")
    user = User.objects.get(username=username)
    assert role in roles_of(user)
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": "sotenas-demo"})
    assert response.status_code == 302, f"{username} could not sign in"
    page = client.get(reverse("accounts:overview")).content.decode()
    assert "Mitt konto" in page
    with translation.override("sv"):
        assert str(role.label) in page  # the role's Swedish name, e.g. "Policysamordnare"


def test_refuses_to_run_without_debug():
    with pytest.raises(CommandError, match="never exist in production"):
        call_command("load_demo_data")
    assert not User.objects.filter(username="admin").exists()
