from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from archive.disposal.runner import apply_plan
from records.models import RetentionRule

pytestmark = pytest.mark.django_db


def attempt(username: str, days_ago: int) -> AccessAttempt:
    row = AccessAttempt.objects.create(
        username=username, ip_address="127.0.0.1", user_agent="test", failures_since_start=1,
        get_data="", post_data="", http_accept="", path_info="/konto/logga-in/",
    )
    AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))
    return row


def test_old_failed_logins_are_deleted_after_the_records_plans_period():
    RetentionRule.objects.create(record_type="sign_in_record", action="dispose", period_months=1,
                                 trigger="created", decision="KS 2025/117 § 4")
    attempt("old", 32)
    attempt("recent", 20)
    assert apply_plan().total == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent"]


def test_failed_logins_stay_without_a_rule():
    attempt("old", 400)
    assert apply_plan().total == 0
    assert AccessAttempt.objects.count() == 1
