"""Reading an import file with tablib: checking the upload, finding a CSV
file's encoding and delimiter, and giving the rows as registry fields."""

import codecs
import csv
import io
from datetime import date, datetime
from pathlib import Path

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.uploads import XLSX, FileKind, validate_upload

CSV = FileKind("CSV", (".csv",), "text/csv")
IMPORT_KINDS = (CSV, XLSX)
MAX_ROWS = 50_000
SAMPLE_BYTES = 64 * 1024
# Office and archive signatures: binary files named .csv.
BINARY_HEADS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"\x7fELF", b"MZ")


def _refused_type() -> ValidationError:
    return ValidationError(
        _("This type of file is not accepted. Allowed types: %(allowed)s.") % {"allowed": "CSV, Excel"},
        code="file_type",
    )


def _text_encoding(upload) -> str:
    """UTF-8 (with or without BOM) if the whole file decodes as such, else
    Windows-1252, which Excel uses for CSV in Sweden."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        for chunk in upload.chunks():
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        upload.seek(0)


def _sniff_delimiter(sample: str) -> str:
    first_line = sample.splitlines()[0] if sample else ""
    try:
        return csv.Sniffer().sniff(first_line, delimiters=";,\t").delimiter
    except csv.Error:
        return ","


def check_upload(upload) -> dict:
    """Size and type, by content: a CSV must be text, an XLSX a real
    workbook. Returns the fields the import keeps about the file."""
    if Path(upload.name).suffix.lower() != ".csv":
        kind = validate_upload(upload, kinds=IMPORT_KINDS)
        if kind is not XLSX:
            raise _refused_type()
        return {"file_format": "xlsx", "encoding": "", "delimiter": ""}
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The largest allowed size is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(SAMPLE_BYTES)
    upload.seek(0)
    if head.startswith(BINARY_HEADS) or b"\x00" in head:
        raise _refused_type()
    encoding = _text_encoding(upload)
    sample = head.decode(encoding, errors="replace")
    if sample.lstrip().startswith("<"):  # HTML or XML named .csv
        raise _refused_type()
    return {"file_format": "csv", "encoding": encoding, "delimiter": _sniff_delimiter(sample)}


def load_dataset(enterprise_import) -> tablib.Dataset:
    """The file as one tablib Dataset (streamed from disk, read once)."""
    try:
        with enterprise_import.file.open("rb") as raw:
            if enterprise_import.file_format == "xlsx":
                dataset = tablib.Dataset().load(raw, format="xlsx")
            else:
                text = io.TextIOWrapper(raw, encoding=enterprise_import.encoding or "utf-8-sig", newline="")
                dataset = tablib.Dataset().load(text, format="csv", delimiter=enterprise_import.delimiter or ",")
    except tablib.InvalidDimensions:
        raise ValidationError(
            _("A row of the file has more cells than the first row has column headers."), code="dimensions"
        ) from None
    except Exception as error:  # openpyxl and csv raise many kinds for a damaged file
        if isinstance(error, ValidationError):
            raise
        raise ValidationError(_("The file could not be read. Save it again as CSV or XLSX and try again."),
                              code="unreadable") from None
    if not dataset.headers or not any(str(h or "").strip() for h in dataset.headers):
        raise ValidationError(_("The first row of the file must hold the column headers."), code="no_headers")
    if dataset.height > MAX_ROWS:
        raise ValidationError(
            _("The file has %(count)s rows; at most %(max)s can be imported at once. Split it into smaller files.")
            % {"count": dataset.height, "max": MAX_ROWS},
            code="too_many_rows",
        )
    return dataset


def headers_of(dataset: tablib.Dataset) -> list[str]:
    return [cell_text(h) for h in dataset.headers]


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value).strip()


def mapped_rows(dataset: tablib.Dataset, mapping: dict[str, str]):
    """(row number as the user sees it, {field: text}) for each non-empty
    row, one at a time. Row 1 is the header row."""
    headers = headers_of(dataset)
    positions = {field: headers.index(header) for field, header in mapping.items() if header in headers}
    for index, row in enumerate(dataset):
        if not any(cell_text(cell) for cell in row):
            continue
        yield index + 2, {field: cell_text(row[position]) for field, position in positions.items()}
