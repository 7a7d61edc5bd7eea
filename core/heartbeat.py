"""Heartbeats: a scheduled job records when it last ran, and the
administrator's start page shows it. Celery beat's own heartbeat is a task
on the beat schedule (``CELERY_BEAT_SCHEDULE["beat-heartbeat"]``), run by a
worker: a fresh heartbeat means both beat and a worker are alive."""

from datetime import datetime, timedelta

from django.utils import timezone

from .models import Heartbeat

CELERY_BEAT = "celery-beat"
# Beat sends the heartbeat every minute; older than this means it stopped.
STALE_AFTER = timedelta(minutes=10)


def record(name: str = CELERY_BEAT, *, now: datetime | None = None) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"beat_at": now or timezone.now()})


def last_run(name: str = CELERY_BEAT) -> datetime | None:
    return Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()


def is_stale(moment: datetime | None, *, now: datetime | None = None) -> bool:
    return moment is None or (now or timezone.now()) - moment > STALE_AFTER
