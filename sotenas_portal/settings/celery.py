"""Celery: the broker, task behaviour and the beat schedule.

The default broker is kombu's filesystem transport: it needs no server, so
`make run` works on a machine with only Python.
"""

from pathlib import Path

from .env import env_int, env_str
from .i18n import TIME_ZONE
from .paths import VAR_DIR

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")


def filesystem_broker_options(folder: Path) -> dict:
    """Transport options for kombu's filesystem broker in ``folder``."""
    for sub in ("queue", "processed", "control"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    return {
        # kombu's default control folder is ./control, relative to the cwd.
        "control_folder": str(folder / "control"),
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "processed_folder": str(folder / "processed"),
        "store_processed": False,
    }


USES_FILESYSTEM_BROKER = CELERY_BROKER_URL.startswith("filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    filesystem_broker_options(VAR_DIR / "celery-broker") if USES_FILESYSTEM_BROKER else {}
)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that hands a message to a dead broker gives up quickly; the
# outbox sweep sends the message later.
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Scheduled work lives in code; each later issue adds its entries here.
    "reminder-sweep": {
        "task": "sotenas_portal.tasks.reminder_sweep",
        # Hourly: the sweep is idempotent, and a missed hour costs nothing.
        "schedule": 60 * 60,
    },
    "clear-expired-sessions": {
        "task": "accounts.tasks.clear_expired_sessions",
        "schedule": 60 * 60 * 6,
    },
    "requeue-outbox": {
        "task": "sotenas_portal.tasks.requeue_outbox",
        "schedule": 60 * 5,
    },
    # Issue 16: an agreement's registered case closes when its end date has passed.
    "close-ended-agreements": {
        "task": "support.tasks.close_ended_agreements",
        "schedule": 60 * 60 * 24,
    },
    # Issue 16: disposal (gallring) by the records plan: closed cases' content,
    # old e-mails and sign-in records (what the retention tasks of issue 8 did).
    "apply-records-plan": {
        "task": "archive.tasks.apply_records_plan",
        "schedule": 60 * 60 * 24,
    },
    # Issue 14: the administrator's start page shows when beat last ran. A
    # heartbeat that waited in the broker for a dead worker is dropped.
    "beat-heartbeat": {
        "task": "core.tasks.record_beat_heartbeat",
        "schedule": env_int("CELERY_BEAT_HEARTBEAT_SECONDS", 60),
        "options": {"expires": env_int("CELERY_BEAT_HEARTBEAT_SECONDS", 60)},
    },
}
