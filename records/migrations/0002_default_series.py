"""The default series: KS (Kommunstyrelsen), numbered by the portal, used
for every kind of case. The records manager can change it."""

from django.db import migrations


def seed(apps, schema_editor):
    Series = apps.get_model("records", "Series")
    SeriesUse = apps.get_model("records", "SeriesUse")
    series, _ = Series.objects.get_or_create(prefix="KS", defaults={"name": "Kommunstyrelsen"})
    for kind in ("support_request", "agreement", "reporting_round", "asf_check"):
        SeriesUse.objects.get_or_create(case_kind=kind, defaults={"series": series})


class Migration(migrations.Migration):
    dependencies = [("records", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
