"""The follow-up's figures as table rows: the twelve months as two chart
series (core.charts, drawn and tabled by templates/statistics/_chart.html,
the same rows in each CSV) and the comparison per department and per kind.

Cells are numbers (the template and the CSV localise them alike), shares as
text, and ``NO_FIGURE`` for a median with nothing to count: shown as "–",
drawn as no bar."""

from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from core.charts import Series

from .periods import month_starts
from .selectors import Figures

EMPTY = "–"
ANSWERS = "svar"
TIMES = "tid"
SERIES_KINDS = (ANSWERS, TIMES)


class _NoFigure:
    """A median over no requests: "–" in the table and the CSV, no bar in the chart."""

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return EMPTY

    __repr__ = __str__


NO_FIGURE = _NoFigure()


def median(value: float | None):
    if value is None:
        return NO_FIGURE
    return int(value) if value == int(value) else value


def percent(share: float | None) -> str:
    return EMPTY if share is None else f"{formats.number_format(round(share * 100), use_l10n=True)}\u00a0%"


def cell_text(value) -> str:
    """A cell as the page shows it (and the CSV writes it)."""
    return str(formats.localize(value, use_l10n=True))


def month_label(first_day: date, today: date) -> str:
    label = formats.date_format(first_day, "F Y")
    if (first_day.year, first_day.month) == (today.year, today.month):
        return _("%(month)s (ongoing)") % {"month": label}
    return label


def _answers(figures: Figures) -> tuple:
    return figures.in_time, figures.late, figures.unanswered, percent(figures.share_in_time)


def _times(figures: Figures) -> tuple:
    return median(figures.median_first_response), median(figures.median_decision)


def month_series(by_month: dict, *, which: str, key: str, today: date) -> Series:
    """Every one of the twelve months, oldest first; a month without
    requests shows 0 and "–". ``which`` is ANSWERS or TIMES."""
    cells = _answers if which == ANSWERS else _times
    rows = [(f"{first:%Y-%m}", month_label(first, today), *cells(by_month.get(first, Figures())))
            for first in month_starts(today)]
    if which == ANSWERS:
        return Series(key, _("First responses within the deadline per month"), _("Month"),
                      (_("Response in time"), _("Late response"), _("No response"), _("Share in time")), rows,
                      charted=(0, 1, 2))
    return Series(key, _("Median working days per month"), _("Month"),
                  (_("To first response"), _("To decision")), rows, charted=(0, 1))


def breakdown_headings() -> tuple:
    return (
        _("Deadline in the twelve months"), _("Answered in time"), _("Share in time"),
        _("Median working days to first response"), _("Median working days to decision"), _("Overdue now"),
    )


def breakdown_rows(figures: dict, choices) -> list[tuple]:
    """One row per department or kind the viewer may choose, in its order."""
    rows = []
    for choice in choices:
        found = figures.get(choice.pk, Figures(overdue_now=0))
        rows.append((str(choice), found.total, found.in_time, percent(found.share_in_time),
                     median(found.median_first_response), median(found.median_decision), found.overdue_now))
    return rows
