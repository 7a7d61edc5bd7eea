from celery import shared_task

from . import retention


@shared_task
def anonymise_closed_requests() -> int:
    """Daily: the retention of closed and withdrawn support requests."""
    return retention.anonymise_closed_requests().requests
