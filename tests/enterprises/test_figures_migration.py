"""Migration 0007: each enterprise's existing figures become its first row,
with their year; running it again adds nothing."""

import importlib

import pytest
from django.apps import apps

from enterprises.models import Enterprise, EnterpriseFigures
from tests.enterprises.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("enterprises.migrations.0007_figures_per_year")


def as_before_the_migration() -> None:
    """Enterprises carried their figures on themselves, with no rows."""
    EnterpriseFigures.objects.all().delete()


def test_existing_figures_become_the_first_row_with_their_year():
    with_figures = EnterpriseFactory(figures_year=2024, employees=7, employees_from_target_groups=3, participants=2)
    only_participants = EnterpriseFactory(figures_year=2023, participants=4)
    without = EnterpriseFactory()
    year_only = EnterpriseFactory()
    Enterprise.objects.filter(pk=year_only.pk).update(figures_year=2022)  # a year and not one figure
    as_before_the_migration()

    migration.copy_existing_figures(apps, None)

    rows = sorted(EnterpriseFigures.objects.values_list(
        "enterprise_id", "year", "employees", "employees_from_target_groups", "participants"))
    assert rows == sorted([(with_figures.pk, 2024, 7, 3, 2), (only_participants.pk, 2023, None, None, 4)])
    assert not EnterpriseFigures.objects.filter(enterprise=without).exists()
    year_only.refresh_from_db()
    assert year_only.figures_year is None  # the copy equals its (absent) latest row
    with_figures.refresh_from_db()
    assert (with_figures.figures_year, with_figures.employees) == (2024, 7)  # untouched


def test_running_it_again_adds_nothing():
    EnterpriseFactory.create_batch(3, figures_year=2025, employees=2, participants=1)
    as_before_the_migration()
    migration.copy_existing_figures(apps, None)
    migration.copy_existing_figures(apps, None)
    assert EnterpriseFigures.objects.count() == 3


def test_many_enterprises_migrate_in_batches(monkeypatch):
    monkeypatch.setattr(migration, "BATCH", 2)
    EnterpriseFactory.create_batch(5, figures_year=2025, employees=2, participants=1)
    as_before_the_migration()
    migration.copy_existing_figures(apps, None)
    assert EnterpriseFigures.objects.filter(year=2025).count() == 5
