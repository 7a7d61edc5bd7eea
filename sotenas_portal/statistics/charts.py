"""Horizontal bar charts as SVG, drawn on the server: no script, no
third-party request, and presentation attributes only (the
Content-Security-Policy forbids inline styles). The data table beside each
chart carries the information; the SVG repeats it for the eye."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT = 18
GAP = 10
TOP = 8
# Blue, orange and dark green: each at least 3:1 against white, told apart
# by the legend's order as well as by colour.
COLOURS = ("#1a5f8a", "#a34a00", "#2d6a2d")
MAX_LABEL = 34


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def bar_chart(series) -> str:
    columns = series.charted
    values = [row[2 + c] or 0 for row in series.rows for c in columns]
    peak = max(values, default=0) or 1
    plot = WIDTH - LABEL_WIDTH - 70
    group = BAR_HEIGHT * len(columns) + GAP
    legend = 24 if len(columns) > 1 else 0
    height = TOP + legend + group * max(len(series.rows), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="stat-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-hidden="true" focusable="false" font-family="system-ui, sans-serif" font-size="13">'
    ]
    if legend:
        x = LABEL_WIDTH
        for index, column in enumerate(columns):
            heading = escape(str(series.value_headings[column]))
            parts.append(f'<rect x="{x}" y="{TOP}" width="12" height="12" fill="{COLOURS[index]}"/>'
                         f'<text x="{x + 16}" y="{TOP + 11}" fill="#212529">{heading}</text>')
            x += 30 + 8 * len(heading)
    for i, row in enumerate(series.rows):
        y = TOP + legend + i * group
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * len(columns) / 2 + 4}" '
                     f'text-anchor="end" fill="#212529">{escape(_short(str(row[1])))}</text>')
        for index, column in enumerate(columns):
            value = row[2 + column] or 0
            width = round(plot * value / peak, 1)
            bar_y = y + index * BAR_HEIGHT
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{width}" height="{BAR_HEIGHT - 2}" '
                         f'fill="{COLOURS[index % len(COLOURS)]}"/>'
                         f'<text x="{LABEL_WIDTH + width + 6}" y="{bar_y + BAR_HEIGHT - 5}" fill="#212529">'
                         f'{value}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
