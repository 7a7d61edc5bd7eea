"""The outbox model now belongs to ``core`` (see core 0001); its table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("sotenas_portal", "0003_outbox_dedup_key_prefix_index"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutboundEmail")],
            database_operations=[],
        ),
    ]
