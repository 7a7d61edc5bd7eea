"""The yearly confirmation of registry entries (issue 15 §1): one enterprise
through two years of confirmations, a missed confirmation and its return;
the pages, the API field and the work list on the way."""

from datetime import UTC, date, datetime, time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import OutboundEmail
from enterprises import confirmation
from enterprises.constants import ConfirmedBy, PublicationStatus
from enterprises.models import Enterprise
from sotenas_portal.reminders.sweep import run_sweep
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.enterprises.test_registry_views import registration_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """Set the portal's "now" to noon of a day (Django's clock, not ours)."""

    def set_day(day: date):
        moment = timezone.make_aware(datetime.combine(day, time(12)))
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return day

    return set_day


def sweep(clock, day: date, capture) -> list:
    clock(day)
    with capture(execute=True):
        return [p for p in run_sweep(today=day) if p.sent]


def keys_for(enterprise) -> list[str]:
    return sorted(OutboundEmail.objects.filter(dedup_key__contains=f":{enterprise.pk}:")
                  .values_list("dedup_key", flat=True))


def test_one_enterprise_through_two_years_a_missed_confirmation_and_its_return(
        clock, client_as, representative, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    coordinator = UserFactory(username="samordnare", coordinator=True)
    clock(date(2027, 1, 10))
    enterprise = EnterpriseFactory(name="Hamnens Cykelverkstad ek. för.")
    assert enterprise.last_confirmed_on == date(2027, 1, 10)
    RepresentationFactory(user=representative, enterprise=enterprise)
    def rep():  # signed in afresh at each step: sessions expire over the years
        return client_as("representative")

    confirm_url = reverse("enterprises:confirm", args=[enterprise.slug])

    # February: nothing yet. March 2027: the first yearly request, once.
    assert sweep(clock, date(2027, 2, 28), capture) == []
    sent = sweep(clock, date(2027, 3, 1), capture)
    assert [(p.recipient, p.kind) for p in sent] == [(representative.email, "confirmation")]
    assert sweep(clock, date(2027, 3, 1), capture) == [] and sweep(clock, date(2027, 3, 2), capture) == []
    assert len(mail.outbox) == 1 and confirm_url in mail.outbox[0].body
    assert "Stämmer uppgifterna" in mail.outbox[0].subject
    # The task on "Mitt arbete", with its two ways.
    start = rep().get(reverse("workspace:start")).content.decode()
    assert "Dags för den årliga bekräftelsen" in start and confirm_url in start

    # The representative confirms with one click.
    clock(date(2027, 3, 5))
    assert rep().get(confirm_url).status_code == 200
    assert rep().post(confirm_url).status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.last_confirmed_on, enterprise.last_confirmed_by) == (date(2027, 3, 5), ConfirmedBy.REPRESENTATIVE)
    assert enterprise.history.latest().history_change_reason == "Bekräftad av en företrädare"
    assert confirm_url not in rep().get(reverse("workspace:start")).content.decode()

    # 2028: asked again; saving the update form confirms too.
    assert len(sweep(clock, date(2028, 3, 1), capture)) == 1
    clock(date(2028, 3, 10))
    data = registration_data(name=enterprise.name, organisation_number=enterprise.organisation_number,
                             figures_year="2027")
    assert rep().post(reverse("enterprises:update", args=[enterprise.slug]), data).status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.last_confirmed_on == date(2028, 3, 10) and enterprise.is_published

    # 2029 and 2030: asked, never answered.
    assert len(sweep(clock, date(2029, 3, 1), capture)) == 1
    clock(date(2029, 4, 9))
    assert "confirmation-notice" not in client_as("anonymous").get(enterprise.get_absolute_url()).content.decode()
    # 13 months without a confirmation: the page and the API say so.
    clock(date(2029, 4, 10))
    page = client_as("anonymous").get(enterprise.get_absolute_url()).content.decode()
    assert 'confirmation-notice" role="note"><strong>Uppgifterna bekräftades senast 2028-03-10.</strong>' in page
    api = client_as("anonymous").get(reverse("api:enterprise_detail", args=[enterprise.organisation_number_display]))
    assert api.json()["last_confirmed"] == "2028-03-10"
    assert api.json()["confirmation_notice"] == "Uppgifterna bekräftades senast 2028-03-10."

    # 24 months (and a last call 30 days after the 2030 request): unpublished once, all told once.
    assert len(sweep(clock, date(2030, 3, 1), capture)) == 1
    assert sweep(clock, date(2030, 3, 30), capture) == []
    mail.outbox.clear()
    sent = sweep(clock, date(2030, 3, 31), capture)
    assert sorted(p.recipient for p in sent) == sorted([representative.email, coordinator.email])
    assert sweep(clock, date(2030, 3, 31), capture) == [] and sweep(clock, date(2030, 4, 1), capture) == []
    assert len(mail.outbox) == 2 and all("inte bekräftad" in m.subject for m in mail.outbox)
    enterprise.refresh_from_db()
    assert enterprise.publication_status == PublicationStatus.UNPUBLISHED
    assert enterprise.unpublished_reason == "inte bekräftad"
    assert client_as("anonymous").get(enterprise.get_absolute_url()).status_code == 404
    assert "Avpublicerad: inte bekräftad" in [h.history_change_reason for h in enterprise.history.all()]

    # Its return: the representative confirms and it is published again at once.
    clock(date(2030, 4, 2))
    assert "publicera den igen" in rep().get(reverse("workspace:start")).content.decode()
    assert rep().post(confirm_url).status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.is_published and enterprise.unpublished_reason == ""
    assert enterprise.unpublished_unconfirmed_on is None and enterprise.last_confirmed_on == date(2030, 4, 2)
    assert client_as("anonymous").get(enterprise.get_absolute_url()).status_code == 200
    assert keys_for(enterprise) == sorted([
        *(f"confirmation:{enterprise.pk}:{year}:0" for year in range(2027, 2031)),
        *[f"confirmation-unpublished:{enterprise.pk}:2028-03-10:0"] * 2,  # the representative and the coordinator
    ])


def test_existing_entries_start_from_their_last_update_so_the_first_cycle_unpublishes_nothing(clock):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("enterprises.migrations.0006_confirmation")
    old = EnterpriseFactory()
    updated = datetime(2025, 6, 30, 23, 30, tzinfo=UTC)  # 1 July in Stockholm
    Enterprise.objects.filter(pk=old.pk).update(updated_at=updated, last_confirmed_on=date(2026, 12, 1))
    migration.start_from_last_update(apps, None)
    old.refresh_from_db()
    assert old.last_confirmed_on == date(2025, 7, 1)
    # Its first request in March 2027 and no unpublishing before a month after it.
    run_sweep(today=date(2027, 3, 1))
    run_sweep(today=date(2027, 3, 30))
    old.refresh_from_db()
    assert old.is_published and old.confirmation_requested_on == date(2027, 3, 1)
    assert confirmation.unpublish_due_on(old) == date(2027, 7, 1)


def test_an_official_confirms_with_a_note_and_without_one_nothing_changes(client_as):
    enterprise = EnterpriseFactory()
    Enterprise.objects.filter(pk=enterprise.pk).update(last_confirmed_on=date(2025, 1, 1),
                                                       confirmation_requested_on=date(2026, 3, 1))
    url = reverse("enterprises:confirm", args=[enterprise.slug])
    official = client_as("official")
    response = official.post(url, {"note": "  "})
    assert response.status_code == 200 and "Det här fältet måste fyllas i." in response.content.decode()
    enterprise.refresh_from_db()
    assert enterprise.last_confirmed_on == date(2025, 1, 1)
    response = official.post(url, {"note": "bekräftat per telefon 2026-12-03", "fran": "arbetslista"})
    assert response["Location"] == reverse("enterprises:work_list")
    enterprise.refresh_from_db()
    assert enterprise.last_confirmed_by == ConfirmedBy.OFFICIAL
    assert enterprise.confirmation_note == "bekräftat per telefon 2026-12-03"
    # The public page names the role, never the person, and not the note.
    page = client_as("anonymous").get(enterprise.get_absolute_url()).content.decode()
    assert "av kommunen" in page and "per telefon" not in page and "official" not in page


def test_the_work_list_shows_unrepresented_entries_waiting_for_confirmation(client_as):
    asked = {"last_confirmed_on": date(2025, 1, 1), "confirmation_requested_on": date(2026, 3, 1)}
    nobody = EnterpriseFactory(name="Ingen företräder oss")
    represented = EnterpriseFactory(name="Vi har en företrädare")
    RepresentationFactory(enterprise=represented)
    confirmed = EnterpriseFactory(name="Redan bekräftad")
    Enterprise.objects.filter(pk__in=[nobody.pk, represented.pk]).update(**asked)
    Enterprise.objects.filter(pk=confirmed.pk).update(last_confirmed_on=date(2026, 3, 2),
                                                      confirmation_requested_on=date(2026, 3, 1))
    response = client_as("coordinator").get(reverse("enterprises:work_list"), {"visa": "confirmation"})
    assert [e.name for e in response.context["to_confirm"]] == ["Ingen företräder oss"]
    page = response.content.decode()
    assert reverse("enterprises:confirm", args=[nobody.slug]) in page
    assert reverse("enterprises:unpublish", args=[nobody.slug]) in page
    # A department official confirms too, but unpublishing is the coordinator's.
    page = client_as("official").get(reverse("enterprises:work_list")).content.decode()
    assert reverse("enterprises:confirm", args=[nobody.slug]) in page
    assert reverse("enterprises:unpublish", args=[nobody.slug]) not in page


def test_only_the_entrys_representatives_and_staff_may_confirm(client_as, representative):
    enterprise = EnterpriseFactory()
    RepresentationFactory(enterprise=enterprise)  # someone else represents it
    url = reverse("enterprises:confirm", args=[enterprise.slug])
    before = enterprise.last_confirmed_on
    assert client_as("representative").post(url).status_code == 403
    assert client_as("anonymous").post(url).status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.last_confirmed_on == before and enterprise.last_confirmed_by == ""


def test_a_manual_unpublish_is_not_undone_by_a_confirmation(client_as):
    from enterprises.services import enterprise_unpublish

    enterprise = EnterpriseFactory()
    Enterprise.objects.filter(pk=enterprise.pk).update(
        publication_status=PublicationStatus.UNPUBLISHED, unpublished_reason="inte bekräftad",
        unpublished_unconfirmed_on=date(2026, 11, 1))
    enterprise.refresh_from_db()
    enterprise_unpublish(enterprise=enterprise, reason="Verksamheten har upphört")
    response = client_as("coordinator").post(reverse("enterprises:confirm", args=[enterprise.slug]),
                                             {"note": "telefon"})
    assert response.status_code == 200 and "Endast publicerade poster bekräftas." in response.content.decode()
    enterprise.refresh_from_db()
    assert enterprise.publication_status == PublicationStatus.UNPUBLISHED


def test_the_work_lists_confirmation_section_takes_a_fixed_number_of_queries(client_as):
    from tests.harness.queries import assert_fixed_query_count

    client = client_as("coordinator")

    def add_waiting(count):
        for _ in range(count):
            enterprise = EnterpriseFactory()
            Enterprise.objects.filter(pk=enterprise.pk).update(last_confirmed_on=date(2025, 1, 1),
                                                               confirmation_requested_on=date(2026, 3, 1))

    url = reverse("enterprises:work_list") + "?visa=confirmation"
    assert_fixed_query_count(lambda: client.get(url), add_waiting, sizes=(3, 30))


def test_the_coordinators_start_page_counts_the_entries_to_confirm(client_as):
    from tests.workspace.counting import shown_count

    for name in ("Första", "Andra"):
        enterprise = EnterpriseFactory(name=name)
        Enterprise.objects.filter(pk=enterprise.pk).update(last_confirmed_on=date(2025, 1, 1),
                                                           confirmation_requested_on=date(2026, 3, 1))
    client = client_as("coordinator")
    sections = client.get(reverse("workspace:start")).context["sections"]
    (item,) = [item for section in sections for item in section.items if item.key == "confirmations"]
    assert item.count == 2 and item.needs_attention and "2 poster utan företrädare att bekräfta" in item.label
    assert shown_count(client, item.url, item.key) == 2
