from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_user_oidc_subject")]

    operations = [
        migrations.AddField(
            model_name="department", name="name_en",
            field=models.CharField(blank=True, max_length=150, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="historicaldepartment", name="name_en",
            field=models.CharField(blank=True, max_length=150, verbose_name="name in English"),
        ),
    ]
