"""Departments and companies: managed by coordinators, visible to officials,
every change kept in the audit history."""

import pytest
from django.urls import reverse

from accounts.models import Department
from tests.factories import DepartmentFactory

from tests.conftest import sv  # noqa: E402

pytestmark = pytest.mark.django_db


def test_coordinator_adds_a_company(client_as):
    response = client_as("coordinator").post(
        reverse("accounts:department_create"),
        {"name": "Sotenäs Hamnar AB", "kind": "company", "contact_email": "hamn@sotenas.example", "is_active": "on"},
    )
    department = Department.objects.get(name="Sotenäs Hamnar AB")
    assert response.status_code == 302
    assert response["Location"] == department.get_absolute_url()
    assert department.kind == Department.Kind.COMPANY


def test_bad_input_gets_swedish_messages_and_changes_nothing(client_as, department):
    response = client_as("coordinator").post(
        reverse("accounts:department_update", kwargs={"pk": department.pk}),
        {"name": "", "kind": "nonsense", "contact_email": "inte-en-adress"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert sv("This field is required.") in page
    assert sv("Enter a valid email address.") in page
    assert "Rätta felen som är markerade nedan" in page
    department.refresh_from_db()
    assert department.name == "Sektor arbetsmarknad och integration"


def test_only_one_kommunstyrelsen_office(client_as):
    DepartmentFactory(name="Kommunstyrelsens förvaltning", kind=Department.Kind.KOMMUNSTYRELSEN)
    response = client_as("coordinator").post(
        reverse("accounts:department_create"),
        {"name": "Kommunstyrelsen 2", "kind": "kommunstyrelsen", "contact_email": "ks2@sotenas.example"},
    )
    assert response.status_code == 200
    assert "Kommunstyrelsens förvaltning finns redan" in response.content.decode()
    assert Department.objects.filter(kind="kommunstyrelsen").count() == 1


def test_duplicate_name_is_refused(client_as, department):
    response = client_as("coordinator").post(
        reverse("accounts:department_create"),
        {"name": department.name, "kind": "sector", "contact_email": "x@sotenas.example"},
    )
    assert response.status_code == 200
    assert Department.objects.filter(name=department.name).count() == 1


def test_history_records_who_changed_what(client_as, coordinator, department):
    client_as("coordinator").post(
        reverse("accounts:department_update", kwargs={"pk": department.pk}),
        {"name": department.name, "kind": "sector", "contact_email": "ny.adress@sotenas.example", "is_active": "on"},
    )
    latest = department.history.latest()
    assert latest.history_user == coordinator
    assert latest.contact_email == "ny.adress@sotenas.example"

    page = client_as("official").get(reverse("accounts:department_history", kwargs={"pk": department.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert str(coordinator) in html
    assert "ny.adress@sotenas.example" in html
    assert "Ändrad" in html


def test_official_sees_the_list_but_not_the_edit_button(client_as, department):
    html = client_as("official").get(reverse("accounts:department_list")).content.decode()
    assert department.name in html
    assert reverse("accounts:department_create") not in html


def test_empty_list_says_so(client_as):
    Department.objects.all().delete()
    html = client_as("coordinator").get(reverse("accounts:department_list")).content.decode()
    assert "Inga förvaltningar eller bolag har lagts till än" in html
