"""What the documents can print: the characters the embedded font (DejaVu Sans, regular and
bold, in resources/fonts/) has glyphs for, minus what reportlab cannot lay out.

A text that must reach a PDF (an innovation's fields and awards, an agency's name and address,
a decision's notes, a hub's decree, a letter, a letterhead) is refused where it is entered when
it holds a character that would print as an empty box or wrongly, with the character named,
rather than printed wrong later. The font is read only for text beyond the Latin letters and
punctuation Indonesian uses (which it covers), so the common case costs no font parsing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import as_file, files

from jipp_desktop.domain.errors import FieldError

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
# Latin-1 and Latin Extended-A, the dashes, quotes, bullets and ellipsis, the euro and the
# numero sign: in both faces, so a text made only of these (and ASCII) needs no look into the
# font. One search finds the first character outside them.
_UNKNOWN = re.compile("[^\x00-\x7f\u00a0-\u017f\u2010-\u2026\u20ac\u2116]")


@cache
def _covered() -> frozenset[int]:
    """The code points both faces of the embedded font have a glyph for."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    faces = []
    for name in FONT_FILES:
        with as_file(files("resources") / "fonts" / name) as path:
            faces.append(frozenset(TTFontFile(str(path)).charToGlyph))
    return faces[0] & faces[1]


def unprintable(text: str) -> str | None:
    """The first character of ``text`` a document cannot print as it should, or None.

    DejaVu Sans has no CJK ideographs (nor their spaces) and few emoji (they would print as
    empty boxes); reportlab neither shapes Arabic nor orders right-to-left text (Arabic letters
    would print unjoined, Hebrew backwards), and writes the text layer of a character beyond
    U+FFFF wrongly (copied or searched, an emoji it draws reads as another character).
    """
    found = _UNKNOWN.search(text)
    while found is not None:
        char = found.group()
        code = ord(char)
        if (
            code > 0xFFFF  # reportlab writes their text (copy, search) wrongly
            or code not in _covered()
            or unicodedata.bidirectional(char) in ("R", "AL")
        ):
            return char
        found = _UNKNOWN.search(text, found.end())
    return None


def unprintable_error(field: str, text: str, where_id: str, where_en: str) -> FieldError | None:
    """The error naming the first character of ``text`` that ``where`` (e.g. "surat" /
    "the letter") cannot print, or None."""
    char = unprintable(text)
    if char is None:
        return None
    code = f"U+{ord(char):04X}"
    return FieldError(
        field,
        f"karakter {char!r} ({code}) tidak dapat dicetak pada {where_id} (huruf dokumen tidak "
        "memuat aksara CJK, emoji, Arab atau Ibrani); ganti atau hapus karakter itu",
        f"the character {char!r} ({code}) cannot be printed in {where_en} (the documents' font "
        "has no CJK, emoji, Arabic or Hebrew script); replace or remove it",
    )
