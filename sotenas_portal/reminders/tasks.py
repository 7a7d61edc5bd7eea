from celery import shared_task

from .sweep import iter_sweep


# The name predates this package; beat schedules already in a broker use it.
@shared_task(name="sotenas_portal.tasks.reminder_sweep")
def reminder_sweep() -> int:
    return sum(planned.sent for planned in iter_sweep())
