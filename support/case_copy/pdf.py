"""The copy as a PDF (ReportLab), always in Swedish, with the withheld
values set apart in bold and the fonts embedded."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.pdf_fonts import FONT, FONT_BOLD, register_fonts

from .content import CopyContent, Value, format_date
from .text import AUTHOR, internal_notes_notice, left_out_lines


def _styles() -> dict:
    register_fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle("CopyBody", parent=base["BodyText"], fontName=FONT, fontSize=10, leading=14)
    return {
        "title": ParagraphStyle("CopyTitle", parent=base["Title"], fontName=FONT_BOLD, fontSize=16, leading=20),
        "h2": ParagraphStyle("CopyH2", parent=base["Heading2"], fontName=FONT_BOLD, fontSize=13, leading=17),
        "h3": ParagraphStyle("CopyH3", parent=base["Heading3"], fontName=FONT_BOLD, fontSize=10.5, leading=14),
        "body": body,
        "masked": ParagraphStyle("CopyMasked", parent=body, fontName=FONT_BOLD, textColor=colors.HexColor("#7a1c1c")),
        "cell": ParagraphStyle("CopyCell", parent=body, fontSize=9, leading=12),
    }


def _para(value, styles, style: str = "body") -> Paragraph:
    masked = isinstance(value, Value) and value.masked
    text = escape(str(value)).replace("\n", "<br/>")
    return Paragraph(text or "–", styles["masked" if masked else style])


def _grid(rows, styles, widths) -> Table:
    table = Table([[_para(cell, styles, "cell") for cell in row] for row in rows], colWidths=widths,
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
    ]))
    return table


def copy_pdf(content: CopyContent, *, note: str = "") -> bytes:
    with translation.override("sv"):
        return _pdf(content, note=note)


def _pdf(content: CopyContent, *, note: str) -> bytes:
    styles = _styles()
    title = _("Copy of a public record: %(number)s") % {"number": content.number}
    story = [
        Paragraph(escape(title), styles["title"]),
        _para(content.title, styles),
        _para(_("Produced by %(author)s on %(date)s.") % {"author": AUTHOR, "date": format_date(content.produced_at)},
              styles),
    ]
    if note:
        story.append(_para(_("Requested by: %(note)s") % {"note": note}, styles))
    story += [_para(internal_notes_notice(content), styles), Spacer(1, 3 * mm),
              Paragraph(escape(_("The case")), styles["h2"])]
    story.append(_grid([[_("Information"), _("Value")], *content.facts], styles, [55 * mm, 115 * mm]))
    story.append(Paragraph(escape(_("Documents of the case")), styles["h2"]))
    if content.documents:
        header = [_("No."), _("Date"), _("Direction"), _("Kind"), _("Sender or recipient"), _("Description")]
        story.append(_grid([header, *content.documents], styles,
                           [10 * mm, 22 * mm, 22 * mm, 30 * mm, 36 * mm, 50 * mm]))
    else:
        story.append(_para(_("No documents are listed."), styles))
    story.append(Paragraph(escape(_("History")), styles["h2"]))
    for entry in content.history:
        story.append(_para(entry.heading, styles, "h3"))
        if str(entry.body):
            story.append(_para(entry.body, styles))
    if not content.history:
        story.append(_para(_("No steps are recorded."), styles))
    story.append(Paragraph(escape(_("Conversation")), styles["h2"]))
    for entry in content.conversation:
        story += [_para(entry.heading, styles, "h3"), _para(entry.body, styles)]
        story += [_para(_("Attachment: %(name)s") % {"name": name}, styles) for name in entry.files]
    if not content.conversation:
        story.append(_para(_("No messages."), styles))
    story.append(Paragraph(escape(_("Attachments")), styles["h2"]))
    for number, (value, _stored, _name) in enumerate(content.attachments, start=1):
        story.append(_para(Value(f"{number}. {value}") if not value.masked else value, styles))
    if not content.attachments:
        story.append(_para(_("No attachments."), styles))
    lines = left_out_lines(content)
    story.append(Paragraph(escape(lines[0]), styles["h2"]))
    story += [_para(line, styles) for line in lines[2:]]
    buffer = BytesIO()
    SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author=AUTHOR, subject=_("Copy of a public record"), creator=AUTHOR,
        leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm, lang="sv",
    ).build(story)
    return buffer.getvalue()
