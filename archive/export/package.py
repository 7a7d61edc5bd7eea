"""Writing one E-ARK SIP: one case, one package.

A case is the unit the e-archive searches, restricts and disposes of (its
registration number, its secrecy and its records plan rules are per case),
so each closed case is its own package; a package that fails validation is
redone alone, without holding back the rest of the series.

Layout (CSIP 2.1.0, SIP 2.1.0)::

    <name>/METS.xml
    <name>/metadata/descriptive/erms.xml
    <name>/schemas/ERMS.xsd
    <name>/representations/rep1/METS.xml
    <name>/representations/rep1/data/000-arende.txt, 001-…

The folder is then zipped (``<name>.zip``, one root folder inside); the
ZIP is what is validated and delivered."""

import re
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from records.models import Registration, SecrecyMark

from . import content
from .erms import build_erms
from .mets import Listed, package_mets, representation_mets
from .plan import rules_by_type
from .validation import ERMS_SCHEMA

REPRESENTATION = "rep1"


@dataclass(frozen=True)
class WrittenPackage:
    name: str
    zip_path: Path


def package_name(registration: Registration) -> str:
    """``KS 2026/0042`` becomes ``KS-2026-0042``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", registration.number).strip("-") or f"case-{registration.pk}"


def standing_marks(registration: Registration) -> list[SecrecyMark]:
    return list(registration.secrecy_marks.filter(removed_at__isnull=True).order_by("marked_at", "pk"))


def write_package(registration: Registration, folder: Path, *, name: str | None = None,
                  created: datetime | None = None) -> WrittenPackage:
    """Write the case's package into ``folder`` and zip it. Raises
    ``content.UnwritableDocument`` (and leaves nothing behind) when a
    document of the case cannot be written."""
    name = name or package_name(registration)
    created = created or timezone.now()
    root = folder / name
    try:
        with translation.override("sv"):
            _write_tree(registration, root, name, created)
        zip_path = folder / f"{name}.zip"
        _zip(root, zip_path)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return WrittenPackage(name=name, zip_path=zip_path)


def _write_tree(registration: Registration, root: Path, name: str, created: datetime) -> None:
    documents = list(registration.documents.order_by("position"))
    _prefetch_records(documents)
    data = root / "representations" / REPRESENTATION / "data"
    descriptive = root / "metadata" / "descriptive"
    schemas = root / "schemas"
    documentation = root / "documentation"
    for directory in (data, descriptive, schemas, documentation):
        directory.mkdir(parents=True, exist_ok=True)
    files = content.case_files(registration, documents)
    listed, files_by_document = [], {}
    for export_file in files:
        path = export_file.write(data)
        listed.append(Listed(path, f"data/{export_file.name}", export_file.mimetype, export_file.created))
        for document in export_file.documents:
            files_by_document.setdefault(document.pk, []).append(
                f"../../representations/{REPRESENTATION}/data/{export_file.name}")
    label = f"{registration.number}: {registration.title}"
    rep_mets = root / "representations" / REPRESENTATION / "METS.xml"
    rep_mets.write_bytes(representation_mets(objid=f"{name}-{REPRESENTATION}", label=label, created=created,
                                             data=listed))
    erms = descriptive / "erms.xml"
    erms.write_bytes(build_erms(registration=registration, documents=documents,
                                marks=standing_marks(registration), rules=rules_by_type(),
                                files_by_document=files_by_document, package_name=name, created=created))
    readme = documentation / "om-paketet.txt"
    readme.write_text(documentation_text(registration, name), encoding="utf-8")
    schema = schemas / "ERMS.xsd"
    shutil.copyfile(ERMS_SCHEMA, schema)
    (root / "METS.xml").write_bytes(package_mets(
        objid=name, label=label, created=created,
        descriptive=Listed(erms, "metadata/descriptive/erms.xml", "application/xml", created),
        documentation=[Listed(readme, "documentation/om-paketet.txt", "text/plain", created)],
        schemas=[Listed(schema, "schemas/ERMS.xsd", "application/xml", created)],
        representation=Listed(rep_mets, f"representations/{REPRESENTATION}/METS.xml", "application/xml", created),
        representation_name=REPRESENTATION,
    ))


def documentation_text(registration: Registration, name: str) -> str:
    return (
        f"Paket {name}: ärende {registration.number} ({registration.get_case_kind_display()}) från "
        "Sotenäs kommuns portal för social ekonomi.\n\n"
        "Paketet följer FGS Paketstruktur 2.0 (E-ARK CSIP 2.1.0 med SIP-profilen 2.1.0).\n"
        "metadata/descriptive/erms.xml beskriver ärendet och dess handlingar enligt FGS Ärendehantering 2.0 "
        "(E-ARK ERMS, schemat i schemas/ERMS.xsd), med sekretessmarkeringar (Restriction) och "
        "dokumenthanteringsplanens regler (Disposal).\n"
        "representations/rep1/data/ innehåller ärendets handlingar; 000-arende.txt är en redogörelse för "
        "ärendet. Varje fil har en SHA-256-kontrollsumma i METS.\n"
    )


def _prefetch_records(documents: list) -> None:
    """Load each document's record with one query per record model."""
    by_type: dict[int, list] = {}
    for document in documents:
        if document.record_type_id is not None:
            by_type.setdefault(document.record_type_id, []).append(document)
    for type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        records = model._default_manager.in_bulk([d.record_id for d in group])
        cache = type(group[0])._meta.get_field("record")
        for document in group:
            if document.record_id in records:
                cache.set_cached_value(document, records[document.record_id])
            else:  # disposed of by the records plan: the list keeps the entry
                document.record_gone = True


def _zip(root: Path, zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            archive.write(path, Path(root.name) / path.relative_to(root))
