"""The Celery application. Configuration comes from Django settings
(``CELERY_*``); tasks are discovered in each app's ``tasks.py`` and in the
project's cross-cutting packages."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sotenas_portal.settings.local")

app = Celery("sotenas_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["sotenas_portal.reminders"])
