"""Private uploads: an allow-list of file types checked by content, a size
limit, and a response that only ever offers the file as a download.

Used by every app that takes files (definition-check evidence, request
attachments, agreements, policy documents).
"""

import mimetypes
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("PDF", (".pdf",), "application/pdf")
PNG = FileKind("PNG", (".png",), "image/png")
JPEG = FileKind("JPEG", (".jpg", ".jpeg"), "image/jpeg")
DOCX = FileKind("Word", (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileKind("Excel", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = FileKind("OpenDocument", (".odt",), "application/vnd.oasis.opendocument.text")
ODS = FileKind("OpenDocument", (".ods",), "application/vnd.oasis.opendocument.spreadsheet")
DOC = FileKind("Word 97", (".doc",), "application/msword")
XLS = FileKind("Excel 97", (".xls",), "application/vnd.ms-excel")

DOCUMENT_KINDS = (PDF, PNG, JPEG, DOCX, XLSX, ODT, ODS, DOC, XLS)
PDF_ONLY = (PDF,)


def _sniff(head: bytes, upload) -> FileKind | None:
    """What the bytes say the file is (None if not on any list)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: legacy Office
        return DOC if Path(upload.name).suffix.lower() == ".doc" else XLS
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    return None


def _sniff_zip(upload) -> FileKind | None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "ignore").strip()
                return {ODT.content_type: ODT, ODS.content_type: ODS}.get(mimetype)
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def validate_upload(upload, *, kinds=DOCUMENT_KINDS, max_bytes: int | None = None) -> FileKind:
    """Check an uploaded file by its content and size; return its kind.

    The name's extension must agree with the content, so a script renamed
    to .pdf and a PDF renamed to .html are both refused."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The largest allowed size is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = _sniff(head, upload)
    allowed = ", ".join(sorted({k.label for k in kinds}))
    if kind not in kinds or Path(upload.name).suffix.lower() not in kind.extensions:
        raise ValidationError(
            _("This type of file is not accepted. Allowed types: %(allowed)s."),
            code="file_type",
            params={"allowed": allowed},
        )
    return kind


def validate_uploads(uploads, *, kinds=DOCUMENT_KINDS, field: str | None = None) -> None:
    """Check every file; one ValidationError names each refused file and
    why (on ``field``, if given)."""
    errors = []
    for upload in uploads:
        try:
            validate_upload(upload, kinds=kinds)
        except ValidationError as error:
            errors.extend(f"{upload.name}: {message}" for message in error.messages)
    if errors:
        raise ValidationError({field: errors} if field else errors)


def store_upload(model, upload, **fields):
    """Check ``upload`` and keep it as a new ``model`` row (a
    ``core.models.StoredFile``), with its original name, type and size."""
    kind = validate_upload(upload)
    return model.objects.create(
        file=upload, original_name=upload.name[:255], content_type=kind.content_type, size=upload.size, **fields
    )


def private_file_response(file_field, download_name: str) -> FileResponse:
    """Serve a stored file as an attachment, never inline, never sniffed."""
    content_type = mimetypes.guess_type(download_name)[0] or "application/octet-stream"
    response = FileResponse(file_field.open("rb"), as_attachment=True, filename=download_name,
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def private_upload_path(instance, filename: str) -> str:
    """Random names, so a stored file's name reveals nothing and cannot be
    guessed; the folder comes from the model's ``UPLOAD_FOLDER``."""
    suffix = Path(filename).suffix.lower()[:10]
    return f"{instance.UPLOAD_FOLDER}/{uuid.uuid4().hex}{suffix}"
