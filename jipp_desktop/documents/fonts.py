"""The embedded fonts: DejaVu Sans (regular and bold) shipped in resources/fonts/."""

from __future__ import annotations

import threading
import unicodedata
from functools import cache
from importlib.resources import as_file, files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Registers the TTF fonts with reportlab once per process (safe from any thread).

    The fonts cover Indonesian text and common symbols; reportlab embeds the glyphs used.
    """
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            with as_file(files("resources") / "fonts" / filename) as path:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> inside a Paragraph picks the bold face of the family.
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_BOLD)
        addMapping(FONT, 0, 1, FONT)
        addMapping(FONT, 1, 1, FONT_BOLD)
        _registered = True


@cache
def _covered() -> frozenset[int]:
    """The code points both faces of the embedded font have a glyph for."""
    register_fonts()
    regular = pdfmetrics.getFont(FONT).face.charToGlyph
    bold = pdfmetrics.getFont(FONT_BOLD).face.charToGlyph
    return frozenset(regular) & frozenset(bold)


def unprintable(text: str) -> str | None:
    """The first character of ``text`` a document cannot print as it should, or None.

    DejaVu Sans has no CJK ideographs and few emoji (they would print as empty boxes);
    reportlab neither shapes Arabic nor orders right-to-left text (Arabic letters would print
    unjoined, Hebrew backwards), and writes the text layer of a character beyond U+FFFF wrongly
    (copied or searched, an emoji it draws reads as another character). Such characters are
    refused where a letter's text is entered.
    """
    if text.isascii():
        return None
    covered = _covered()
    for char in text:
        if char.isspace() or char.isascii():
            continue
        if (
            ord(char) > 0xFFFF  # reportlab writes their text (copy, search) wrongly
            or ord(char) not in covered
            or unicodedata.bidirectional(char) in ("R", "AL")
        ):
            return char
    return None
