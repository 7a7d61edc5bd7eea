"""Issue 16: give the support requests and agreements that already exist
their registration numbers and document lists, oldest first (see
records/migrations/_backfill.py)."""

from django.db import migrations


def backfill(apps, schema_editor):
    from records.migrations._backfill import register_support

    register_support(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0005_supportkind_name_en"),
        ("records", "0002_default_series"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
