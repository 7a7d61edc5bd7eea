from celery import shared_task
from django.core import management


@shared_task
def clear_expired_sessions() -> None:
    """Scheduled housekeeping: expired sessions hold personal data for no reason."""
    management.call_command("clearsessions")
