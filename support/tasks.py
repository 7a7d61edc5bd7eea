from celery import shared_task


@shared_task
def close_ended_agreements() -> int:
    """Daily: the registered case of an agreement closes once its end date has passed."""
    from . import registration

    return registration.close_ended_agreements()
