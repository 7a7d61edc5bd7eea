"""A big file (10,000 rows) previews and imports in well under a minute,
with queries in batches (not one a row) and the rows read into memory once."""

import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enterprises.imports import services
from enterprises.models import Enterprise
from tests.enterprises.factories import valid_orgnr

pytestmark = pytest.mark.django_db

ROWS = 10_000
EXISTING = 2_000
HEADER = "Organisationsnummer;Namn;Juridisk form;Typ av aktör;Kort beskrivning;Ort;Kategorier;Målgrupper;E-post\n"


def big_file() -> SimpleUploadedFile:
    lines = [HEADER]
    for n in range(ROWS):
        orgnr = valid_orgnr(n, first="8")
        lines.append(f"{orgnr[:6]}-{orgnr[6:]};Förening nummer {n};Ideell förening;Förening;"
                     f"Verksamhet för alla i Sotenäs, rad {n}.;Kungshamn;Städ;Nyanlända flyktingar;"
                     f"info{n}@forening.example\n")
    return SimpleUploadedFile("stor-lista.csv", "".join(lines).encode(), content_type="text/csv")


def existing_entries():
    Enterprise.objects.bulk_create(
        Enterprise(name=f"Gammal förening {n}", slug=f"gammal-{n}", organisation_number=valid_orgnr(n, first="8"),
                   legal_form="ideell_forening", kind="association", short_description="Gammal text.",
                   locality="smogen", publication_status="published")
        for n in range(0, ROWS, ROWS // EXISTING)
    )


def test_ten_thousand_rows_import_in_under_a_minute_in_batches(user_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    existing_entries()
    user = user_for("coordinator")
    started = time.monotonic()
    enterprise_import = services.enterprise_import_upload(user=user, upload=big_file())
    with CaptureQueriesContext(connection) as preview_queries:
        enterprise_import = services.enterprise_import_preview(
            enterprise_import=enterprise_import, mapping=enterprise_import.mapping, publish=False)
    assert (enterprise_import.new_count, enterprise_import.update_count, enterprise_import.refused_count) == (
        ROWS - EXISTING, EXISTING, 0)
    with CaptureQueriesContext(connection) as confirm_queries:
        services.enterprise_import_confirm(enterprise_import=enterprise_import, user=user, skip_refused=False)
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"10,000 rows took {elapsed:.1f} s"
    assert Enterprise.objects.count() == ROWS
    assert Enterprise.objects.filter(name="Förening nummer 5").get().service_categories.get().slug == "stad"
    assert Enterprise.objects.get(organisation_number=valid_orgnr(0, first="8")).name == "Förening nummer 0"
    assert Enterprise.history.filter(history_user=user).count() == ROWS
    # Chunks of 500 rows, a handful of queries each, never one per row
    # (SQLite's limit on query parameters splits an insert into many more).
    assert len(preview_queries) < ROWS // 50, len(preview_queries)
    assert len(confirm_queries) < ROWS // 5, len(confirm_queries)


def test_the_rows_are_held_in_memory_once(user_for, settings, tmp_path):
    """The peak while previewing a 10,000-row file stays within a small
    multiple of one in-memory copy of its rows (the tablib Dataset)."""
    settings.MEDIA_ROOT = tmp_path
    user = user_for("coordinator")
    enterprise_import = services.enterprise_import_upload(user=user, upload=big_file())
    from enterprises.imports.reading import load_dataset

    tracemalloc.start()
    dataset = load_dataset(enterprise_import)
    one_copy = tracemalloc.get_traced_memory()[0]
    del dataset
    tracemalloc.reset_peak()
    services.enterprise_import_preview(enterprise_import=enterprise_import, mapping=enterprise_import.mapping,
                                       publish=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 1.6 * one_copy, f"peak {peak / 1e6:.1f} MB for rows of {one_copy / 1e6:.1f} MB"
