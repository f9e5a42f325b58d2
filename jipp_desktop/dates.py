"""Dates as an officer reads them, from Babel's locale data."""

from __future__ import annotations

import re
from datetime import date, datetime

from babel.dates import format_date

# Babel's "full" style zero-pads the day in Indonesian ("Senin, 01 Januari 2024"); letters and
# reports write "Senin, 1 Januari 2024", so the pattern is spelled out.
LONG_PATTERN = "EEEE, d MMMM y"


def long_date(value: date | datetime | None, lang: str = "id") -> str:
    """A date written out with its weekday: "Jumat, 20 Oktober 2023" / "Friday, 20 October 2023"."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, LONG_PATTERN, locale=lang)


class DateTextError(ValueError):
    """Typed text that is no date; the message is bilingual (``message(lang)``)."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(en_text)
        self.id = id_text
        self.en = en_text

    def message(self, lang: str = "id") -> str:
        """The message in ``lang``."""
        return self.en if lang == "en" else self.id


def _month_words() -> dict[str, int]:
    """Month names and abbreviations of both languages (Babel's), lower case → month."""
    from babel.dates import get_month_names

    words: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                words[name.lower().rstrip(".")] = number
    words["agt"] = 8  # the other common Indonesian abbreviation of Agustus
    return words


_NUMERIC = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s*[\s.\-/]\s*([^\W\d_]+)\.?\s*[\s.\-/,]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> date | None:
    """A date typed the Indonesian way: day, month, year — ``12/03/2025``, ``12-3-2025``,
    ``12.3.2025``, ``12 Maret 2025``, ``12 Mar 2025`` (English month names too), or ISO
    ``2025-03-12``. An optional weekday in front is ignored ("Rabu, 12 Maret 2025").

    Returns:
        The date, or None for blank text.

    Raises:
        DateTextError: the text is no date, or names a day the month does not have.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    if "," in cleaned and not cleaned[0].isdigit():
        cleaned = cleaned.split(",", 1)[1].strip()
    day_month_year: tuple[int, int, int] | None = None
    if m := _NUMERIC.match(cleaned):
        day_month_year = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _ISO.match(cleaned):
        day_month_year = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _WORDS.match(cleaned):
        month = _month_words().get(m[2].lower())
        if month is None:
            raise DateTextError(
                f"\u201c{m[2]}\u201d bukan nama bulan",
                f"\u201c{m[2]}\u201d is not the name of a month",
            )
        day_month_year = (int(m[1]), month, int(m[3]))
    if day_month_year is None:
        raise DateTextError(
            f"\u201c{text.strip()}\u201d bukan tanggal; tulis misalnya 12/03/2025 atau "
            "12 Maret 2025",
            f"\u201c{text.strip()}\u201d is not a date; write e.g. 12/03/2025 or 12 March 2025",
        )
    day, month, year = day_month_year
    try:
        return date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise DateTextError(
                f"bulan {month} tidak ada (1–12)", f"there is no month {month} (1–12)"
            ) from None
        first = date(year, month, 1)
        raise DateTextError(
            f"tanggal {day} tidak ada pada {format_date(first, 'MMMM y', locale='id')}",
            f"there is no day {day} in {format_date(first, 'MMMM y', locale='en')}",
        ) from None
