from celery import shared_task

from . import outbox


@shared_task(acks_late=True)
def send_outbound_email(message_id: int) -> str:
    return outbox.send_now(message_id)


@shared_task
def requeue_outbox() -> int:
    return outbox.requeue_pending()


@shared_task
def reminder_sweep() -> int:
    from .reminders.sweep import iter_sweep

    return sum(planned.sent for planned in iter_sweep())


@shared_task
def delete_old_outbox_emails() -> int:
    return outbox.delete_old_messages()
