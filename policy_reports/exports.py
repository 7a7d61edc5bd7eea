"""The compiled report's figures as CSV: UTF-8 with a byte order mark, so
spreadsheet programs read å, ä and ö correctly; one row per department and
a total row over those that reported."""

import csv
from io import StringIO

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import FIGURE_FIELDS, DepartmentReport

BOM = "\ufeff"


def _value(value) -> str:
    return "" if value is None else str(value)


def compiled_report_csv(compiled) -> str:
    buffer = StringIO()
    writer = csv.writer(buffer)
    labels = [capfirst(str(DepartmentReport._meta.get_field(name).verbose_name)) for name in FIGURE_FIELDS]
    writer.writerow([_("Year"), _("Department or company"), _("Status"), _("Submitted")] + labels)
    year = compiled.reporting_round.year
    for report in compiled.delivered:
        writer.writerow(
            [year, report.department.name, report.get_status_display(),
             report.submitted_at.date().isoformat() if report.submitted_at else ""]
            + [_value(getattr(report, name)) for name in FIGURE_FIELDS]
        )
    for row in compiled.not_delivered:
        writer.writerow([year, row.report.department.name, row.standing_label, ""] + [""] * len(FIGURE_FIELDS))
    writer.writerow([year, _("Total (reported)"), "", ""] + [_value(compiled.totals[name]) for name in FIGURE_FIELDS])
    return BOM + buffer.getvalue()
