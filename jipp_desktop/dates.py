"""Dates as an officer reads them, from Babel's locale data."""

from __future__ import annotations

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
