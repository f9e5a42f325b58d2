"""The embedded fonts: DejaVu Sans (regular and bold) shipped in resources/fonts/."""

from __future__ import annotations

import threading
from importlib.resources import as_file, files

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from jipp_desktop.domain.printable import FONT_FILES

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FILES = dict(zip((FONT, FONT_BOLD), FONT_FILES, strict=True))
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Registers the TTF fonts with reportlab once per process (safe from any thread).

    The fonts cover Indonesian text and common symbols; reportlab embeds the glyphs used.
    What they cannot print is refused where text is entered (``domain.printable``).
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
