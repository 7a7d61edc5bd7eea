"""Reminders: what is due on a given day, sent exactly once through the
outbox. ``sweep.run_sweep`` is the one entry point (Celery beat and the
``send_reminders`` command both call it)."""
