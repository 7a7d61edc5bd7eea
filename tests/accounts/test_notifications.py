import pytest
from django.urls import reverse

from core.models import OutboundEmail
from tests.factories import UserFactory
from tests.harness.queries import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def message(recipient, subject, user=None):
    return OutboundEmail.objects.create(recipient=recipient, subject=subject, body="x", kind="test", user=user)


def test_official_sees_own_and_department_messages_only(client_as, official, department):
    message(official.email, "Till mig", user=official)
    message(department.contact_email, "Till förvaltningen")
    message("någon.annan@example.org", "Inte till mig")
    response = client_as("official").get(reverse("accounts:notifications"))
    subjects = {m.subject for m in response.context["notifications"]}
    assert subjects == {"Till mig", "Till förvaltningen"}


def test_notification_list_query_count_is_fixed(client_as, official):
    client = client_as("official")

    def add(count):
        for n in range(count):
            message(official.email, f"Påminnelse {n}", user=official)

    assert_fixed_query_count(lambda: client.get(reverse("accounts:notifications")), add, sizes=(5, 60))


def test_representative_does_not_see_others_messages(client_as):
    other = UserFactory(username="annan")
    message(other.email, "Hemligt", user=other)
    response = client_as("representative").get(reverse("accounts:notifications"))
    assert list(response.context["notifications"]) == []
