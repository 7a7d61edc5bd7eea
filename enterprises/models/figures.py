"""An enterprise's aggregate figures for one year: never data about a person.

One row per enterprise and year, kept for ever; a later year adds a row, a
correction changes only that year's row. The enterprise keeps a copy of its
latest row (``Enterprise.figures_year`` and the three counts, and the
generated ``meets_reserved_share``) so the registry's lists can filter on it
without a join. ``Enterprise.save()`` keeps the two in step
(``keep_figures_of``): figures saved on the enterprise become (or correct)
their year's row, and the enterprise's copy is then its latest row again,
whoever saves it (services, the import, the admin, tests); a row saved or
deleted on its own updates the copy too (``copy_latest_to_enterprise``).
Only ``bulk_create`` and queryset updates of either bypass this."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

FIGURE_FIELDS = ("employees", "employees_from_target_groups", "participants")


class EnterpriseFigures(models.Model):
    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="figures", verbose_name=_("enterprise")
    )
    year = models.PositiveSmallIntegerField(
        _("year of the figures"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    employees_from_target_groups = models.PositiveIntegerField(
        _("of whom from the target groups"), null=True, blank=True
    )
    participants = models.PositiveIntegerField(
        _("participants in work training or rehabilitation"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The cached statistics key on the latest change of this table too.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("figures for a year")
        verbose_name_plural = _("figures per year")
        ordering = ["enterprise", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="enterprise_figures_one_row_per_year",
                                    violation_error_message=_("The enterprise already has figures for this year.")),
            models.CheckConstraint(
                condition=Q(employees_from_target_groups__isnull=True)
                | Q(employees__isnull=False, employees_from_target_groups__lte=F("employees")),
                name="enterprise_figures_target_group_within_employees",
                violation_error_message=_("Employees from the target groups cannot exceed the number of employees."),
            ),
            models.CheckConstraint(
                condition=Q(employees__isnull=False) | Q(participants__isnull=False),
                name="enterprise_figures_have_a_figure",
                violation_error_message=_("Give at least the number of employees or of participants for the year."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="enterprise_figures_year_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise_id}: {self.year}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        copy_latest_to_enterprise(self.enterprise_id)

    def delete(self, *args, **kwargs):
        enterprise_id = self.enterprise_id
        result = super().delete(*args, **kwargs)
        copy_latest_to_enterprise(enterprise_id)
        return result

    @property
    def people_working(self) -> int | None:
        if self.employees is None or self.participants is None:
            return None
        return self.employees + self.participants


def _latest_values(enterprise_id) -> dict:
    latest = EnterpriseFigures.objects.filter(enterprise_id=enterprise_id).order_by("-year").first()
    if latest is None:
        return dict.fromkeys(("figures_year", *FIGURE_FIELDS))
    return {"figures_year": latest.year, **_counts_of(latest)}


def copy_latest_to_enterprise(enterprise_id) -> None:
    """A row written or deleted on its own (the admin, a script): the
    enterprise's copy becomes its latest row again, and its ``updated_at``
    moves, so the registry's and the statistics' caches see the change."""
    enterprise_model = EnterpriseFigures._meta.get_field("enterprise").related_model
    enterprise_model._base_manager.filter(pk=enterprise_id).update(**_latest_values(enterprise_id),
                                                                   updated_at=timezone.now())


def _counts_of(source) -> dict:
    return {name: getattr(source, name) for name in FIGURE_FIELDS}


def keep_figures_of(enterprise) -> None:
    """After an enterprise is saved: its figure fields become their year's
    row (added, or that year corrected), then the enterprise's copy is made
    its latest row again. A year without any figure adds no row."""
    counts = _counts_of(enterprise)
    year = enterprise.figures_year
    if year is not None and (counts["employees"] is not None or counts["participants"] is not None):
        row = EnterpriseFigures.objects.filter(enterprise_id=enterprise.pk, year=year).first()
        if row is None:
            EnterpriseFigures.objects.create(enterprise_id=enterprise.pk, year=year, **counts)
        elif _counts_of(row) != counts:
            for name, value in counts.items():
                setattr(row, name, value)
            row.save()
    cached = _latest_values(enterprise.pk)
    if cached != {"figures_year": year, **counts}:
        for name, value in cached.items():
            setattr(enterprise, name, value)
        type(enterprise)._base_manager.filter(pk=enterprise.pk).update(**cached)
