"""Working days skip weekends, Swedish public holidays and the eves that
working life treats as holidays."""

from datetime import date

import pytest
from django.utils import timezone

from support.deadlines import add_working_days, first_response_due, is_working_day
from support.models import SupportRequest
from support.services import support_request_apply
from tests.support.factories import support_kind


@pytest.mark.parametrize(
    "start,days,expected",
    [
        (date(2026, 6, 15), 3, date(2026, 6, 18)),  # an ordinary week
        (date(2026, 6, 18), 1, date(2026, 6, 22)),  # midsummer eve (Fri) and the weekend with midsummer day
        (date(2026, 6, 17), 10, date(2026, 7, 2)),  # ten working days across midsummer
        (date(2026, 12, 23), 1, date(2026, 12, 28)),  # Christmas Eve and Day, then the weekend
        (date(2026, 12, 18), 10, date(2027, 1, 8)),  # Christmas, New Year and Epiphany, into the next year
        (date(2026, 6, 20), 1, date(2026, 6, 22)),  # submitted on midsummer day itself
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Good Friday and Easter Monday
        (date(2026, 5, 13), 1, date(2026, 5, 15)),  # Ascension Day
        (date(2027, 6, 24), 1, date(2027, 6, 28)),  # midsummer moves: 2027's eve is on 25 June
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize("day", [date(2026, 6, 19), date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 31),
                                 date(2027, 1, 1), date(2026, 6, 6), date(2026, 6, 20), date(2026, 6, 21)])
def test_holidays_and_weekends_are_not_working_days(day):
    assert not is_working_day(day)


def test_an_ordinary_monday_is_a_working_day():
    assert is_working_day(date(2026, 6, 22))


def test_the_number_of_days_is_a_setting(settings):
    settings.SUPPORT_FIRST_RESPONSE_WORKING_DAYS = 3
    assert first_response_due(date(2026, 12, 22)) == date(2026, 12, 29)
    settings.SUPPORT_FIRST_RESPONSE_WORKING_DAYS = 10
    assert first_response_due(date(2026, 12, 22)) == date(2027, 1, 12)


@pytest.mark.django_db
def test_submitting_sets_the_first_response_date_in_working_days(applicant, monkeypatch):
    # Submitted the day before midsummer eve, at noon in Stockholm.
    noon = timezone.make_aware(timezone.datetime(2026, 6, 18, 12, 0))
    monkeypatch.setattr("django.utils.timezone.now", lambda: noon)
    support_request = support_request_apply(
        applicant=applicant, submit=True, kind=support_kind(), enterprise=None, subject="Råd",
        description="Beskrivning", hoped_outcome="Ett möte",
    )
    support_request = SupportRequest.objects.get(pk=support_request.pk)
    assert support_request.first_response_due == date(2026, 7, 3)
    assert support_request.reference == "STOD-2026-0001"
