# Issue 15, filled in by the part that owns it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0009_english_names")]

    operations = []
