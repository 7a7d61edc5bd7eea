"""The outbox moved from ``sotenas_portal`` to ``core`` (core 0001,
sotenas_portal 0004). A database that holds outbox rows in the old state
keeps every one of them, unchanged, after migrating to the new state."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from core.models import OutboundEmail

OLD_STATE = [("sotenas_portal", "0003_outbox_dedup_key_prefix_index"), ("core", None)]
FIELDS = ("recipient", "kind", "subject", "body", "link", "dedup_key", "status", "attempts", "last_error")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.mark.django_db(transaction=True)
def test_outbox_rows_survive_the_move_to_core():
    executor = _migrate(OLD_STATE)
    old_apps = executor._create_project_state(with_applied_migrations=True).apps
    OldEmail = old_apps.get_model("sotenas_portal", "OutboundEmail")
    OldContentType = old_apps.get_model("contenttypes", "ContentType")
    OldContentType.objects.filter(app_label="core", model="outboundemail").delete()
    OldContentType.objects.get_or_create(app_label="sotenas_portal", model="outboundemail")
    written = [
        OldEmail.objects.create(recipient="eva@example.org", kind="receipt", subject="Kvitto", body="Hej Eva"),
        OldEmail.objects.create(recipient="per@example.org", kind="reminder", subject="Påminnelse", body="Hej Per",
                                dedup_key="review:2026", status="sent", sent_at=timezone.now(), attempts=1),
        OldEmail.objects.create(recipient="kim@example.org", kind="digest", subject="Sammanfattning", body="",
                                status="failed", attempts=5, last_error="SMTPServerDisconnected"),
    ]
    before = {row.pk: tuple(getattr(row, f) for f in FIELDS) for row in written}

    _migrate(executor.loader.graph.leaf_nodes())

    after = {row.pk: tuple(getattr(row, f) for f in FIELDS) for row in OutboundEmail.objects.all()}
    assert after == before
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(OutboundEmail).app_label == "core"
    assert not ContentType.objects.filter(app_label="sotenas_portal", model="outboundemail").exists()
    # The dedup guard still holds on the moved table.
    from core.outbox import enqueue

    assert enqueue(recipient="per@example.org", subject="x", body="y", kind="reminder", dedup_key="review:2026") is None
