"""The yearly confirmation in the reminder sweep: each milestone once (the
sweep run twice, and two sweeps at once), catch-up after downtime, and a
dry run that changes nothing."""

from datetime import date

import pytest
from django.core import mail

from core.models import OutboundEmail
from enterprises.constants import PublicationStatus
from enterprises.models import Enterprise
from sotenas_portal.reminders.sweep import run_sweep
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory
from tests.factories import UserFactory
from tests.reminders.concurrent import sweeps_at_once
from tests.services import need_postgres


def sent(day, **kwargs) -> list:
    return [p for p in run_sweep(today=day, **kwargs) if p.sent]


def asked_long_ago(enterprise, **fields):
    Enterprise.objects.filter(pk=enterprise.pk).update(
        last_confirmed_on=date(2028, 3, 10), confirmation_requested_on=date(2030, 3, 1), **fields)


@pytest.mark.django_db
def test_requests_go_once_and_a_missed_month_is_caught_up_late(django_capture_on_commit_callbacks):
    UserFactory(username="samordnare", coordinator=True)
    represented = EnterpriseFactory(name="Med företrädare")
    rep = RepresentationFactory(enterprise=represented).user
    alone = EnterpriseFactory(name="Utan företrädare")
    Enterprise.objects.update(last_confirmed_on=date(2026, 5, 1))
    with django_capture_on_commit_callbacks(execute=True):
        # The portal was down all of March: the requests go out late, once.
        first = sent(date(2027, 4, 12))
        again = sent(date(2027, 4, 12)) + sent(date(2027, 4, 13))
    assert sorted(p.kind for p in first) == ["confirmation", "confirmation_work_list"]
    assert again == []
    to_rep = next(m for m in mail.outbox if m.to == [rep.email])
    assert "1 mars 2027" in to_rep.body and "kommer sent" in to_rep.body
    to_coordinator = next(m for m in mail.outbox if m.to != [rep.email])
    assert "1 publicerad post saknar företrädare" in to_coordinator.body
    assert set(Enterprise.objects.values_list("confirmation_requested_on", flat=True)) == {date(2027, 4, 12)}
    # After the next month no request of that cycle goes out any more.
    new = EnterpriseFactory(name="Sent tillagd")
    Enterprise.objects.filter(pk=new.pk).update(last_confirmed_on=date(2026, 5, 1))
    assert sent(date(2027, 5, 1)) == []
    assert alone.pk  # listed on the work list instead (tests/enterprises/test_confirmation.py)


@pytest.mark.django_db
def test_a_dry_run_asks_nobody_and_unpublishes_nothing():
    enterprise = EnterpriseFactory()
    RepresentationFactory(enterprise=enterprise)
    asked_long_ago(enterprise)
    planned = run_sweep(today=date(2030, 3, 31), dry_run=True)
    assert sorted(p.kind for p in planned) == ["confirmation", "confirmation_unpublished"]
    enterprise.refresh_from_db()
    assert enterprise.is_published and enterprise.confirmation_requested_on == date(2030, 3, 1)
    assert not OutboundEmail.objects.exists()


@pytest.mark.django_db
def test_unpublishing_waits_for_the_last_call_and_happens_once(django_capture_on_commit_callbacks):
    coordinator = UserFactory(username="samordnare", coordinator=True)
    enterprise = EnterpriseFactory()
    rep = RepresentationFactory(enterprise=enterprise).user
    asked_long_ago(enterprise)
    with django_capture_on_commit_callbacks(execute=True):
        assert [p for p in sent(date(2030, 3, 30)) if p.kind == "confirmation_unpublished"] == []
        first = [p.recipient for p in sent(date(2030, 3, 31)) if p.kind == "confirmation_unpublished"]
        later = sent(date(2030, 3, 31)) + sent(date(2030, 4, 2))
    assert sorted(first) == sorted([rep.email, coordinator.email])
    assert [p for p in later if p.kind == "confirmation_unpublished"] == []
    history = [h.history_change_reason for h in enterprise.history.all()]
    assert history.count("Avpublicerad: inte bekräftad") == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_unpublish_once_and_tell_each_person_once():
    need_postgres()
    coordinator = UserFactory(username="samordnare", coordinator=True)
    enterprises = [EnterpriseFactory() for _ in range(5)]
    reps = [RepresentationFactory(enterprise=e).user for e in enterprises]
    for enterprise in enterprises:
        asked_long_ago(enterprise)
    assert sweeps_at_once(date(2030, 3, 31), count=4) == []
    assert not Enterprise.objects.filter(publication_status=PublicationStatus.PUBLISHED).exists()
    for enterprise in enterprises:
        reasons = [h.history_change_reason for h in enterprise.history.all()]
        assert reasons.count("Avpublicerad: inte bekräftad") == 1
    keys = list(OutboundEmail.objects.filter(kind="reminder.confirmation_unpublished")
                .values_list("dedup_key", "recipient"))
    assert len(keys) == len(set(keys)) == 10
    assert {recipient for _, recipient in keys} == {coordinator.email, *(r.email for r in reps)}
