"""ASF reminders: 90 and 30 days before the verification expires and on the
day, to the representatives and the coordinator (the coordinator alone
without representatives); the day after, without a renewal, the
coordinator is told the badge went. Each exactly once, late after
downtime, never a stale one, and safe with two sweeps at once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.models import OutboundEmail
from enterprises import workflow
from sotenas_portal.reminders.sweep import run_sweep
from tests.enterprises.factories import EnterpriseFactory, RepresentationFactory, make_check
from tests.factories import UserFactory
from tests.reminders.concurrent import sweeps_at_once
from tests.services import need_postgres

pytestmark = pytest.mark.django_db


def verified_until(valid_until, **kwargs):
    """A published enterprise whose positive check is valid until ``valid_until``."""
    enterprise = EnterpriseFactory(**kwargs)
    enterprise.asf_verified_on = valid_until - timedelta(days=730)
    enterprise.asf_valid_until = valid_until
    enterprise.save()
    return enterprise


def keys(enterprise):
    prefix = f"asf-check:{enterprise.pk}:{enterprise.asf_valid_until.isoformat()}:"
    return sorted((key.removeprefix(prefix), recipient) for key, recipient in
                  OutboundEmail.objects.filter(dedup_key__startswith=prefix).values_list("dedup_key", "recipient"))


@override_settings(REMINDER_ASF_CHECK_DAYS_BEFORE=[90, 30])
def test_each_milestone_goes_once_to_representatives_and_the_coordinator(coordinator,
                                                                         django_capture_on_commit_callbacks):
    due = timezone.localdate() + timedelta(days=200)
    enterprise = verified_until(due)
    representative = RepresentationFactory(enterprise=enterprise).user
    with django_capture_on_commit_callbacks(execute=True):
        for days in (91, 90, 90, 60, 30, 30, 1, 0, 0):  # the same day twice: nothing more
            run_sweep(today=due - timedelta(days=days))
    both = {representative.email, coordinator.email}
    assert keys(enterprise) == sorted((m, r) for m in ("-90", "-30", "0") for r in both)
    about = [m for m in mail.outbox if enterprise.name in m.subject and "ASF" in m.subject]
    assert len(about) == 6, [(m.to, m.subject) for m in about]
    to_representative = [m for m in about if m.to == [representative.email]]
    assert "start a new check" in to_representative[0].body or "starta en ny kontroll" in to_representative[0].body
    to_coordinator = [m for m in about if m.to == [coordinator.email]]
    assert all("företrädare har också" in m.body or "representatives have been reminded" in m.body
               for m in to_coordinator)


@override_settings(REMINDER_ASF_CHECK_DAYS_BEFORE=[90, 30])
def test_without_a_representative_only_the_coordinator_is_reminded(coordinator, django_capture_on_commit_callbacks):
    due = timezone.localdate() + timedelta(days=100)
    enterprise = verified_until(due)
    RepresentationFactory(enterprise=enterprise, status="pending")  # not confirmed: not a representative
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(today=due - timedelta(days=30))
    assert keys(enterprise) == [("-30", coordinator.email)]
    assert "Ingen företräder företaget" in mail.outbox[0].body or "Nobody represents" in mail.outbox[0].body


def test_on_expiry_without_renewal_the_coordinator_is_told_once(coordinator, django_capture_on_commit_callbacks):
    due = timezone.localdate() - timedelta(days=1)
    enterprise = verified_until(due)
    representative = RepresentationFactory(enterprise=enterprise).user
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(today=due)
        run_sweep(today=due + timedelta(days=1))
        run_sweep(today=due + timedelta(days=1))
        run_sweep(today=due + timedelta(days=2))
    assert keys(enterprise) == sorted([("0", coordinator.email), ("0", representative.email),
                                       ("1", coordinator.email)])
    notice = mail.outbox[-1]
    assert notice.to == [coordinator.email]
    assert "har gått ut" in notice.subject or "has expired" in notice.subject


def test_a_missed_milestone_is_caught_up_once_late_and_stale_ones_never(coordinator,
                                                                        django_capture_on_commit_callbacks):
    due = timezone.localdate() + timedelta(days=120)
    enterprise = verified_until(due)
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(today=due - timedelta(days=85))  # -90 (late by five days)
        # Down from -80 to -10: -30 was missed; it goes out once, late.
        planned = run_sweep(today=due - timedelta(days=10))
        run_sweep(today=due - timedelta(days=9))
    assert keys(enterprise) == [("-30", coordinator.email), ("-90", coordinator.email)]
    assert [p.late for p in planned if p.sent and p.kind == "asf_check"] == [True]
    assert "skulle ha skickats" in mail.outbox[-1].body or "should have been sent" in mail.outbox[-1].body

    # Down over the expiry day too: only the expiry notice, not the stale day-0 reminder.
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(today=due + timedelta(days=3))
    assert keys(enterprise)[-1] == ("1", coordinator.email)
    assert ("0", coordinator.email) not in keys(enterprise)


def test_a_renewal_sent_in_on_time_stops_the_reminders(coordinator, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    enterprise = EnterpriseFactory()
    representative = RepresentationFactory(enterprise=enterprise).user
    make_check(enterprise, "decided", is_asf=True, decided_on=today.replace(year=today.year - 2) + timedelta(days=30))
    workflow.enterprise_refresh_asf_status(enterprise=enterprise)
    enterprise.refresh_from_db()
    renewal = workflow.check_start(enterprise=enterprise, user=representative)
    workflow.check_save_statements(check=renewal, statements={n: "Som förut" for n in range(1, 5)})
    workflow.check_move(check=renewal, action="submit", user=representative)
    with django_capture_on_commit_callbacks(execute=True):
        for days in (30, 0, -1, -5):
            run_sweep(today=enterprise.asf_valid_until - timedelta(days=days))
    assert OutboundEmail.objects.filter(dedup_key__startswith=f"asf-check:{enterprise.pk}:").count() == 0


def test_the_history_page_lists_the_reminders_sent(client_as, coordinator, django_capture_on_commit_callbacks):
    due = timezone.localdate() + timedelta(days=30)
    enterprise = verified_until(due)
    with django_capture_on_commit_callbacks(execute=True):
        run_sweep(today=due - timedelta(days=30))
    page = client_as("coordinator").get(reverse("enterprises:history", kwargs={"slug": enterprise.slug}))
    text = page.content.decode()
    assert "30 dagar innan" in text or "30 days before" in text
    assert due.isoformat() in text
    assert coordinator.email not in text  # how many, never who


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_two_sweeps_at_once_send_each_reminder_once():
    need_postgres()
    coordinators = [UserFactory(username=f"samordnare{n}", coordinator=True) for n in range(3)]
    due = timezone.localdate() + timedelta(days=30)
    enterprises = [verified_until(due) for _ in range(3)]
    for enterprise in enterprises:
        RepresentationFactory(enterprise=enterprise)
    assert sweeps_at_once(due - timedelta(days=30), count=2) == []
    sent = list(OutboundEmail.objects.filter(dedup_key__startswith="asf-check:").values_list("dedup_key", "recipient"))
    assert len(sent) == len(enterprises) * (len(coordinators) + 1)
    assert len(set(sent)) == len(sent)
