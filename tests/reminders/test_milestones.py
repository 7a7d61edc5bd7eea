"""Due-date logic of every reminder: milestones before, on and after the
due date, month ends, leap days, and Stockholm time around DST changes."""

from datetime import date, datetime, timedelta, timezone as dt_timezone

import pytest

from sotenas_portal.reminders.milestones import latest_milestone, local_today

REVIEW = {"days_before": [180, 90, 30, 7], "repeat_after_days": 30}
REPORT = {"days_before": [30, 7], "repeat_after_days": 7}
AGREEMENT = {"days_before": [90, 30], "on_the_day": False}
ASF_CHECK = {"days_before": [90, 30]}  # and on the day; the day after is the expiry notice


def at(due: date, days: int, rule: dict):
    return latest_milestone(due, due + timedelta(days=days), **rule)


@pytest.mark.parametrize(
    "days,expected",
    [(-181, None), (-180, -180), (-91, -180), (-90, -90), (-30, -30), (-8, -30), (-7, -7), (-1, -7), (0, 0),
     (29, 0), (30, 30), (59, 30), (60, 60), (365, 360)],
)
def test_review_milestones(days, expected):
    assert at(date(2028, 6, 18), days, REVIEW) == expected


@pytest.mark.parametrize(
    "days,expected",
    [(-31, None), (-30, -30), (-7, -7), (0, 0), (6, 0), (7, 7), (13, 7), (14, 14), (30, 28)],
)
def test_report_milestones_weekly_while_late(days, expected):
    assert at(date(2027, 2, 28), days, REPORT) == expected


@pytest.mark.parametrize("days,expected", [(-91, None), (-90, -90), (-31, -90), (-30, -30), (0, -30), (1, None)])
def test_agreement_milestones_stop_after_the_end(days, expected):
    assert at(date(2027, 1, 31), days, AGREEMENT) == expected


@pytest.mark.parametrize("days,expected", [(-91, None), (-90, -90), (-31, -90), (-30, -30), (-1, -30), (0, 0),
                                           (1, None)])
def test_asf_check_milestone(days, expected):
    assert at(date(2027, 3, 1), days, ASF_CHECK) == expected


def test_month_end_and_leap_day():
    due = date(2028, 2, 29)  # a leap day
    assert latest_milestone(due, date(2028, 1, 30), **REPORT) == -30
    assert latest_milestone(due, date(2028, 2, 22), **REPORT) == -7
    assert latest_milestone(due, date(2028, 3, 7), **REPORT) == 7
    # 180 days before 31 August 2027 is 4 March.
    assert latest_milestone(date(2027, 8, 31), date(2027, 3, 4), **REVIEW) == -180
    assert latest_milestone(date(2027, 8, 31), date(2027, 3, 3), **REVIEW) is None


@pytest.mark.parametrize(
    "utc,expected",
    [
        # Summer time starts 29 March 2026 at 02:00 local (01:00 UTC).
        (datetime(2026, 3, 28, 22, 59, tzinfo=dt_timezone.utc), date(2026, 3, 28)),  # 23:59 CET
        (datetime(2026, 3, 28, 23, 0, tzinfo=dt_timezone.utc), date(2026, 3, 29)),   # 00:00 CET
        (datetime(2026, 3, 29, 22, 0, tzinfo=dt_timezone.utc), date(2026, 3, 30)),   # 00:00 CEST
        # Winter time starts 25 October 2026 at 03:00 local (01:00 UTC).
        (datetime(2026, 10, 24, 21, 59, tzinfo=dt_timezone.utc), date(2026, 10, 24)),  # 23:59 CEST
        (datetime(2026, 10, 24, 22, 0, tzinfo=dt_timezone.utc), date(2026, 10, 25)),   # 00:00 CEST
        (datetime(2026, 10, 25, 22, 59, tzinfo=dt_timezone.utc), date(2026, 10, 25)),  # 23:59 CET
        (datetime(2026, 10, 25, 23, 0, tzinfo=dt_timezone.utc), date(2026, 10, 26)),   # 00:00 CET
    ],
)
def test_the_day_is_the_day_in_stockholm(utc, expected):
    assert local_today(utc) == expected
