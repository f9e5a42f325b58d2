"""Texts as the store keeps them, and the key under which two titles are the same.

:func:`clean_text` is where every text an officer, a spreadsheet or a sync peer gives the
domain comes in (the innovation rules call it for each text field; the other services for
their names, numbers and notes). It returns the text in Unicode NFC with what cannot be seen
or printed taken out:

- control characters (NUL, BEL, ESC, … — a workbook cannot even hold them), but the line
  breaks of a multi-line text, which become ``\\n``, and its tabs;
- format and other default-ignorable characters: zero-width spaces and joiners, the soft
  hyphen, the byte-order mark, bidirectional overrides, invisible fillers, variation selectors;
- lone surrogates and noncharacters (no file format can carry them);
- and, on one line, every run of spaces (no-break and ideographic spaces too) as one space.

:func:`fold_key` is what titles are compared on: :func:`clean_text`, then compatibility forms
folded (NFKC: full-width letters, ligatures), case folded, accents dropped, a letter of another
script that looks like a Latin one (Cyrillic "а", Greek "ο", per Unicode's confusables data)
read as that Latin letter, and punctuation and spacing ignored.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from jipp_desktop.domain.errors import FieldError

# Default-ignorable code points that are not of category Cf (Cf is taken out as a whole):
# Hangul fillers, the combining grapheme joiner, Mongolian free variation selectors, variation
# selectors, and the braille blank, which shows as a space.
_IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
_BLANK_LOOKING = re.compile("[\u2800]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_NON_WORD = re.compile(r"[^\w]+")


def _drop(char: str) -> bool:
    """Whether ``char`` is taken out of a text (tab and line feed are decided by the caller)."""
    if char in "\t\n":
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Cs"):
        return True
    code = ord(char)
    # Noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


@cache
def _dropped_in(chars: frozenset[str]) -> frozenset[str]:
    return frozenset(c for c in chars if _drop(c))


def clean_text(value: str, *, multiline: bool = False) -> str:
    """``value`` as the store keeps it (see the module docstring); "" when nothing visible is
    left. A one-line text has single spaces and no spaces at its ends; a multi-line text keeps
    its lines (``\\n``) and tabs, without spaces at its ends."""
    if value.isascii() and value.isprintable():  # most texts: nothing to take out
        return " ".join(value.split()) if not multiline else value.strip()
    text = unicodedata.normalize("NFC", value) if not value.isascii() else value
    text = _LINE_BREAKS.sub("\n", text)
    if not text.isascii():
        text = _IGNORABLE.sub("", text)
        text = _BLANK_LOOKING.sub(" ", text)
    if not text.isprintable():
        dropped = _dropped_in(frozenset(text))
        if multiline:
            dropped = dropped - {"\n", "\t"}
        if dropped:
            text = "".join(c for c in text if c not in dropped)
    if not multiline:
        return " ".join(text.split())
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


@cache
def _latin_look_alikes() -> dict[str, str]:
    """Letter → the Latin letter it looks like, for the letters of other scripts that Unicode's
    confusables data lists as confusable with one Latin letter (read once, when first needed)."""
    from confusable_homoglyphs.confusables import confusables_data

    out: dict[str, str] = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii() or not char.isalpha():
            continue
        latin = sorted(h["c"].lower() for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii())
        latin = [c for c in latin if c.isalpha()]
        if latin:
            out[char] = latin[0]
    return out


def fold_key(text: str) -> str:
    """The key two texts share when they read the same (see the module docstring):
    "SI-PINTAR  (Layanan)", "si pintar layanan" and "SI‑PINTAR Lаyanan" (a Cyrillic а, a
    zero-width space) all give "si pintar layanan"."""
    text = clean_text(text)
    if text.isascii():
        plain = text.casefold()
    else:
        folded = unicodedata.normalize("NFKC", text).casefold()
        decomposed = unicodedata.normalize("NFKD", folded)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        if not plain.isascii():
            look_alikes = _latin_look_alikes()
            plain = "".join(look_alikes.get(c, c) for c in plain)
    return " ".join(_NON_WORD.sub(" ", plain).split())


def length_error(field: str, text: str, max_len: int) -> FieldError | None:
    """The error for a text longer than ``max_len`` characters (None when it fits)."""
    if len(text) <= max_len:
        return None
    return FieldError(
        field,
        f"terlalu panjang ({len(text)} karakter; paling banyak {max_len})",
        f"too long ({len(text)} characters; at most {max_len})",
    )
