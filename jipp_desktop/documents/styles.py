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


# The most text one Paragraph holds. reportlab wraps again what is left of a paragraph at each
# page break, so the time grows with the square of its length (a profile with one summary of
# 400,000 characters took minutes); a long text goes into pieces of about this size instead.
PARAGRAPH_CHARS = 2000
# The most lines a table cell shows: a cell cannot break across pages, so a longer text would
# not fit one; the rest is marked as left out.
CELL_LINES = 30


def text_pieces(text: str, limit: int = PARAGRAPH_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut at a line end where one is near
    the limit, else after a sentence, else at a space, else anywhere (a word longer than that);
    the pieces read back as the text (a cut at whitespace drops that one character)."""
    pieces: list[str] = []
    while len(text) > limit:
        window = text[: limit + 1]
        cut = -1
        for pattern in ("\n", ". ", " "):
            at = window.rfind(pattern, limit // 2)
            if at >= 0:
                cut = at + (1 if pattern == ". " else 0)
                break
        if cut < 0:
            pieces.append(text[:limit])
            text = text[limit:]
        else:
            pieces.append(text[:cut])
            text = text[cut + 1 :]
    pieces.append(text)
    return pieces


def shown_in_cell(text: str, width: float, size: float) -> str:
    """A cell's text: as it is, or as much as ``CELL_LINES`` lines of a column ``width``
    points wide hold in a font of ``size`` points, with the number of characters left out
    ("… [+398.500]")."""
    most = int(CELL_LINES * max(width / (0.55 * size), 8))
    if len(text) <= most and text.count("\n") < CELL_LINES:
        return text
    head = "\n".join(text[:most].split("\n")[:CELL_LINES])
    return f"{head}… [+{len(text) - len(head):,}]".replace(",", ".")


def esc(text: object) -> str:
    """``text`` made safe for a Paragraph (markup characters escaped, line breaks kept)."""
    return escape(str(text)).replace("\n", "<br/>")


def pick(lang: str, id_text: str, en_text: str) -> str:
    """The Indonesian or the English text for ``lang``."""
    return en_text if lang == "en" else id_text
