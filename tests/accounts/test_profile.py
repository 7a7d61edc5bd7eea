import pytest
from django.urls import reverse

from tests.factories import UserFactory

from tests.conftest import sv  # noqa: E402

pytestmark = pytest.mark.django_db


def test_user_updates_own_details(client):
    user = UserFactory(username="eva")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Eva", "last_name": "Strand", "email": "eva.strand@example.org", "preferred_language": "en",
         "support_email_delivery": "digest"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.last_name, user.email, user.preferred_language) == ("Strand", "eva.strand@example.org", "en")
    assert user.support_email_delivery == "digest"
    assert "Dina uppgifter har sparats" in client.get(reverse("accounts:overview")).content.decode()


def test_invalid_email_changes_nothing(client):
    user = UserFactory(username="eva", email="eva@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Eva", "last_name": "X", "email": "inte-en-adress", "preferred_language": "sv",
         "support_email_delivery": "immediate"},
    )
    assert response.status_code == 200
    assert sv("Enter a valid email address.") in response.content.decode()
    user.refresh_from_db()
    assert user.email == "eva@example.org"
