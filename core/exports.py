"""Tabular downloads shared by every app: CSV streamed row by row, XLSX
written on disk. Neither holds the whole table in memory.

CSV: UTF-8 with a byte-order mark and semicolons, so Excel with Swedish
settings opens å, ä and ö in the right columns.
XLSX: openpyxl's write-only mode streams rows into a temporary file (the
workbook is built on disk, not in memory), served with FileResponse and
deleted when the response is closed.
"""

import csv
import re
import tempfile
from typing import Iterable, Sequence

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

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


def csv_response(filename: str, header: Sequence, rows: Iterable[Sequence]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(filename: str, header: Sequence, rows: Iterable[Sequence], *, title: str = "Data") -> FileResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([str(h) for h in header])
    for row in rows:
        sheet.append([_text_cell(sheet, v) for v in row])
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
