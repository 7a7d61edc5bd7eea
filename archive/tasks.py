from celery import shared_task

from records.constants import RecordType

from .disposal.runner import apply_plan


@shared_task
def apply_records_plan() -> int:
    """Daily: dispose of what the records plan says is due (the disposal log
    records what went)."""
    return apply_plan().total


@shared_task(name="sotenas_portal.tasks.delete_old_outbox_emails")
def delete_old_outbox_emails() -> int:
    """The outbox cleanup's old name, kept because a broker may still hold
    it: now the records plan's rule for sent e-mails alone. Not scheduled
    (``apply_records_plan`` covers it)."""
    return apply_plan(record_types=[RecordType.OUTBOX_EMAIL]).total
