"""Shared steps of the import tests: the shipped files, and walking an
import through upload and mapping as a signed-in official would."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enterprises.imports.columns import COLUMNS
from enterprises.models import EnterpriseImport

IMPORT_FILES = Path(settings.BASE_DIR) / "enterprises" / "import_files"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def shipped(name: str) -> SimpleUploadedFile:
    content_type = XLSX_TYPE if name.endswith(".xlsx") else "text/csv"
    return SimpleUploadedFile(name, (IMPORT_FILES / name).read_bytes(), content_type=content_type)


def csv_file(text: str, name: str = "lista.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def upload(client, file) -> EnterpriseImport | None:
    before = set(EnterpriseImport.objects.values_list("pk", flat=True))
    response = client.post(reverse("enterprises:import_start"), {"file": file})
    created = EnterpriseImport.objects.exclude(pk__in=before).first()
    if created is not None:
        assert response.status_code == 302
        assert response["Location"] == reverse("enterprises:import_mapping", kwargs={"pk": created.pk})
    return created


def map_columns(client, enterprise_import, mapping=None, *, publish=False):
    mapping = enterprise_import.mapping if mapping is None else mapping
    data = {column.field: mapping.get(column.field, "") for column in COLUMNS}
    if publish:
        data["publish"] = "on"
    return client.post(reverse("enterprises:import_mapping", kwargs={"pk": enterprise_import.pk}), data)


def preview_outcomes(enterprise_import) -> dict[int, str]:
    return dict(enterprise_import.rows.values_list("number", "outcome"))


def confirm(client, enterprise_import, *, skip_refused=False):
    data = {"skip_refused": "on"} if skip_refused else {}
    return client.post(reverse("enterprises:import_preview", kwargs={"pk": enterprise_import.pk}), data)
