from celery import shared_task
from django.core import management


@shared_task
def clear_expired_sessions() -> None:
    """Scheduled housekeeping: expired sessions hold personal data for no reason."""
    management.call_command("clearsessions")


# Failed sign-in records are disposed of by the records plan's rule for
# sign-in records (archive.disposal.housekeeping), not here.
