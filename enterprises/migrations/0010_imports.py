# Issue 15, §6: importing enterprises from CSV or XLSX. Written by hand.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import core.uploads


class Migration(migrations.Migration):
    dependencies = [
        ("enterprises", "0009_english_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EnterpriseImport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", models.FileField(blank=True, upload_to=core.uploads.private_upload_path, verbose_name="file")),
                ("original_name", models.CharField(max_length=255, verbose_name="file name")),
                ("file_format", models.CharField(choices=[("csv", "CSV"), ("xlsx", "Excel")], max_length=10,
                                                 verbose_name="format")),
                ("encoding", models.CharField(blank=True, max_length=20)),
                ("delimiter", models.CharField(blank=True, max_length=1)),
                ("headers", models.JSONField(default=list, verbose_name="columns in the file")),
                ("mapping", models.JSONField(default=dict, verbose_name="column mapping")),
                ("publish", models.BooleanField(default=False, verbose_name="publish new entries at once")),
                ("status", models.CharField(
                    choices=[("uploaded", "Columns not yet mapped"), ("previewed", "Waiting for confirmation"),
                             ("confirmed", "Imported")],
                    default="uploaded", max_length=20, verbose_name="status")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="uploaded")),
                ("confirmed_at", models.DateTimeField(blank=True, null=True, verbose_name="imported")),
                ("new_count", models.PositiveIntegerField(default=0)),
                ("update_count", models.PositiveIntegerField(default=0)),
                ("refused_count", models.PositiveIntegerField(default=0)),
                ("uploaded_by", models.ForeignKey(
                    null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                    to=settings.AUTH_USER_MODEL, verbose_name="uploaded by")),
                ("confirmed_by", models.ForeignKey(
                    blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                    to=settings.AUTH_USER_MODEL, verbose_name="imported by")),
            ],
            options={
                "verbose_name": "enterprise import",
                "verbose_name_plural": "enterprise imports",
                "ordering": ["-created_at"],
                "indexes": [models.Index(fields=["status", "created_at"], name="enterprise_import_status_idx")],
            },
        ),
        migrations.CreateModel(
            name="EnterpriseImportRow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveIntegerField(verbose_name="row")),
                ("outcome", models.CharField(
                    choices=[("new", "New entry"), ("update", "Updates an existing entry"), ("refused", "Refused")],
                    max_length=10, verbose_name="outcome")),
                ("organisation_number", models.CharField(blank=True, max_length=20,
                                                         verbose_name="organisation number")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="name")),
                ("errors", models.JSONField(blank=True, default=dict)),
                ("enterprise_import", models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="rows",
                    to="enterprises.enterpriseimport")),
                ("existing", models.ForeignKey(
                    blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                    to="enterprises.enterprise")),
            ],
            options={
                "ordering": ["number"],
                "indexes": [models.Index(fields=["enterprise_import", "outcome", "number"],
                                         name="enterprise_import_row_idx")],
                "constraints": [models.UniqueConstraint(fields=("enterprise_import", "number"),
                                                        name="enterprise_import_row_unique")],
            },
        ),
    ]
