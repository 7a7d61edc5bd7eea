"""A renewal check sent in before the ASF verification expires keeps the
entry ASF ("förnyelse pågår") until it is decided, on the page, in the
registry filter and in the API; every step is in the entry's history."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.dates import add_years
from enterprises import workflow
from enterprises.models import CriterionAssessment, DefinitionCheck, Enterprise
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check

pytestmark = pytest.mark.django_db
MET, NOT_MET = CriterionAssessment.Verdict.MET, CriterionAssessment.Verdict.NOT_MET
ALL_MET = {n: (MET, "Styrks av stadgarna") for n in range(1, 5)}
ONE_NOT_MET = {**ALL_MET, 4: (NOT_MET, "Styrs av kommunen")}


@pytest.fixture
def verified(coordinator):
    """A published ASF whose verification runs out in ten days, and its representative."""
    today = timezone.localdate()
    enterprise = EnterpriseFactory(name="Hunnebo Återbruk ek. för.", slug="hunnebo-aterbruk")
    representative = RepresentationFactory(enterprise=enterprise).user
    make_check(enterprise, "decided", is_asf=True, decided_on=add_years(today, -2) + timedelta(days=10))
    workflow.enterprise_refresh_asf_status(enterprise=enterprise)
    enterprise.refresh_from_db()
    assert enterprise.asf_valid_until == today + timedelta(days=10)
    return enterprise, representative, coordinator


def send_in(enterprise, representative):
    check = workflow.check_start(enterprise=enterprise, user=representative)
    workflow.check_save_statements(check=check, statements={n: "Som tidigare, se årsredovisningen" for n in range(1, 5)})
    return workflow.check_move(check=check, action="submit", user=representative)


def let_it_expire(enterprise, days_ago=5):
    """Time passes: the old verification ran out ``days_ago`` days ago."""
    expired = timezone.localdate() - timedelta(days=days_ago)
    old = enterprise.definition_checks.get(status=DefinitionCheck.Status.DECIDED)
    DefinitionCheck.objects.filter(pk=old.pk).update(valid_until=expired, decided_on=add_years(expired, -2))
    Enterprise.objects.filter(pk=enterprise.pk).update(asf_valid_until=expired)
    return expired


def public_page(enterprise) -> str:
    return Client().get(reverse("enterprises:detail", kwargs={"slug": enterprise.slug})).content.decode()


def api_row(enterprise) -> dict:
    body = Client().get("/api/v1/enterprises/", {"asf": "on"}).json()
    rows = [row for row in body["results"] if row["slug"] == enterprise.slug]
    return rows[0] if rows else {}


def test_a_renewal_sent_in_on_time_keeps_the_badge_through_the_expiry_date(verified):
    enterprise, representative, coordinator = verified
    page = public_page(enterprise)
    valid_until = enterprise.asf_valid_until
    assert f"Kontrollerad som ASF, giltig till {valid_until.isoformat()}" in page

    check = send_in(enterprise, representative)
    enterprise.refresh_from_db()
    assert enterprise.asf_renewal_submitted_on == timezone.localdate()
    assert "Förnyelse pågår" in public_page(enterprise)

    expired = let_it_expire(enterprise)
    page = public_page(enterprise)
    assert "ASF, förnyelse pågår" in page
    row = api_row(enterprise)  # still in the registry's ASF filter, and ASF in the API
    assert row["asf_verified"] is True and row["asf_valid_until"] == expired.isoformat()
    list_page = Client().get(reverse("enterprises:list"), {"asf": "on"}).content.decode()
    assert enterprise.name in list_page and "ASF, förnyelse pågår" in list_page

    # Asked for more, sent in again after the expiry date: still the same renewal.
    workflow.check_move(check=check, action="request_info", user=coordinator, comment="Bifoga årsredovisningen")
    workflow.check_move(check=check, action="submit", user=representative)
    assert "ASF, förnyelse pågår" in public_page(enterprise)

    workflow.check_move(check=check, action="decide", user=coordinator, verdicts=ALL_MET)
    enterprise.refresh_from_db()
    new_until = add_years(timezone.localdate(), 2)
    assert (enterprise.asf_valid_until, enterprise.asf_renewal_submitted_on) == (new_until, None)
    page = public_page(enterprise)
    assert f"Kontrollerad som ASF, giltig till {new_until.isoformat()}" in page and "förnyelse pågår" not in page
    assert api_row(enterprise)["asf_valid_until"] == new_until.isoformat()


def test_every_step_is_in_the_history(verified, client_as):
    enterprise, representative, coordinator = verified
    check = send_in(enterprise, representative)
    workflow.check_move(check=check, action="request_info", user=coordinator, comment="Bifoga årsredovisningen")
    workflow.check_move(check=check, action="submit", user=representative)
    workflow.check_move(check=check, action="decide", user=coordinator, verdicts=ALL_MET)
    page = client_as("coordinator").get(reverse("enterprises:history", kwargs={"slug": enterprise.slug}))
    text = page.content.decode()
    assert text.count("Förnyelsekontroll mot ASF-definitionen inskickad") == 2
    assert "Mer information begärd för kontrollen mot ASF-definitionen" in text
    new_until = add_years(timezone.localdate(), 2).isoformat()
    assert f"Kontrollen mot ASF-definitionen godkänd: giltig till {new_until}" in text


def test_a_rejected_renewal_after_the_expiry_date_removes_the_badge(verified):
    enterprise, representative, coordinator = verified
    check = send_in(enterprise, representative)
    let_it_expire(enterprise)
    workflow.check_move(check=check, action="decide", user=coordinator, verdicts=ONE_NOT_MET)
    enterprise.refresh_from_db()
    assert (enterprise.asf_valid_until, enterprise.asf_renewal_submitted_on) == (None, None)
    page = public_page(enterprise)
    assert "förnyelse pågår" not in page and "Kontrollerad som ASF" not in page
    assert api_row(enterprise) == {}  # out of the ASF filter


def test_a_check_sent_in_after_the_expiry_date_is_no_renewal(verified):
    enterprise, representative, _coordinator = verified
    let_it_expire(enterprise)
    send_in(enterprise, representative)
    enterprise.refresh_from_db()
    assert enterprise.asf_renewal_submitted_on is None
    page = public_page(enterprise)
    assert "förnyelse pågår" not in page and "Kontrollerad som ASF" not in page


def test_the_registry_page_keeps_its_query_count_with_renewals(client_as):
    from tests.harness.queries import assert_fixed_query_count

    today = timezone.localdate()

    def add_rows(n):
        for _ in range(n):
            enterprise = EnterpriseFactory()
            Enterprise.objects.filter(pk=enterprise.pk).update(
                asf_verified_on=today - timedelta(days=800), asf_valid_until=today - timedelta(days=3),
                asf_renewal_submitted_on=today - timedelta(days=10))

    client = Client()
    assert_fixed_query_count(lambda: client.get(reverse("enterprises:list"), {"asf": "on", "page": "1"}),
                             add_rows, sizes=(3, 12))
