"""The public list of registered cases (postlista) at /postlista/: what it
shows for a date range, what it never shows, secret items, bad input."""

from datetime import datetime, time, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from records.constants import CaseKind, Direction, DocumentKind
from records.models import Registration, SecrecyMark
from records.services import add_document, register, registration_for
from support.services import message_post, support_request_apply
from tests.harness.queries import assert_fixed_query_count
from tests.support.factories import SupportRequestFactory, support_kind

pytestmark = pytest.mark.django_db

URL = reverse("records:postlista")
SUBJECT = "Stöd till Anna Svensson som vill starta kafé"
BODY = "Jag har skulder hos Kronofogden och behöver hjälp."


@pytest.fixture
def applicant(user_for):
    return user_for("representative")


@pytest.fixture
def submitted(applicant, user_for):
    support_request = support_request_apply(
        applicant=applicant, submit=True, kind=support_kind(), enterprise=None, subject=SUBJECT,
        description="Min bakgrund: långtidsarbetslös.", hoped_outcome="Ett möte.",
    )
    message_post(support_request=support_request, author=applicant, body=BODY)
    return support_request


def page(client, **params):
    response = client.get(URL, params)
    return response, response.content.decode()


def test_the_public_sees_number_date_kind_description_and_documents(client, submitted, applicant):
    registration = registration_for(submitted)
    response, html = page(client)
    assert response.status_code == 200
    assert registration.number in html
    assert timezone.localdate(registration.registered_at).isoformat() in html
    assert "Stödärende" in html
    assert registration.title in html
    assert "Ansökan om stöd" in html and "Meddelande från sökande" in html
    assert "Inkommande" in html


def test_no_content_and_no_private_persons_name(client, submitted, applicant, user_for):
    message_post(support_request=submitted, author=user_for("coordinator"), body="Notering om Anna", internal=True)
    _response, html = page(client)
    for private in (applicant.first_name, applicant.last_name, applicant.email, SUBJECT, "Anna Svensson", BODY,
                    "långtidsarbetslös", "Notering om Anna", submitted.reference):
        assert private not in html, private
    assert "Sökande" not in html, "no sender or recipient on the public list"


def test_the_default_is_the_last_30_days(client, applicant):
    recent = register(SupportRequestFactory(submitted=True), case_kind=CaseKind.SUPPORT_REQUEST, title="Nyligen",
                      at=timezone.now() - timedelta(days=29))
    old = register(SupportRequestFactory(submitted=True), case_kind=CaseKind.SUPPORT_REQUEST, title="Gammalt",
                   at=timezone.now() - timedelta(days=31))
    _response, html = page(client)
    assert recent.number in html and old.number not in html


def at_day(day):
    return timezone.make_aware(datetime.combine(day, time(10)))


def test_a_date_range_picks_the_cases_registered_in_it(client):
    day = timezone.localdate() - timedelta(days=200)
    inside = [register(SupportRequestFactory(submitted=True), case_kind=CaseKind.SUPPORT_REQUEST, title=f"Inne {n}",
                       at=at_day(day + timedelta(days=n))) for n in (0, 9)]
    outside = register(SupportRequestFactory(submitted=True), case_kind=CaseKind.SUPPORT_REQUEST, title="Ute",
                       at=at_day(day + timedelta(days=10)))
    response, html = page(client, fran=day.isoformat(), till=(day + timedelta(days=9)).isoformat())
    assert response.status_code == 200
    assert all(r.number in html for r in inside) and outside.number not in html
    assert "2 ärenden registrerade" in html


@pytest.mark.parametrize("params,message", [
    ({"fran": "2026-13-01"}, "Skriv datumet som ÅÅÅÅ-MM-DD"),
    ({"fran": "igår", "till": "2026-01-01"}, "Skriv datumet som ÅÅÅÅ-MM-DD"),
    ({"fran": "2026-03-01", "till": "2026-02-01"}, "Slutdatumet kan inte vara före startdatumet."),
    ({"fran": "2024-01-01", "till": "2026-01-01"}, "Välj en period på högst ett år."),
])
def test_bad_input_gets_a_swedish_message_and_nothing_else(client, submitted, params, message):
    response, html = page(client, **params)
    assert response.status_code == 400
    assert message in html
    assert registration_for(submitted).number not in html


def test_a_whole_year_is_allowed(client):
    response, _html = page(client, fran="2025-01-01", till="2025-12-31")
    assert response.status_code == 200


def mark(registration, item, field_name=""):
    return SecrecyMark.objects.create(
        registration=registration, item_type=ContentType.objects.get_for_model(item), item_id=item.pk,
        field_name=field_name, provision="OSL 26 kap. 1 §", reason="Uppgifter om enskilds personliga förhållanden.",
    )


def test_a_secret_document_shows_as_secrecy_marked(client, submitted):
    registration = registration_for(submitted)
    mark(registration, submitted.messages.get())
    _response, html = page(client)
    assert "Sekretessmarkerad" in html
    assert "Meddelande från sökande" not in html
    assert "Ansökan om stöd" in html, "the other documents and the title still show"


def test_a_secret_title_shows_as_secrecy_marked(client, submitted):
    registration = registration_for(submitted)
    mark(registration, submitted, field_name="subject")
    _response, html = page(client)
    assert registration.title not in html
    assert "Sekretessmarkerad" in html
    assert registration.number in html


def test_a_removed_mark_shows_the_description_again(client, submitted):
    registration = registration_for(submitted)
    secrecy = mark(registration, submitted.messages.get())
    secrecy.removed_at = timezone.now()
    secrecy.removal_reason = "Sekretessen gäller inte längre."
    secrecy.save()
    _response, html = page(client)
    assert "Sekretessmarkerad" not in html and "Meddelande från sökande" in html


def test_the_list_is_paginated(client):
    for n in range(30):
        register(SupportRequestFactory(submitted=True), case_kind=CaseKind.SUPPORT_REQUEST, title=f"Ärende {n}")
    _response, html = page(client)
    assert "Sida 1 av 2" in html
    _response, second = page(client, page=2)
    assert "Ärende 29" in second and "Ärende 0<" not in second


def test_the_query_count_is_fixed_whatever_the_size(client):
    def add(count):
        for _ in range(count):
            support_request = SupportRequestFactory(submitted=True)
            registration = register(support_request, case_kind=CaseKind.SUPPORT_REQUEST, title="Ansökan om stöd")
            for _document in range(3):
                add_document(registration, kind=DocumentKind.MESSAGE, direction=Direction.INCOMING,
                             description="Meddelande", record=support_request)
            mark(registration, support_request)

    # count, the page, its documents, its secrecy marks
    assert_fixed_query_count(lambda: client.get(URL), add, sizes=(3, 20), expected=4)


def test_the_postlista_is_linked_from_the_footer_and_in_english(client):
    assert f'href="{URL}"' in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(URL).content.decode()
    assert "Public list of registered cases" in html


def test_every_kind_of_case_is_listed(client):
    for kind in CaseKind.values:
        register(SupportRequestFactory(submitted=True), case_kind=kind, title=f"Titel {kind}")
    _response, html = page(client)
    for label in ("Stödärende", "Avtal", "Årsrapportering", "ASF-prövning"):
        assert label in html
    assert Registration.objects.count() == 4
