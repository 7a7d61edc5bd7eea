"""The kinds of support the issue lists, so they exist in production too.
Officials can rename, reorder or retire them in the admin afterwards."""

from django.db import migrations

# slug, name (Swedish, as the portal's users see them), description
KINDS = [
    ("starta-socialt-foretag", "Rådgivning om att starta ett socialt företag",
     "Advice on starting a social enterprise."),
    ("affarsutveckling", "Rådgivning om affärsutveckling", "Business development advice."),
    ("asf-definition", "Hjälp med prövning mot ASF-definitionen",
     "Help with the check against the ASF definition."),
    ("arbetstraning-rehabilitering", "Samverkan om arbetsträning eller arbetslivsinriktad rehabilitering",
     "Cooperation on work training or rehabilitation placements."),
    ("overenskommelse-samarbetsavtal", "Överenskommelse eller samarbetsavtal (även IOP)",
     "An agreement or collaboration contract (överenskommelse, samarbetsavtal, IOP)."),
    ("lokaler", "Lokaler", "Premises."),
    ("upphandling", "Information om upphandling och reserverade kontrakt",
     "Information on procurement and reserved contracts."),
    ("finansiering", "Vägledning om finansiering och bidrag", "Funding and grants guidance."),
    ("ovrigt", "Övrigt", "Anything else."),
]


def seed(apps, schema_editor):
    SupportKind = apps.get_model("support", "SupportKind")
    for position, (slug, name, description) in enumerate(KINDS, start=1):
        SupportKind.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("support", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
