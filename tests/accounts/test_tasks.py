from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from accounts.tasks import delete_old_login_attempts

pytestmark = pytest.mark.django_db


def attempt(username: str, days_ago: int) -> AccessAttempt:
    row = AccessAttempt.objects.create(
        username=username, ip_address="127.0.0.1", user_agent="test", failures_since_start=1,
        get_data="", post_data="", http_accept="", path_info="/konto/logga-in/",
    )
    AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))
    return row


def test_old_failed_logins_are_deleted_after_the_retention_period(settings):
    settings.LOGIN_ATTEMPT_RETENTION_DAYS = 30
    attempt("old", 31)
    attempt("recent", 29)
    assert delete_old_login_attempts() == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["recent"]
