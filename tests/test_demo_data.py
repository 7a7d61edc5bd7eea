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
    from django.apps import apps

    counts = {
        model._meta.label: model._default_manager.count()
        for app in ("core", "enterprises", "support", "policy_reports")
        for model in apps.get_app_config(app).get_models()
    }
    return (
        counts,
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


def test_demo_data_shows_review_reminders(capsys):
    call_command("load_demo_data", "--allow-without-debug")
    call_command("send_reminders", "--dry-run")
    out = capsys.readouterr().out
    review_lines = [line for line in out.splitlines() if "\treview" in line]
    assert review_lines, out
    assert any(line.startswith("samordnare@") for line in review_lines)


def test_demo_data_covers_every_part():
    from enterprises.models import DefinitionCheck, Enterprise
    from policy_reports.models import PolicyVersion, ReportingRound
    from support.models import Agreement, SupportRequest

    call_command("load_demo_data", "--allow-without-debug")
    assert Enterprise.objects.count() >= 25
    assert set(DefinitionCheck.objects.values_list("status", flat=True)) == set(DefinitionCheck.Status.values)
    assert SupportRequest.objects.filter(applicant__username="foretagare").exists()
    assert SupportRequest.objects.filter(department__memberships__user__username="tjansteman").exists()
    assert Agreement.objects.count() >= 15
    assert PolicyVersion.objects.filter(status__in=["in_force", "under_review"]).count() == 1
    assert ReportingRound.objects.count() == 3
