"""The filters the start page links to: the work list's deadline filter
and the agreement register's "ending within N days"; bad input is shown in
Swedish and filters nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from support.selectors import Late
from tests.support.factories import AgreementFactory, SupportRequestFactory

pytestmark = pytest.mark.django_db

WORKLIST = reverse("support:worklist")
AGREEMENTS = reverse("support:agreement_list")


def subjects(response, key="support_requests", attribute="subject"):
    return sorted(getattr(row, attribute) for row in response.context[key])


@pytest.fixture
def late_requests(department):
    today = timezone.localdate()
    SupportRequestFactory(submitted=True, subject="Ny")
    SupportRequestFactory(submitted=True, submitted_at=timezone.now() - timedelta(days=30), subject="Obesvarad")
    SupportRequestFactory(in_progress=True, department=department, decision_due=today - timedelta(days=1),
                          subject="Beslut sent")
    SupportRequestFactory(waiting=True, department=department, reply_by=today - timedelta(days=1),
                          subject="Sökanden sen")
    SupportRequestFactory(waiting=True, department=department, reply_by=today + timedelta(days=3),
                          subject="Sökanden i tid")


@pytest.mark.usefixtures("late_requests")
@pytest.mark.parametrize("deadline,expected", [
    (Late.FIRST_RESPONSE, ["Obesvarad"]),
    (Late.REPLY_BY, ["Sökanden sen"]),
    (Late.ANY, ["Beslut sent", "Obesvarad"]),
    ("", ["Beslut sent", "Ny", "Obesvarad", "Sökanden i tid", "Sökanden sen"]),
])
def test_the_deadline_filter_shows_the_requests_past_it(client_as, deadline, expected):
    response = client_as("coordinator").get(WORKLIST, {"lista": "all", "deadline": deadline})
    assert subjects(response) == expected


@pytest.mark.usefixtures("late_requests")
def test_the_deadline_filter_keeps_an_official_to_their_department(client_as, other_department):
    SupportRequestFactory(waiting=True, department=other_department, reply_by=timezone.localdate() - timedelta(days=2),
                          subject="Annan förvaltning")
    response = client_as("official").get(WORKLIST, {"lista": "department", "deadline": Late.REPLY_BY})
    assert subjects(response) == ["Sökanden sen"]


@pytest.mark.usefixtures("late_requests")
def test_the_deadline_filter_field_is_on_the_work_list(client_as):
    html = client_as("official").get(WORKLIST).content.decode()
    assert '<label class="form-label" for="id_deadline">Tidsfrist</label>' in html
    assert "Väntar på sökande efter svarsdatumet" in html


@pytest.mark.usefixtures("late_requests")
def test_an_unknown_deadline_is_refused_in_swedish_and_filters_nothing(client_as):
    response = client_as("coordinator").get(WORKLIST, {"lista": "all", "deadline": "igår"})
    assert response.status_code == 200
    assert len(response.context["support_requests"]) == 5
    assert "Välj ett giltigt alternativ" in response.content.decode()


def test_agreements_ending_within_days(client_as, department):
    today = timezone.localdate()
    for days, title in ((0, "I dag"), (30, "Om en månad"), (90, "Om tre månader"), (91, "Senare"), (-1, "Slut")):
        AgreementFactory(department=department, end_date=today + timedelta(days=days), title=title)
    AgreementFactory(department=department, open_ended=True, title="Tills vidare")
    AgreementFactory(department=department, start_date=today + timedelta(days=10),
                     end_date=today + timedelta(days=40), title="Ej påbörjat")
    client = client_as("official")
    assert subjects(client.get(AGREEMENTS, {"ending_within": 90}), "agreements", "title") == [
        "I dag", "Om en månad", "Om tre månader"]
    assert subjects(client.get(AGREEMENTS, {"ending_within": 0}), "agreements", "title") == ["I dag"]
    refused = client.get(AGREEMENTS, {"ending_within": "-5"})
    assert len(refused.context["agreements"]) == 7
    assert "Kontrollera att detta värde är större än eller lika med 0." in refused.content.decode()
