"""Named report periods ("bulan ini", "tahun lalu", …): what the verification report's preset
choice in the GUI and ``report verification --period NAME`` on the command line turn into a
start and an end date.

A period is counted in whole calendar days of Indonesia's western time (WIB, UTC+7), where the
officers' working day is; a period never ends after today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from jipp_desktop.language import pick

WIB = timedelta(hours=7)


@dataclass(frozen=True)
class Period:
    """A named period: its command-line name and its words in each language."""

    name: str
    label_id: str
    label_en: str

    def label(self, lang: str | None = None) -> str:
        """The period's name for the officer, in ``lang`` (else the current language)."""
        if lang is None:
            return pick(self.label_id, self.label_en)
        return self.label_en if lang == "en" else self.label_id


PERIODS: tuple[Period, ...] = (
    Period("this-month", "Bulan ini", "This month"),
    Period("last-month", "Bulan lalu", "Last month"),
    Period("this-quarter", "Triwulan ini", "This quarter"),
    Period("last-quarter", "Triwulan lalu", "Last quarter"),
    Period("this-year", "Tahun ini", "This year"),
    Period("last-year", "Tahun lalu", "Last year"),
    Period("last-12-months", "12 bulan terakhir", "Last 12 months"),
    Period("all", "Seluruh periode", "All time"),
)
PERIOD_NAMES = tuple(p.name for p in PERIODS)


def today_wib(now: datetime | None = None) -> date:
    """Today's date in Indonesia's western time."""
    return ((now or datetime.now(UTC)).astimezone(UTC) + WIB).date()


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _months_back(day: date, months: int) -> date:
    """The first of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def period_dates(name: str, today: date | None = None) -> tuple[date | None, date | None]:
    """The first and last day of the named period (both None for "all").

    Raises:
        KeyError: ``name`` is not one of PERIOD_NAMES.
    """
    if name not in PERIOD_NAMES:
        raise KeyError(name)
    day = today or today_wib()
    month = date(day.year, day.month, 1)
    quarter = _quarter_start(day)
    ranges: dict[str, tuple[date | None, date | None]] = {
        "this-month": (month, day),
        "last-month": (_months_back(day, 1), month - timedelta(days=1)),
        "this-quarter": (quarter, day),
        "last-quarter": (_months_back(quarter, 3), quarter - timedelta(days=1)),
        "this-year": (date(day.year, 1, 1), day),
        "last-year": (date(day.year - 1, 1, 1), date(day.year - 1, 12, 31)),
        "last-12-months": (_months_back(day, 11), day),
        "all": (None, None),
    }
    return ranges[name]
