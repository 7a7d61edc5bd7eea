# Issue 15 §1: yearly confirmation. Every entry gets the date its details were
# last confirmed; existing entries start from their last update (or
# publication), so the first yearly cycle unpublishes nothing.
import django.utils.timezone
from django.db import migrations, models

BATCH = 1000
CONFIRMED_BY = [("representative", "a representative of the enterprise"), ("official", "the municipality")]


def start_from_last_update(apps, schema_editor):
    Enterprise = apps.get_model("enterprises", "Enterprise")
    batch = []
    rows = Enterprise.objects.only("pk", "updated_at", "published_at").order_by("pk")
    for enterprise in rows.iterator(chunk_size=BATCH):
        moments = [moment for moment in (enterprise.updated_at, enterprise.published_at) if moment]
        if not moments:
            continue
        enterprise.last_confirmed_on = django.utils.timezone.localdate(max(moments))
        batch.append(enterprise)
        if len(batch) == BATCH:
            Enterprise.objects.bulk_update(batch, ["last_confirmed_on"])
            batch = []
    Enterprise.objects.bulk_update(batch, ["last_confirmed_on"])


def _fields():
    return [
        ("confirmation_note", models.CharField(blank=True, editable=False, max_length=200,
                                               verbose_name="note on the confirmation")),
        ("confirmation_requested_on", models.DateField(blank=True, editable=False, null=True,
                                                       verbose_name="confirmation requested")),
        ("last_confirmed_by", models.CharField(blank=True, choices=CONFIRMED_BY, editable=False, max_length=20,
                                               verbose_name="last confirmed by")),
        ("last_confirmed_on", models.DateField(default=django.utils.timezone.localdate, editable=False,
                                               verbose_name="last confirmed")),
        ("unpublished_unconfirmed_on", models.DateField(blank=True, editable=False, null=True,
                                                        verbose_name="unpublished for not being confirmed")),
    ]


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0005_published_locality_name_index")]

    operations = [
        *(migrations.AddField(model_name=model, name=name, field=field)
          for model in ("enterprise", "historicalenterprise") for name, field in _fields()),
        migrations.AddIndex(
            model_name="enterprise",
            index=models.Index(fields=["publication_status", "last_confirmed_on"], name="enterprise_confirmed_idx"),
        ),
        migrations.RunPython(start_from_last_update, migrations.RunPython.noop),
    ]
