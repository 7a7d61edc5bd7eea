"""Signing in and signing up land on "Mitt arbete"; a new account is offered
its next steps; each role sees its own sections and only those; the public
start page stays as it is."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from enterprises.models import Enterprise, Representation
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

START = reverse("workspace:start")
SIGNUP = {
    "username": "lina", "first_name": "Lina", "last_name": "Pettersson", "email": "lina@example.org",
    "preferred_language": "sv", "password1": "smögenbryggan-2026", "password2": "smögenbryggan-2026",
}
SECTION_TITLES = {
    "representative": "Dina företag och ärenden",
    "official": "Din förvaltnings arbete",
    "coordinator": "Policysamordning",
    "administrator": "Systemadministration",
}


def test_signing_in_lands_on_my_work(client):
    UserFactory(username="eva")
    response = client.post(reverse("accounts:login"), {"username": "eva", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == START


def test_signing_in_still_follows_next(client):
    UserFactory(username="eva")
    response = client.post(reverse("accounts:login") + "?next=/stod/mina/",
                           {"username": "eva", "password": TEST_PASSWORD, "next": "/stod/mina/"})
    assert response["Location"] == "/stod/mina/"


def test_a_new_account_lands_on_my_work_with_its_next_steps(client):
    response = client.post(reverse("accounts:signup"), SIGNUP, follow=True)
    assert response.redirect_chain == [(START, 302)]
    assert User.objects.filter(username="lina").exists()
    html = response.content.decode()
    assert f'href="{reverse("enterprises:register")}">Registrera ditt företag</a>' in html
    assert f'href="{reverse("support:request_create")}">Ansök om stöd</a>' in html
    assert "Inget väntar på dig just nu." in html
    assert "Du har inga ofärdiga ansökningar." in html


def test_the_sign_up_page_sends_the_signed_in_to_my_work(client_as):
    response = client_as("representative").get(reverse("accounts:signup"))
    assert response.status_code == 302
    assert response["Location"] == START


def test_visitors_are_asked_to_sign_in(client):
    response = client.get(START)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", list(SECTION_TITLES))
def test_each_role_sees_its_own_section_only(role, client_as):
    html = client_as(role).get(START).content.decode()
    for other, title in SECTION_TITLES.items():
        assert (f">{title}</h2>" in html) == (other == role), f"{role} and the section of {other}"


def test_a_user_with_several_roles_sees_each_of_their_sections(client_as, user_for, department):
    user_for("coordinator").memberships.create(department=department)
    html = client_as("coordinator").get(START).content.decode()
    assert f">{SECTION_TITLES['coordinator']}</h2>" in html
    assert f">{SECTION_TITLES['official']}</h2>" in html
    assert f">{SECTION_TITLES['representative']}</h2>" not in html


def test_empty_sections_say_so_in_swedish(client_as):
    html = client_as("official").get(START).content.decode()
    assert "Inget väntar på dig just nu." in html
    assert "Ärenden visas här när du blir handläggare för dem." in html


def test_the_public_start_page_stays_for_the_signed_in(client_as):
    response = client_as("official").get(reverse("home"))
    assert response.status_code == 200
    assert response.templates[0].name == "pages/home.html"


def test_the_most_powerful_role_comes_first(client_as, user_for, department):
    user_for("coordinator").memberships.create(department=department)
    html = client_as("coordinator").get(START).content.decode()
    assert html.index(SECTION_TITLES["coordinator"]) < html.index(SECTION_TITLES["official"])


def test_what_is_due_for_my_enterprises(client_as, user_for):
    """The representative's enterprises say what is due, and whose move it is."""
    representative = user_for("representative")
    today = timezone.localdate()
    renew = EnterpriseFactory(name="Förnyas ek. för.")
    Enterprise.objects.filter(pk=renew.pk).update(asf_valid_until=today + timedelta(days=20))
    asked = EnterpriseFactory(name="Frågat ek. för.")
    make_check(asked, "more_info")
    pending = EnterpriseFactory(name="Väntar ek. för.")
    fine = EnterpriseFactory(name="Klart ek. för.")
    RepresentationFactory(user=representative, enterprise=renew)
    RepresentationFactory(user=representative, enterprise=asked)
    RepresentationFactory(user=representative, enterprise=pending, status=Representation.Status.PENDING)
    RepresentationFactory(user=representative, enterprise=fine)
    sections = client_as("representative").get(START).context["sections"]
    (item,) = [item for section in sections for item in section.items if item.key == "my_enterprises"]
    notes = {entry.title: (entry.note, entry.needs_attention) for entry in item.entries}
    renew_note = f"ASF-kontrollen gäller till {today + timedelta(days=20)}: påbörja en ny kontroll på företagets sida."
    assert notes == {
        "Förnyas ek. för.": (renew_note, True),
        "Frågat ek. för.": ("Kommunen begär mer information till ASF-kontrollen: svara på företagets sida.", True),
        "Väntar ek. för.": ("Väntar på att policysamordnaren bekräftar att du företräder företaget.", False),
        "Klart ek. för.": ("Inget att göra just nu.", False),
    }
    assert item.needs_attention
