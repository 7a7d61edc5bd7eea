"""Signing in and out, throttling, password change and reset, self sign-up."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

from tests.conftest import sv  # noqa: E402

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_login_with_the_standard_fields_then_logout(client):
    UserFactory(username="eva")
    response = login(client, "eva", TEST_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:start")
    assert client.get(reverse("workspace:start")).status_code == 200

    confirm = client.get(reverse("accounts:logout"))
    assert "Vill du logga ut" in confirm.content.decode()
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("accounts:overview")).status_code == 302


def test_wrong_password_gets_a_swedish_message(client):
    UserFactory(username="eva")
    response = login(client, "eva", "fel-lösenord")
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet är fel" in response.content.decode()


def test_failed_logins_are_throttled(client, settings):
    UserFactory(username="eva")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "eva", "fel-lösenord")
    response = login(client, "eva", TEST_PASSWORD)
    assert response.status_code == 429
    assert "För många misslyckade inloggningsförsök" in response.content.decode()
    assert client.get(reverse("accounts:overview")).status_code == 302  # still signed out


def test_throttling_is_per_username(client, settings):
    UserFactory(username="eva")
    UserFactory(username="johan")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "eva", "fel-lösenord")
    assert login(client, "johan", TEST_PASSWORD).status_code == 302


def test_password_change(client):
    user = UserFactory(username="eva")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "havsörn-på-smögen-42", "new_password2": "havsörn-på-smögen-42"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("havsörn-på-smögen-42")


def test_password_rules_are_explained_in_swedish(client):
    client.force_login(UserFactory(username="eva"))
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "12345", "new_password2": "12345"},
    )
    assert response.status_code == 200
    assert "lösenordet är för kort" in response.content.decode()


def test_password_reset_by_email(client, settings):
    settings.SITE_URL = "https://socialekonomi.sotenas.se"
    user = UserFactory(username="eva", email="eva@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "EVA@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["eva@example.org"]
    assert "Återställ" in message.subject
    assert "Hej" in message.body
    link = re.search(r"https://socialekonomi\.sotenas\.se(/konto/aterstall-losenord/\S+/)", message.body)
    assert link, message.body

    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "kungshamn-2026-hav", "new_password2": "kungshamn-2026-hav"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("kungshamn-2026-hav")


def test_password_reset_reveals_nothing_about_unknown_addresses(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "okand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_representative_signs_up_and_is_signed_in(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "lina",
            "first_name": "Lina",
            "last_name": "Pettersson",
            "email": "lina@example.org",
            "preferred_language": "sv",
            "password1": "smögenbryggan-2026",
            "password2": "smögenbryggan-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="lina")
    assert not user.is_staff and not user.is_superuser and not user.is_policy_coordinator
    page = client.get(reverse("accounts:overview")).content.decode()
    assert "Företagsrepresentant" in page


def test_signup_refuses_a_taken_email_with_a_clear_message(client):
    UserFactory(username="eva", email="eva@example.org")
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "eva2",
            "first_name": "Eva",
            "last_name": "Berg",
            "email": "Eva@Example.org",
            "preferred_language": "sv",
            "password1": "smögenbryggan-2026",
            "password2": "smögenbryggan-2026",
        },
    )
    assert response.status_code == 200
    assert "Det finns redan ett konto med den här e-postadressen" in response.content.decode()
    assert User.objects.count() == 1


def test_signup_refuses_a_username_that_looks_like_an_erased_account(client):
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "Raderad-anna",
            "first_name": "Anna",
            "last_name": "Berg",
            "email": "anna@example.org",
            "preferred_language": "sv",
            "password1": "smögenbryggan-2026",
            "password2": "smögenbryggan-2026",
        },
    )
    assert response.status_code == 200
    assert sv("Choose another username.") in response.content.decode()
    assert not User.objects.filter(username="Raderad-anna").exists()


def test_signup_requires_name_and_email(client):
    response = client.post(reverse("accounts:signup"), {"username": "x", "password1": "a", "password2": "b"})
    assert response.status_code == 200
    assert sv("This field is required.") in response.content.decode()
    assert not User.objects.filter(username="x").exists()
