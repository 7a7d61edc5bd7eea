"""PDF documents: the compiled report for Kommunstyrelsen, the review basis,
and (for demo data) a policy document.

ReportLab installs from pip alone; the fonts are ``core.pdf_fonts``'.
"""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.pdf_fonts import FONT, FONT_BOLD, register_fonts

from .models import FIGURE_FIELDS, DepartmentReport

AUTHOR = "Sotenäs kommun"


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle("PortalBody", parent=base["BodyText"], fontName=FONT, fontSize=10, leading=14)
    return {
        "title": ParagraphStyle("PortalTitle", parent=base["Title"], fontName=FONT_BOLD, fontSize=18, leading=22),
        "h2": ParagraphStyle("PortalH2", parent=base["Heading2"], fontName=FONT_BOLD, fontSize=14, leading=18),
        "h3": ParagraphStyle("PortalH3", parent=base["Heading3"], fontName=FONT_BOLD, fontSize=11, leading=15),
        "body": body,
        "small": ParagraphStyle("PortalSmall", parent=body, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("PortalCell", parent=body, fontSize=9, leading=12),
        "number": ParagraphStyle("PortalNumber", parent=body, fontSize=9, leading=12, alignment=TA_RIGHT),
    }


def text(value) -> str:
    """Plain text made safe for a ReportLab paragraph, keeping line breaks."""
    return escape(str(value if value is not None else "–")).replace("\n", "<br/>")


def number(value, decimals: int = 0) -> str:
    if value is None:
        return "–"
    return number_format(value, decimal_pos=decimals, force_grouping=True)


def figure(report_or_totals, name: str) -> str:
    value = report_or_totals[name] if isinstance(report_or_totals, dict) else getattr(report_or_totals, name)
    return number(value)


def figure_label(name: str) -> str:
    return capfirst(str(DepartmentReport._meta.get_field(name).verbose_name))


def _table(rows, styles, col_widths=None, header=True, numbers_from: int | None = 1) -> Table:
    """A grid; columns from ``numbers_from`` on hold numbers, set flush right."""
    cells = [
        [
            Paragraph(text(cell), styles["number" if numbers_from is not None and index >= numbers_from else "cell"])
            for index, cell in enumerate(row)
        ]
        for row in rows
    ]
    table = Table(cells, colWidths=col_widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")))
    table.setStyle(TableStyle(commands))
    return table


def _build(story, *, title: str, subject: str = "") -> bytes:
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author=AUTHOR, subject=subject, creator=AUTHOR,
        leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm, lang="sv",
    )
    document.build(story)
    return buffer.getvalue()


def _figures_table(source, styles) -> Table:
    rows = [[_("Figure"), _("Value")]]
    rows += [[figure_label(name), figure(source, name)] for name in FIGURE_FIELDS]
    return _table(rows, styles, col_widths=[120 * mm, 40 * mm])


def compiled_report_pdf(compiled) -> bytes:
    """The compiled report of a round, for Kommunstyrelsen's agenda."""
    styles = _styles()
    year = compiled.reporting_round.year
    title = _("Implementation of the policy on the social economy: compiled report for %(year)s") % {"year": year}
    registry = compiled.registry
    story = [
        Paragraph(text(title), styles["title"]),
        Paragraph(text(_("Sotenäs municipality, Kommunstyrelsen")), styles["body"]),
        Spacer(1, 4 * mm),
        Paragraph(text(_("Introduction")), styles["h2"]),
        Paragraph(text(_(
            "Every department and municipal company describes each year how it acted to implement the policy. "
            "%(delivered)s of %(total)s have reported for %(year)s."
        ) % {"delivered": len(compiled.delivered), "total": len(compiled.delivered) + len(compiled.not_delivered),
             "year": year}), styles["body"]),
        Spacer(1, 3 * mm),
        _figures_table(compiled.totals, styles),
        Spacer(1, 3 * mm),
        _table(
            [
                [_("The registry"), _("Value")],
                [_("Published enterprises at the end of the year"), number(registry.enterprises)],
                [_("Growth over the year"), number(registry.growth)],
                [_("Verified work-integrating social enterprises (ASF)"), number(registry.verified_asf)],
                [_("Employees, by the figures for %(year)s") % {"year": registry.year}, number(registry.employees)],
                [_("of whom from the target groups"), number(registry.employees_from_target_groups)],
                [_("Participants in work training or rehabilitation"), number(registry.participants)],
                [_("Enterprises without figures for the year"), number(registry.figures_missing)],
            ],
            styles, col_widths=[120 * mm, 40 * mm],
        ),
        Paragraph(text(_("The departments' and companies' reports")), styles["h2"]),
    ]
    for report in compiled.delivered:
        story.append(KeepTogether([Paragraph(text(report.department.name), styles["h3"])]))
        story += _report_body(report, styles)
    story.append(Paragraph(text(_("Did not report")), styles["h2"]))
    if compiled.not_delivered:
        rows = [[_("Department or company"), _("Status")]]
        rows += [[row.report.department.name, row.standing_label] for row in compiled.not_delivered]
        story.append(_table(rows, styles, col_widths=[110 * mm, 50 * mm], numbers_from=None))
    else:
        story.append(Paragraph(text(_("Every department and company has reported.")), styles["body"]))
    return _build(story, title=title, subject=_("Compiled annual report"))


def _report_body(report, styles) -> list:
    parts = [Paragraph(text(report.description), styles["body"]), Spacer(1, 2 * mm)]
    if report.cooperation_description:
        parts += [
            Paragraph(text(_("Dialogue and cooperation")), styles["small"]),
            Paragraph(text(report.cooperation_description), styles["body"]),
        ]
    parts += [
        Paragraph(text(_("Plans for next year")), styles["small"]),
        Paragraph(text(report.plans_next_year), styles["body"]),
        Spacer(1, 2 * mm),
        _figures_table(report, styles),
        Spacer(1, 4 * mm),
    ]
    return parts


def review_basis_pdf(basis) -> bytes:
    """The basis for the two-year follow-up and evaluation of a version."""
    styles = _styles()
    version = basis.version
    title = _("Basis for the follow-up and evaluation of the policy")
    story = [
        Paragraph(text(title), styles["title"]),
        Paragraph(text(f"{version.title} ({version.decision_reference})"), styles["body"]),
        Paragraph(text(_("Period: %(start)s – %(end)s") % {
            "start": date_format(basis.period_start, "Y-m-d"), "end": date_format(basis.period_end, "Y-m-d")
        }), styles["body"]),
        Paragraph(text(_("The annual reports")), styles["h2"]),
    ]
    if not basis.rounds:
        story.append(Paragraph(text(_("No reporting rounds in the period yet.")), styles["body"]))
    for summary in basis.rounds:
        story.append(Paragraph(text(_("Reports for %(year)s") % {"year": summary.reporting_round.year}), styles["h3"]))
        story.append(Paragraph(text(_("%(delivered)s of %(total)s reported.") % {
            "delivered": len(summary.delivered), "total": len(summary.reports)}), styles["body"]))
        for report in summary.delivered:
            story.append(Paragraph(f"<b>{text(report.department.name)}</b>", styles["body"]))
            story.append(Paragraph(text(report.description), styles["body"]))
        if summary.not_delivered:
            names = ", ".join(report.department.name for report in summary.not_delivered)
            story.append(Paragraph(text(_("Did not report: %(names)s") % {"names": names}), styles["small"]))
    story.append(Paragraph(text(_("The registry, year by year")), styles["h2"]))
    rows = [[_("Year"), _("Enterprises"), _("Growth"), _("Verified ASF"), _("Employees"),
             _("of whom from the target groups"), _("Participants"), _("Enterprises without figures for the year")]]
    rows += [
        [str(row.year), number(row.enterprises), number(row.growth), number(row.verified_asf), number(row.employees),
         number(row.employees_from_target_groups), number(row.participants), number(row.figures_missing)]
        for row in basis.registry
    ]
    story.append(_table(rows, styles))
    story += _requests_section(basis, styles)
    story.append(Paragraph(text(_("Agreements per department (as reported)")), styles["h2"]))
    rows = [[_("Department or company")] + [str(year) for year in basis.round_years]]
    for department, cells in basis.agreement_rows:
        rows.append([department.name] + [
            "–" if cell is None else _("%(count)s (%(value)s kr)") % {"count": cell[0], "value": number(cell[1])}
            for cell in cells
        ])
    story.append(_table(rows, styles))
    story.append(Paragraph(text(_("The policy's statements and the evidence")), styles["h2"]))
    for statement in basis.statements:
        story.append(Paragraph(f"<b>{statement.position}.</b> {text(statement.text)}", styles["body"]))
        evidence = list(statement.evidence.all())
        if not evidence:
            story.append(Paragraph(text(_("No evidence recorded yet.")), styles["small"]))
        for item in evidence:
            cited = ", ".join(f"{r.department.name} {r.reporting_round.year}" for r in item.reports.all())
            story.append(Paragraph("• " + text(item.text) + (f" <i>({text(cited)})</i>" if cited else ""),
                                   styles["body"]))
        story.append(Spacer(1, 2 * mm))
    return _build(story, title=title, subject=str(version))


def _requests_section(basis, styles) -> list:
    requests = basis.requests
    parts = [Paragraph(text(_("Support requests")), styles["h2"])]
    if basis.rounds:
        rows = [[_("Year"), _("Handled"), _("Decided")]] + [
            [str(summary.reporting_round.year), number(summary.totals["requests_handled"]),
             number(summary.totals["requests_decided"])]
            for summary in basis.rounds
        ]
        parts += [Paragraph(text(_("Support requests as reported by the departments")), styles["small"]),
                  _table(rows, styles, col_widths=[40 * mm, 40 * mm, 40 * mm]), Spacer(1, 2 * mm)]
    median = requests["median_days_to_decision"]
    parts.append(Paragraph(text(_("%(volume)s requests; median time to decision: %(median)s days.") % {
        "volume": requests["volume"], "median": number(median, 1) if median is not None else "–"}), styles["body"]))
    for heading, key in ((_("Kinds"), "by_kind"), (_("Outcomes"), "by_outcome")):
        if requests[key]:
            rows = [[heading, _("Number")]] + [[str(label), number(count)] for label, count in requests[key]]
            parts.append(_table(rows, styles, col_widths=[120 * mm, 40 * mm]))
            parts.append(Spacer(1, 2 * mm))
    return parts


def policy_document_pdf(*, title: str, reference: str, statements: list[str], introduction: str = "") -> bytes:
    """A simple policy document (the demo data's stand-in for the adopted PDF)."""
    styles = _styles()
    story = [Paragraph(text(title), styles["title"]), Paragraph(text(reference), styles["body"])]
    if introduction:
        story.append(Paragraph(text(introduction), styles["body"]))
    story.append(Paragraph("Policy", styles["h2"]))
    story += [Paragraph("• " + text(statement), styles["body"]) for statement in statements]
    return _build(story, title=title, subject=reference)
