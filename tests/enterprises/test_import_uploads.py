"""The import's uploads are checked like every other upload (size, type by
content), kept privately under random names, and cleared away: on
confirmation, on cancelling and a week after an unconfirmed upload."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from enterprises.imports.services import enterprise_import_cleanup
from enterprises.models import EnterpriseImport
from tests.conftest import sv
from tests.enterprises.import_helpers import XLSX_TYPE, confirm, csv_file, map_columns, shipped, upload
from tests.security.test_uploads import HTML, PDF, REFUSED_TYPE, TOO_LARGE

pytestmark = pytest.mark.django_db

HOSTILE = {
    "html_named_csv": lambda: SimpleUploadedFile("lista.csv", HTML, "text/csv"),
    "pdf_named_csv": lambda: SimpleUploadedFile("lista.csv", PDF, "text/csv"),
    "html_named_xlsx": lambda: SimpleUploadedFile("lista.xlsx", HTML, XLSX_TYPE),
    "pdf": lambda: SimpleUploadedFile("lista.pdf", PDF, "application/pdf"),
    "xlsx_named_csv": lambda: SimpleUploadedFile("lista.csv", shipped("exempel.xlsx").read(), "text/csv"),
    "binary_csv": lambda: SimpleUploadedFile("lista.csv", b"Namn\x00\x01\x02;x\n", "text/csv"),
    "empty": lambda: SimpleUploadedFile("lista.csv", b"", "text/csv"),
}


def stored_files(root) -> set[Path]:
    return {p for p in Path(root).rglob("*") if p.is_file()}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_files_of_a_refused_type_are_refused_with_a_swedish_message(kind, client_as, media):
    response = client_as("coordinator").post(reverse("enterprises:import_start"), {"file": HOSTILE[kind]()})
    assert response.status_code == 200
    text = response.content.decode()
    assert REFUSED_TYPE in text or sv("The file is empty.") in text or sv("The submitted file is empty.") in text
    assert EnterpriseImport.objects.count() == 0
    assert stored_files(media) == set()


def test_files_over_the_size_limit_are_refused(client_as, media, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    for file in (csv_file("Namn;Organisationsnummer\n" + "Förening;802111-4445\n" * 100),
                 shipped("exempel.xlsx")):
        response = client_as("coordinator").post(reverse("enterprises:import_start"), {"file": file})
        assert response.status_code == 200
        assert TOO_LARGE in response.content.decode()
    assert EnterpriseImport.objects.count() == 0 and stored_files(media) == set()


def test_a_file_without_headers_is_refused(client_as, media):
    response = client_as("coordinator").post(reverse("enterprises:import_start"), {"file": csv_file(";;\n;;\n")})
    assert sv("The first row of the file must hold the column headers.") in response.content.decode()
    assert EnterpriseImport.objects.count() == 0 and stored_files(media) == set()


def test_a_ragged_file_is_refused_with_a_reason(client_as, media):
    response = client_as("coordinator").post(reverse("enterprises:import_start"),
                                             {"file": csv_file("Namn;Ort\nA;B;C;D\n")})
    assert sv("A row of the file has more cells than the first row has column headers.") in (
        response.content.decode())
    assert EnterpriseImport.objects.count() == 0 and stored_files(media) == set()


def test_an_accepted_file_is_kept_privately_and_deleted_on_confirmation(client_as, media,
                                                                      django_capture_on_commit_callbacks):
    client = client_as("coordinator")
    enterprise_import = upload(client, shipped("exempel.csv"))
    assert re.fullmatch(r"imports/[0-9a-f]{32}\.csv", enterprise_import.file.name)
    location = Path(enterprise_import.file.path)
    assert location.is_relative_to(media) and location.exists()
    assert client.get(f"/{enterprise_import.file.name}").status_code == 404
    map_columns(client, enterprise_import)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, enterprise_import, skip_refused=True)
    assert not location.exists()
    enterprise_import.refresh_from_db()
    assert enterprise_import.original_name == "exempel.csv"


def test_cancelling_deletes_the_import_and_its_file(client_as, media):
    client = client_as("coordinator")
    enterprise_import = upload(client, shipped("exempel.xlsx"))
    map_columns(client, enterprise_import)
    response = client.post(reverse("enterprises:import_cancel", kwargs={"pk": enterprise_import.pk}))
    assert response["Location"] == reverse("enterprises:import_start")
    assert not EnterpriseImport.objects.exists() and stored_files(media) == set()


def test_unconfirmed_imports_older_than_a_week_are_cleared_away(client_as, media):
    client = client_as("coordinator")
    old, recent, done = (upload(client, shipped("exempel.csv")) for _ in range(3))
    map_columns(client, done)
    confirm(client, done, skip_refused=True)
    week_ago = timezone.now() - timedelta(days=8)
    EnterpriseImport.objects.filter(pk__in=[old.pk, done.pk]).update(created_at=week_ago)
    old_file = Path(old.file.path)
    assert enterprise_import_cleanup() == 1
    assert set(EnterpriseImport.objects.values_list("pk", flat=True)) == {recent.pk, done.pk}
    assert not old_file.exists() and Path(recent.file.path).exists()


def test_the_next_upload_clears_old_imports_too(client_as, media):
    client = client_as("coordinator")
    old = upload(client, shipped("exempel.csv"))
    EnterpriseImport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    upload(client, shipped("exempel.csv"))
    assert not EnterpriseImport.objects.filter(pk=old.pk).exists()
