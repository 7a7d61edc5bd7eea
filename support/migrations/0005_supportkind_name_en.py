from django.db import migrations, models

# The seeded kinds (0002) in English.
KINDS_EN = {
    "starta-socialt-foretag": "Advice on starting a social enterprise",
    "affarsutveckling": "Business development advice",
    "asf-definition": "Help with the check against the ASF definition",
    "arbetstraning-rehabilitering": "Cooperation on work training or work-oriented rehabilitation",
    "overenskommelse-samarbetsavtal": "Agreement or collaboration contract (including IOP)",
    "lokaler": "Premises",
    "upphandling": "Information on procurement and reserved contracts",
    "finansiering": "Guidance on funding and grants",
    "ovrigt": "Other",
}


def seed(apps, schema_editor):
    SupportKind = apps.get_model("support", "SupportKind")
    for slug, name_en in KINDS_EN.items():
        SupportKind.objects.filter(slug=slug, name_en="").update(name_en=name_en)


class Migration(migrations.Migration):
    dependencies = [("support", "0004_request_info_questions_in_conversation")]

    operations = [
        migrations.AddField(
            model_name="historicalsupportkind", name="name_en",
            field=models.CharField(blank=True, max_length=150, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="supportkind", name="name_en",
            field=models.CharField(blank=True, max_length=150, verbose_name="name in English"),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
