"""Issue 16: give the submitted ASF checks that already exist their
registration numbers and document lists, oldest first (see
records/migrations/_backfill.py)."""

from django.db import migrations


def backfill(apps, schema_editor):
    from records.migrations._backfill import register_checks

    register_checks(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("enterprises", "0010_imports"),
        ("records", "0002_default_series"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
