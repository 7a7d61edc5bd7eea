"""A partial index of the published enterprises by locality in list order
(locality, name, id), for the registry page and API filtered by locality
(bench/README.md, second round): the page's rows are read in name order
within the locality instead of walking the whole published registry in name
order and throwing away the other localities (API ``?kategori=transport&
ort=kungshamn``: 28 ms → 3 to 19 ms). PostgreSQL only, like 0004."""

from django.db import migrations

FORWARD = ("CREATE INDEX IF NOT EXISTS enterprise_published_locality_name_id "
           "ON enterprises_enterprise (locality, name, id) WHERE publication_status = 'published'")
BACKWARD = "DROP INDEX IF EXISTS enterprise_published_locality_name_id"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0004_search_and_published_indexes")]
    operations = [migrations.RunPython(forward, backward)]
