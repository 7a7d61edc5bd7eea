"""Tabular downloads shared by every app: CSV streamed row by row, XLSX
written on disk. Neither holds the whole table in memory.

CSV: UTF-8 with a byte-order mark and semicolons, so Excel with Swedish
settings opens å, ä and ö in the right columns.
XLSX: openpyxl's write-only mode streams rows into a temporary file (the
workbook is built on disk, not in memory), served with FileResponse and
deleted when the response is closed.

Open data (``open_data=True``: the public registry, statistics, agreements)
names its licence, CC0 1.0 (core/licence.py): an XLSX gets a second sheet
of metadata, a CSV an HTTP ``Link: <…>; rel="license"`` header (and the
DCAT-AP-SE description as ``describedby``); the CSV body stays a plain
table with its header on the first line, so every CSV reader still reads it.
"""

import csv
import re
import tempfile
from typing import Iterable, Sequence

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from . import licence

BOM = "\ufeff"
CSV_DELIMITER = ";"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A cell starting with one of these is run as a formula by spreadsheet
# programs (CSV injection); a phone number such as +46 523 is harmless.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HARMLESS = re.compile(r"^[+-]?[0-9 ()-]*$")


def neutralise(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _HARMLESS.match(value):
        return "'" + value
    return value


class _Echo:
    def write(self, value):
        return value


def csv_lines(header: Sequence, rows: Iterable[Sequence]) -> Iterable[str]:
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER, lineterminator="\r\n")
    yield BOM + writer.writerow([str(h) for h in header])
    for row in rows:
        yield writer.writerow(["" if v is None else neutralise(v) for v in row])


def csv_response(filename: str, header: Sequence, rows: Iterable[Sequence], *,
                 open_data: bool = False) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if open_data:
        response["Link"] = licence.link_header(settings.SITE_URL + licence.DCAT_PATH)
    return response


def metadata_rows(title: str) -> list[list[str]]:
    """The metadata sheet of an open data workbook: what, whose, licence."""
    return [
        [_("Dataset"), str(title)],
        [_("Publisher"), licence.PUBLISHER],
        [_("Licence"), licence.CC0_NAME],
        [_("Licence address"), licence.CC0_URL],
        [_("About the licence"), str(licence.notice())],
        [_("Description of the datasets (DCAT-AP-SE)"), settings.SITE_URL + licence.DCAT_PATH],
        [_("Downloaded"), timezone.localtime().strftime("%Y-%m-%d %H:%M")],
    ]


def xlsx_response(filename: str, header: Sequence, rows: Iterable[Sequence], *, title: str = "Data",
                  open_data: bool = False) -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([str(h) for h in header])
    for row in rows:
        sheet.append([_text_cell(sheet, v) for v in row])
    if open_data:
        # After the data, so the data stays the first (active) sheet.
        about = workbook.create_sheet(title=_("About the data")[:31])
        for row in metadata_rows(title):
            about.append([_text_cell(about, v) for v in row])
        workbook.properties.title = str(title)
        workbook.properties.creator = licence.PUBLISHER
        workbook.properties.description = str(licence.notice())
    # An anonymous temporary file: removed by the OS when FileResponse closes it.
    spool = tempfile.TemporaryFile(suffix=".xlsx")
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)


def _text_cell(sheet, value):
    """Strings as text cells, so a leading "=" is never read as a formula."""
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
