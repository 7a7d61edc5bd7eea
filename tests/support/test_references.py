"""Reference numbers: STOD-<year>-<number>, sequential per year with no gaps,
also when many applicants submit at the same moment."""

import threading
from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from support.constants import RequestState
from support.models import ReferenceCounter, SupportRequest
from support.references import format_reference, next_reference_number
from support.services import support_request_apply
from support.workflow import support_request_transition
from tests.factories import UserFactory
from tests.services import need_postgres
from tests.support.factories import SupportRequestFactory, support_kind


def test_format():
    assert format_reference(2026, 42) == "STOD-2026-0042"
    assert format_reference(2026, 12345) == "STOD-2026-12345"


@pytest.mark.django_db
def test_numbers_are_sequential_and_restart_each_year():
    with transaction.atomic():
        assert [next_reference_number(year=2026) for _ in range(3)] == [1, 2, 3]
        assert next_reference_number(year=2027) == 1
    assert ReferenceCounter.objects.get(year=2026).last_number == 3


@pytest.mark.django_db(transaction=True)
def test_numbers_need_the_submitting_transaction():
    with pytest.raises(RuntimeError):
        next_reference_number(year=2026)


@pytest.mark.django_db
def test_a_refused_submission_gives_its_number_back(applicant):
    first = support_request_apply(applicant=applicant, submit=True, kind=support_kind(), enterprise=None,
                                  subject="Första", description="a", hoped_outcome="b")
    kind = support_kind("lokaler")
    kind.is_active = False
    kind.save()
    draft = SupportRequestFactory(applicant=applicant, kind=kind)
    with pytest.raises(ValidationError):
        support_request_transition(request_id=draft.pk, move="submit", actor=applicant)
    second = support_request_apply(applicant=applicant, submit=True, kind=support_kind(), enterprise=None,
                                   subject="Andra", description="a", hoped_outcome="b")
    year = timezone.localdate().year
    assert (first.reference, second.reference) == (format_reference(year, 1), format_reference(year, 2))


@pytest.mark.django_db
def test_the_year_is_the_swedish_year_of_submission(applicant, monkeypatch):
    # 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm.
    from datetime import timezone as dt_timezone

    moment = datetime(2026, 12, 31, 23, 30, tzinfo=dt_timezone.utc)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    support_request = support_request_apply(applicant=applicant, submit=True, kind=support_kind(), enterprise=None,
                                            subject="Nyår", description="a", hoped_outcome="b")
    assert support_request.reference == "STOD-2027-0001"


SUBMITTERS = 12


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_unique_numbers_without_gaps():
    need_postgres()
    drafts = [SupportRequestFactory(applicant=UserFactory(), kind=support_kind()) for _ in range(SUBMITTERS)]
    barrier = threading.Barrier(SUBMITTERS)
    errors = []

    def submit(draft):
        try:
            barrier.wait(timeout=30)
            support_request_transition(request_id=draft.pk, move="submit", actor=draft.applicant)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    submitted = SupportRequest.objects.filter(state=RequestState.SUBMITTED)
    year = timezone.localdate().year
    numbers = sorted(submitted.values_list("reference_number", flat=True))
    assert numbers == list(range(1, SUBMITTERS + 1)), "no duplicates, no gaps"
    assert sorted(submitted.values_list("reference", flat=True)) == [
        format_reference(year, n) for n in range(1, SUBMITTERS + 1)
    ]
    assert ReferenceCounter.objects.get(year=year).last_number == SUBMITTERS


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_first_submissions_of_a_year_create_one_counter():
    """The year's counter row does not exist yet when everyone submits."""
    need_postgres()
    assert not ReferenceCounter.objects.exists()
    results, errors = [], []
    barrier = threading.Barrier(8)

    def take():
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                results.append(next_reference_number(year=2031))
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(results) == list(range(1, 9))
