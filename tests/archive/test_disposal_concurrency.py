"""Two disposal runs at once (PostgreSQL's row locks): every record is
disposed of once and logged once."""

import importlib
import threading
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection, connections
from django.utils import timezone

from archive.disposal.base import REMOVED
from archive.disposal.runner import apply_plan
from records.constants import CaseKind
from records.models import DisposalLogEntry, Registration, RetentionRule
from records.services import register
from support.models import Message
from tests.support.factories import MessageFactory, SupportRequestFactory

CASES = 20


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_dispose_of_each_record_once(seeded_vocabularies):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    # A transactional test's tables start empty: seed the default series again.
    importlib.import_module("records.migrations.0002_default_series").seed(apps, None)
    RetentionRule.objects.create(record_type="message", action="dispose", period_months=0, trigger="case_closed",
                                 decision="KS 2025/117 § 4")
    now = timezone.now()
    for _ in range(CASES):
        support_request = SupportRequestFactory(closed=True)
        MessageFactory(request=support_request, body="Hemligt")
        registration = register(support_request, case_kind=CaseKind.SUPPORT_REQUEST, title="Stöd")
        Registration.objects.filter(pk=registration.pk).update(closed_at=now)

    barrier = threading.Barrier(2)
    totals, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            totals.append(apply_plan(today=timezone.localdate() + timedelta(days=1), batch_size=3).total)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sum(totals) == CASES
    assert sum(DisposalLogEntry.objects.values_list("count", flat=True)) == CASES
    numbers = [n for entry in DisposalLogEntry.objects.all() for n in entry.registration_numbers]
    assert len(numbers) == len(set(numbers)) == CASES
    assert set(Message.objects.values_list("body", flat=True)) == {REMOVED}
