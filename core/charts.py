"""Bar charts any app can draw: build a :class:`Series`, draw it with
:func:`bar_chart`; templates/statistics/_chart.html shows chart and table.

Horizontal bar charts as SVG, drawn on the server: no script, no
third-party request, and presentation attributes only (the
Content-Security-Policy forbids inline styles). The data table beside each
chart carries the information; the SVG repeats it for the eye.

Each row's label stands above its bars, in full: a long label ("Ungdomar som
befinner sig långt ifrån arbetsmarknaden") wraps onto more lines instead of
being cut."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe

# Narrow, so that on a phone the text shrinks little; portal.css caps how
# wide it grows on a large screen.
WIDTH = 420
FONT_SIZE = 15
LINE_HEIGHT = 19
BAR_HEIGHT = 18
GAP = 14
TOP = 8
LEGEND_LINE = 20
VALUE_ROOM = 80  # right of the longest bar, for its number
# Characters per label line: about 8 px a character at 15 px, with room to spare.
LINE_CHARS = 46
# Blue, orange and dark green: each at least 3:1 against white, told apart
# by the legend's order as well as by colour.
COLOURS = ("#1a5f8a", "#a34a00", "#2d6a2d")


@dataclass(frozen=True)
class Series:
    """One chart's data: labelled counts (or sums) in display order."""

    key: str
    title: str
    label_heading: str
    value_headings: tuple
    rows: list  # [(key, label, value, ...)]: key is a stable identifier
    # Which value columns the chart draws (same scale); the table shows all.
    charted: tuple = (0,)


def value_text(cell) -> str:
    """A bar's number as the table shows it: localised, and a falsy
    non-number (a median over nothing, shown as "–") as itself."""
    if cell is None:
        return "0"
    return escape(str(formats.localize(cell, use_l10n=True)))


def label_lines(label: str, width: int = LINE_CHARS) -> list[str]:
    """``label`` broken at spaces into lines of at most ``width`` characters;
    a single word longer than that keeps a line of its own, whole."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _legend(series, columns) -> tuple[list[str], int]:
    """The legend's entries, wrapped onto a new line when the next one would
    run past the right edge; returns the parts and their height."""
    if len(columns) < 2:
        return [], 0
    parts, x, y = [], 0, TOP
    for index, column in enumerate(columns):
        heading = escape(str(series.value_headings[column]))
        width = 30 + 8 * len(heading)
        if x > 0 and x + width > WIDTH:
            x, y = 0, y + LEGEND_LINE
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[index % len(COLOURS)]}"/>'
                     f'<text x="{x + 16}" y="{y + 11}" fill="#212529">{heading}</text>')
        x += width
    return parts, y - TOP + LEGEND_LINE + 6


def _row(row, y: float, columns, peak: float) -> tuple[list[str], float]:
    """One row: its label's lines, then one bar per charted column; returns
    the parts and the row's height."""
    lines = label_lines(str(row[1]))
    parts = [f'<text x="0" y="{y + (n + 1) * LINE_HEIGHT - 4}" fill="#212529">{escape(line)}</text>'
             for n, line in enumerate(lines)]
    bars_top = y + len(lines) * LINE_HEIGHT + 2
    plot = WIDTH - VALUE_ROOM
    for index, column in enumerate(columns):
        value = row[2 + column] or 0
        width = round(plot * value / peak, 1)
        bar_y = bars_top + index * BAR_HEIGHT
        parts.append(f'<rect x="0" y="{bar_y}" width="{width}" height="{BAR_HEIGHT - 2}" '
                     f'fill="{COLOURS[index % len(COLOURS)]}"/>'
                     f'<text x="{width + 6}" y="{bar_y + BAR_HEIGHT - 4}" fill="#212529">'
                     f'{value_text(row[2 + column])}</text>')
    return parts, bars_top - y + BAR_HEIGHT * len(columns) + GAP


def bar_chart(series) -> str:
    columns = series.charted
    values = [row[2 + c] or 0 for row in series.rows for c in columns]
    peak = max(values, default=0) or 1
    parts, legend = _legend(series, columns)
    y = TOP + legend
    for row in series.rows:
        row_parts, height = _row(row, y, columns, peak)
        parts += row_parts
        y += height
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stat-chart" viewBox="0 0 {WIDTH} {round(y)}" '
        f'width="100%" aria-hidden="true" focusable="false" font-family="system-ui, sans-serif" '
        f'font-size="{FONT_SIZE}">' + "".join(parts) + "</svg>"
    )
