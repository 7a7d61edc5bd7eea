# Issue 15, §4: English names of the vocabularies, and the history of an
# enterprise's categories and target groups. Written by hand.
import django.db.models.deletion
import simple_history.models
from django.db import migrations, models

TARGET_GROUPS_EN = {
    "langtidsarbetslosa": "Long-term unemployed people on income support",
    "nyanlanda": "Newly arrived refugees",
    "unga": "Young people far from the labour market",
    "funktionsnedsattning": "People with disabilities",
    "langtidssjukskrivna": "People returning to work after long-term sick leave",
    "lss-daglig-verksamhet": "People under LSS in daily activity",
}

SERVICE_CATEGORIES_EN = {
    "cafe-catering": "Café and catering",
    "stad": "Cleaning",
    "tradgard-fastighet": "Gardening and property maintenance",
    "snickeri": "Carpentry",
    "second-hand": "Second hand and reuse",
    "bat-marina": "Boat and marina services",
    "turism": "Tourism and hospitality",
    "tvatt": "Laundry",
    "transport": "Transport",
    "handel": "Retail",
    "hantverk": "Crafts",
}


def seed(apps, schema_editor):
    for model, names in (("TargetGroup", TARGET_GROUPS_EN), ("ServiceCategory", SERVICE_CATEGORIES_EN)):
        Model = apps.get_model("enterprises", model)
        for slug, name_en in names.items():
            Model.objects.filter(slug=slug, name_en="").update(name_en=name_en)


def _name_en(max_length):
    return models.CharField(blank=True, max_length=max_length, verbose_name="name in English")


def _m2m_history(name, target, column):
    return migrations.CreateModel(
        name=name,
        fields=[
            ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
            ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
            ("enterprise", models.ForeignKey(
                blank=True, db_constraint=False, db_tablespace="", null=True,
                on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="enterprises.enterprise")),
            ("history", models.ForeignKey(
                db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING,
                to="enterprises.historicalenterprise")),
            (column, models.ForeignKey(
                blank=True, db_constraint=False, db_tablespace="", null=True,
                on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to=target)),
        ],
        options={"verbose_name": name},
        bases=(simple_history.models.HistoricalChanges, models.Model),
    )


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0008_asf_renewal")]

    operations = [
        migrations.AddField(model_name="servicecategory", name="name_en", field=_name_en(80)),
        migrations.AddField(model_name="historicalservicecategory", name="name_en", field=_name_en(80)),
        migrations.AddField(model_name="targetgroup", name="name_en", field=_name_en(150)),
        migrations.AddField(model_name="historicaltargetgroup", name="name_en", field=_name_en(150)),
        _m2m_history("HistoricalEnterprise_service_categories", "enterprises.servicecategory", "servicecategory"),
        _m2m_history("HistoricalEnterprise_target_groups", "enterprises.targetgroup", "targetgroup"),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
