"""Paragraph styles and text helpers shared by the letter and the reports."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle

from jipp_desktop.documents.fonts import FONT, FONT_BOLD, register_fonts

# Paragraphs look their fonts up when they are made, so the fonts are there before any style.
register_fonts()

INK = colors.HexColor("#1f2933")
RULE = colors.HexColor("#52606d")
HEADER_FILL = colors.HexColor("#e4e7eb")
ZEBRA_FILL = colors.HexColor("#f5f7fa")

BODY = ParagraphStyle("Body", fontName=FONT, fontSize=10, leading=14, textColor=INK)
JUSTIFIED = ParagraphStyle("Justified", parent=BODY, alignment=TA_JUSTIFY)
TITLE = ParagraphStyle(
    "Title", parent=BODY, fontName=FONT_BOLD, fontSize=14, leading=18, alignment=TA_CENTER
)
SUBTITLE = ParagraphStyle("Subtitle", parent=BODY, alignment=TA_CENTER)
HEADING = ParagraphStyle(
    "Heading",
    parent=BODY,
    fontName=FONT_BOLD,
    fontSize=11.5,
    leading=15,
    spaceBefore=8,
    spaceAfter=4,
)
CENTER = ParagraphStyle("Center", parent=BODY, alignment=TA_CENTER)
CELL = ParagraphStyle("Cell", parent=BODY, fontSize=8.5, leading=10.5)
CELL_BOLD = ParagraphStyle("CellBold", parent=CELL, fontName=FONT_BOLD)
HEAD = ParagraphStyle("Head", parent=CELL_BOLD, fontSize=7.5, leading=9)


def esc(text: object) -> str:
    """``text`` made safe for a Paragraph (markup characters escaped, line breaks kept)."""
    return escape(str(text)).replace("\n", "<br/>")


def pick(lang: str, id_text: str, en_text: str) -> str:
    """The Indonesian or the English text for ``lang``."""
    return en_text if lang == "en" else id_text
