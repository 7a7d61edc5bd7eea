"""Model permissions decide nothing (accounts.backends.PasswordBackend): the
roles and rules do, and the admin is for administrators only. Password
sign-in works as before."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_a_model_permission_granted_in_the_database_gives_no_access(user_for, client_as):
    representative = user_for("representative")
    worklist_permission = Permission.objects.get(codename="view_supportrequest")
    representative.user_permissions.add(worklist_permission)
    group = Group.objects.create(name="Alla rättigheter")
    group.permissions.set(Permission.objects.all())
    representative.groups.add(group)

    assert not representative.has_perm("support.view_supportrequest")
    assert not representative.has_perm("support.view_worklist")
    assert client_as("representative").get(reverse("support:worklist")).status_code == 403
    assert client_as("representative").get(reverse("admin:index")).status_code in (302, 403)


def test_a_refused_permission_costs_no_query(user_for):
    official = user_for("official")
    official.has_perm("accounts.manage_departments")  # the role lookup is cached on the user after this
    with CaptureQueriesContext(connection) as queries:
        assert not official.has_perm("accounts.manage_departments")
        assert not official.has_perm("support.delete_supportrequest")
    assert [q["sql"] for q in queries] == []


def test_password_sign_in_still_works(client, user_for):
    user_for("official")
    response = client.post(reverse("accounts:login"), {"username": "official", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("workspace:start")).status_code == 200
