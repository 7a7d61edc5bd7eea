"""The privacy notice: says what the portal keeps, and the retention
periods it states are the records plan's."""

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


def test_without_a_plan_the_page_says_the_records_plan_decides():
    content = page()
    assert content.count("sparas tills dokumenthanteringsplanen beslutar något annat") >= 7


def plan(**rules):
    from records.models import RetentionRule

    for record_type, (action, months, trigger) in rules.items():
        RetentionRule.objects.create(record_type=record_type, action=action, period_months=months, trigger=trigger,
                                     decision="KS 2025/117 § 4")


def test_the_periods_follow_the_records_plan():
    plan(support_request=("keep", None, ""), message=("dispose", 24, "case_closed"),
         sign_in_record=("dispose", 1, "created"), outbox_email=("dispose", 3, "created"))
    content = page()
    assert "själva ansökan och kopplingen till dig bevaras och levereras till e-arkivet" in content
    assert "meddelanden gallras 2 år efter att ärendet avslutades" in content
    assert "uppgifterna gallras 1 månad efter att handlingen skapades." in content
    assert "meddelandena gallras 3 månader efter att handlingen skapades." in content
    assert "handläggarnas anteckningar sparas tills dokumenthanteringsplanen beslutar något annat" in content


def test_the_english_page_states_the_same_periods():
    plan(message=("dispose", 18, "case_closed"), sign_in_record=("dispose", 1, "created"))
    content = page(language="en")
    assert "Kommunstyrelsen (the executive board) of Sotenäs municipality is the controller" in content
    assert "messages are disposed of 18 months after the case was closed" in content
    assert "the records are disposed of 1 month after the record was created." in content
