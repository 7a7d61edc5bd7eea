# Issue 15 §2: figures per year. Each enterprise's figures become the first
# row of its EnterpriseFigures, with their year; the enterprise's own figure
# fields stay as a copy of its latest row (enterprises/figures.py).
import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

BATCH = 1000


def copy_existing_figures(apps, schema_editor):
    """The existing figures of every enterprise become its first row, with
    their year. A year given without any figure is no figures at all: it is
    cleared, so the enterprise's copy equals its (absent) latest row."""
    Enterprise = apps.get_model("enterprises", "Enterprise")
    EnterpriseFigures = apps.get_model("enterprises", "EnterpriseFigures")
    with_year = Enterprise.objects.filter(figures_year__isnull=False)
    with_year.filter(employees__isnull=True, participants__isnull=True).update(
        figures_year=None, employees_from_target_groups=None)
    have_rows = EnterpriseFigures.objects.values("enterprise_id")
    rows = (
        with_year.exclude(pk__in=have_rows)
        .values_list("pk", "figures_year", "employees", "employees_from_target_groups", "participants")
        .order_by("pk")
    )
    batch = []
    for pk, year, employees, from_groups, participants in rows.iterator(chunk_size=BATCH):
        batch.append(EnterpriseFigures(enterprise_id=pk, year=year, employees=employees,
                                       employees_from_target_groups=from_groups, participants=participants))
        if len(batch) == BATCH:
            EnterpriseFigures.objects.bulk_create(batch)
            batch = []
    EnterpriseFigures.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("enterprises", "0006_confirmation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EnterpriseFigures",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name="year of the figures")),
                ("employees", models.PositiveIntegerField(blank=True, null=True, verbose_name="employees")),
                ("employees_from_target_groups", models.PositiveIntegerField(blank=True, null=True, verbose_name="of whom from the target groups")),
                ("participants", models.PositiveIntegerField(blank=True, null=True, verbose_name="participants in work training or rehabilitation")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                ("enterprise", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="figures", to="enterprises.enterprise", verbose_name="enterprise")),
            ],
            options={
                "verbose_name": "figures for a year",
                "verbose_name_plural": "figures per year",
                "ordering": ["enterprise", "-year"],
                "constraints": [
                    models.UniqueConstraint(fields=("enterprise", "year"), name="enterprise_figures_one_row_per_year", violation_error_message="The enterprise already has figures for this year."),
                    models.CheckConstraint(condition=models.Q(("employees_from_target_groups__isnull", True), models.Q(("employees__isnull", False), ("employees_from_target_groups__lte", models.F("employees"))), _connector="OR"), name="enterprise_figures_target_group_within_employees", violation_error_message="Employees from the target groups cannot exceed the number of employees."),
                    models.CheckConstraint(condition=models.Q(("employees__isnull", False), ("participants__isnull", False), _connector="OR"), name="enterprise_figures_have_a_figure", violation_error_message="Give at least the number of employees or of participants for the year."),
                    models.CheckConstraint(condition=models.Q(("year__gte", 2000), ("year__lte", 2100)), name="enterprise_figures_year_in_range"),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalEnterpriseFigures",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name="year of the figures")),
                ("employees", models.PositiveIntegerField(blank=True, null=True, verbose_name="employees")),
                ("employees_from_target_groups", models.PositiveIntegerField(blank=True, null=True, verbose_name="of whom from the target groups")),
                ("participants", models.PositiveIntegerField(blank=True, null=True, verbose_name="participants in work training or rehabilitation")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                ("history_type", models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1)),
                ("enterprise", models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="enterprises.enterprise", verbose_name="enterprise")),
                ("history_user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "historical figures for a year",
                "verbose_name_plural": "historical figures per year",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(copy_existing_figures, migrations.RunPython.noop, elidable=False),
    ]
