"""The fonts every generated PDF uses. ReportLab's standard Type 1 fonts
cannot be relied on for å, ä and ö, so the Bitstream Vera TrueType fonts
that ship inside the ReportLab package are embedded instead (they cover
Latin-1)."""

from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(reportlab.__file__).parent / "fonts"
FONT = "PortalVera"
FONT_BOLD = "PortalVera-Bold"


def register_fonts() -> None:
    """Register FONT and FONT_BOLD once per process."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
