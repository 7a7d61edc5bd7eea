from datetime import timedelta

from axes.models import AccessAttempt
from celery import shared_task
from django.conf import settings
from django.core import management
from django.utils import timezone


@shared_task
def clear_expired_sessions() -> None:
    """Scheduled housekeeping: expired sessions hold personal data for no reason."""
    management.call_command("clearsessions")


@shared_task
def delete_old_login_attempts() -> int:
    """Failed sign-in records (username, IP address) are kept only as long as
    the privacy page promises."""
    cutoff = timezone.now() - timedelta(days=settings.LOGIN_ATTEMPT_RETENTION_DAYS)
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    return deleted
