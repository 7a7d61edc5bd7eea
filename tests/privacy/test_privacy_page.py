"""The privacy notice: says what the portal keeps, and the retention
periods it states are the configured ones."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def page(client=None, language=None) -> str:
    client = client or Client()
    if language:
        client.cookies["portal_language"] = language
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_swedish_page_covers_every_kind_of_data():
    content = page()
    for phrase in ("Kommunstyrelsen i Sotenäs kommun", "Ditt konto", "Kontaktpersoner", "Stödärenden",
                   "Inloggningsförsök", "Ändringshistorik", "E-post från portalen", "allmänt intresse",
                   "myndighetsutövning", "rättslig förpliktelse", "arkivlagen", "enskilda deltagare",
                   "Integritetsskyddsmyndigheten"):
        assert phrase in content, phrase


def test_the_page_links_to_the_self_service_pages():
    content = page()
    for name in ("privacy:personal_data", "privacy:delete"):
        assert f'href="{reverse(name)}"' in content


def test_default_periods_are_stated():
    content = page()
    assert "efter 3 år" in content
    assert "30 dagar." in content
    assert "90 dagar efter" in content


def test_the_periods_follow_the_settings(settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 400
    settings.LOGIN_ATTEMPT_RETENTION_DAYS = 14
    settings.OUTBOX_RETENTION_DAYS = 1
    content = page()
    assert "efter 400 dagar" in content
    assert "14 dagar." in content
    assert "1 dag efter" in content
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 5 * 365
    assert "efter 5 år" in page()


def test_the_english_page_states_the_same_periods(settings):
    settings.SUPPORT_REQUEST_RETENTION_DAYS = 365
    content = page(language="en")
    assert "Kommunstyrelsen (the executive board) of Sotenäs municipality is the controller" in content
    assert "after 1 year:" in content
    assert "30 days." in content
