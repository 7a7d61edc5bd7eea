"""The outbox moves from ``sotenas_portal`` to ``core`` without touching the
database: the table keeps its name (``Meta.db_table``), so this migration only
adds the model to core's state; ``sotenas_portal`` 0004 removes it from its own.
On a fresh database sotenas_portal 0001-0003 create the table first."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Admin log entries and permissions follow the model to its new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="core", model="outboundemail").exists():
        ContentType.objects.using(db).filter(app_label="sotenas_portal", model="outboundemail").update(
            app_label="core"
        )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="sotenas_portal", model="outboundemail").exists():
        ContentType.objects.using(db).filter(app_label="core", model="outboundemail").update(
            app_label="sotenas_portal"
        )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sotenas_portal", "0003_outbox_dedup_key_prefix_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutboundEmail",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("recipient", models.EmailField(max_length=254, verbose_name="recipient")),
                        ("kind", models.CharField(max_length=60, verbose_name="kind")),
                        ("subject", models.CharField(max_length=250, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="text")),
                        ("link", models.CharField(blank=True, max_length=500, verbose_name="link")),
                        ("dedup_key", models.CharField(blank=True, max_length=200, null=True, verbose_name="reminder key")),
                        ("status", models.CharField(choices=[("pending", "Waiting to be sent"), ("held", "Waiting for the daily summary"), ("bundled", "Sent in a daily summary"), ("sent", "Sent"), ("failed", "Failed")], default="pending", max_length=10, verbose_name="status")),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("next_attempt_at", models.DateTimeField(blank=True, null=True, verbose_name="next attempt")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="notifications", to=settings.AUTH_USER_MODEL, verbose_name="user")),
                    ],
                    options={
                        "verbose_name": "outgoing email",
                        "verbose_name_plural": "outbox",
                        "db_table": "sotenas_portal_outboundemail",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [
                            models.Index(fields=["status", "next_attempt_at"], name="sotenas_por_status_f0d61f_idx"),
                            models.Index(fields=["user", "-created_at"], name="sotenas_por_user_id_92d978_idx"),
                            models.Index(condition=models.Q(("dedup_key__isnull", False)), fields=["dedup_key"], name="outbox_dedup_key_prefix", opclasses=["varchar_pattern_ops"]),
                        ],
                        "constraints": [
                            models.UniqueConstraint(condition=models.Q(("dedup_key__isnull", False)), fields=("dedup_key", "recipient"), name="outbox_send_once"),
                            models.CheckConstraint(condition=models.Q(models.Q(("status", "sent"), _negated=True), ("sent_at__isnull", False), _connector="OR"), name="outbox_sent_has_time"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back, elidable=True),
    ]
