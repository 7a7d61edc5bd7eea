"""The managed lists start with the policy's target groups and the service
categories ASF in Bohuslän commonly sell; officials can add more."""

from django.db import migrations

TARGET_GROUPS = [
    ("langtidsarbetslosa", "Långtidsarbetslösa med försörjningsstöd"),
    ("nyanlanda", "Nyanlända flyktingar"),
    ("unga", "Ungdomar som befinner sig långt ifrån arbetsmarknaden"),
    ("funktionsnedsattning", "Personer med funktionsnedsättning"),
    ("langtidssjukskrivna", "Personer som efter långtidssjukskrivning på nytt ska in på arbetsmarknaden"),
    ("lss-daglig-verksamhet", "Personer inom LSS, daglig verksamhet"),
]

SERVICE_CATEGORIES = [
    ("cafe-catering", "Café och catering"),
    ("stad", "Städ"),
    ("tradgard-fastighet", "Trädgård och fastighetsskötsel"),
    ("snickeri", "Snickeri"),
    ("second-hand", "Second hand och återbruk"),
    ("bat-marina", "Båt- och marinatjänster"),
    ("turism", "Turism och besöksnäring"),
    ("tvatt", "Tvätt"),
    ("transport", "Transport"),
    ("handel", "Handel"),
    ("hantverk", "Hantverk"),
]


def seed(apps, schema_editor):
    TargetGroup = apps.get_model("enterprises", "TargetGroup")
    ServiceCategory = apps.get_model("enterprises", "ServiceCategory")
    for position, (slug, name) in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
    for slug, name in SERVICE_CATEGORIES:
        ServiceCategory.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
