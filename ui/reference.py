"""Reference data the GUI's dropdowns need (regions, agencies), read once and kept until the
data behind it changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from jipp_desktop.db.engine import Database


@dataclass(frozen=True)
class Choice:
    """One entry of a dropdown: the stored value and what the officer reads."""

    value: str
    text: str


class ReferenceCache:
    """Provinces, regencies/cities and agencies for dropdowns, loaded on first use.

    Call :meth:`forget_agencies` when agencies change.
    """

    def __init__(self, db: Callable[[], Database]) -> None:
        """``db`` gives the store when agencies are first read (regions come from the shipped
        list, so a province filter needs no store)."""
        self._db = db
        self._regions: list[tuple[str, str, str, str | None]] | None = None
        self._agencies: list[Choice] | None = None
        self._agency_regions: dict[str, str | None] = {}

    def _load_regions(self) -> list[tuple[str, str, str, str | None]]:
        if self._regions is None:
            from jipp_desktop.reference.seed import regions

            # The store's regions are exactly the shipped reference list.
            self._regions = [(r.code, r.name, r.level, r.parent_code) for r in regions()]
        return self._regions

    def provinces(self) -> list[Choice]:
        """The 38 provinces, by name."""
        rows = [r for r in self._load_regions() if r[2] == "province"]
        return sorted((Choice(r[0], r[1]) for r in rows), key=lambda c: c.text)

    def regencies_of(self, province_code: str) -> list[Choice]:
        """The regencies and cities of a province, by name."""
        rows = [r for r in self._load_regions() if r[3] == province_code]
        return sorted((Choice(r[0], r[1]) for r in rows), key=lambda c: c.text)

    def regions(self) -> list[Choice]:
        """Every region, provinces first then each one's regencies and cities."""
        out: list[Choice] = []
        for p in self.provinces():
            out.append(Choice(p.value, p.text))
            out += [Choice(c.value, f"{c.text} — {p.text}") for c in self.regencies_of(p.value)]
        return out

    def region_name(self, code: str | None) -> str:
        """The name of a region code ("" when blank or unknown)."""
        for r in self._load_regions():
            if r[0] == code:
                return r[1]
        return ""

    def agencies(self) -> list[Choice]:
        """Every agency, by name."""
        if self._agencies is None:
            from jipp_desktop.services.agencies import find_agencies

            with self._db().session() as s:
                found = find_agencies(s)
                self._agencies = [Choice(a.id, a.name) for a in found]
                self._agency_regions = {a.id: a.region_code for a in found}
        return self._agencies

    def agency_region(self, agency_id: str | None) -> str | None:
        """The region code of an agency (None for a central one or when unknown)."""
        self.agencies()
        return self._agency_regions.get(agency_id or "")

    def agency_name(self, agency_id: str | None) -> str:
        """The name of an agency id."""
        return next((a.text for a in self.agencies() if a.value == agency_id), "")

    def forget_agencies(self) -> None:
        """Drops the cached agencies (they changed)."""
        self._agencies = None
        self._agency_regions = {}
