"""Celery beat's last run on the administrator's start page: a heartbeat
task on the beat schedule records it, and a real worker started with
``--beat`` (as `make run` starts it) really does."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core import heartbeat
from core.models import Heartbeat
from core.tasks import record_beat_heartbeat
from tests.harness.worker import celery_worker, real_broker, wait_until


def beat_item(client):
    sections = client.get(reverse("workspace:start")).context["sections"]
    (item,) = [item for section in sections for item in section.items if item.key == "beat"]
    return item


def test_the_heartbeat_is_on_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["beat-heartbeat"]
    assert entry["task"] == record_beat_heartbeat.name
    assert entry["schedule"] <= 60


@pytest.mark.django_db
def test_the_task_records_the_time_it_ran():
    before = timezone.now()
    record_beat_heartbeat.delay()
    assert heartbeat.last_run() >= before
    record_beat_heartbeat.delay()
    assert Heartbeat.objects.count() == 1


@pytest.mark.django_db
def test_the_administrator_sees_whether_beat_runs(client_as):
    client = client_as("administrator")
    item = beat_item(client)
    assert item.label == "Celery beat har inte körts ännu" and item.needs_attention

    heartbeat.record(now=timezone.now() - timedelta(minutes=2))
    item = beat_item(client)
    assert item.label.startswith("Celery beat kördes senast ") and not item.needs_attention
    assert item.detail == "För 2\xa0minuter sedan."

    heartbeat.record(now=timezone.now() - timedelta(minutes=11))
    item = beat_item(client)
    assert item.needs_attention
    assert "har stannat" in item.next_step


@pytest.mark.django_db(transaction=True)
def test_a_worker_with_beat_records_the_heartbeat(tmp_path):
    with real_broker(), celery_worker("--beat", "--schedule", str(tmp_path / "beat-schedule"),
                                      env={"CELERY_BEAT_HEARTBEAT_SECONDS": "1"}) as worker:
        done = wait_until(lambda: heartbeat.last_run() is not None, 60)
        if not done:
            worker.terminate()
            output = worker.communicate(timeout=20)[0]
            pytest.fail(f"Beat's heartbeat did not arrive. Worker output:\n{output}")
        first = heartbeat.last_run()
        assert wait_until(lambda: heartbeat.last_run() > first, 30), "beat sent the heartbeat only once"
