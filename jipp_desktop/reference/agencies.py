"""The central ministries and agencies (kementerian and lembaga) shipped in
resources/agencies/central.csv (its SOURCE.md names the official lists), with their short
forms and, for bodies divided or renamed, the day their name ended."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class CentralAgency:
    """A row of resources/agencies/central.csv.

    Attributes:
        name: the official name (its id is the UUID5 of it, like every reference agency).
        short_forms: the usual short forms ("Kemenkumham", "ATR/BPN").
        kind: "ministry" or "agency".
        parent: the name of the body it belongs to, if any.
        until: the last day of this name (a body divided or renamed), None while it exists.
        basis: the law or regulation that sets it up, where known.
    """

    name: str
    short_forms: tuple[str, ...]
    kind: str
    parent: str | None
    until: date | None
    basis: str


def central_csv() -> str:
    """The file's text (also part of the reference data's version)."""
    return (files("resources") / "agencies" / "central.csv").read_text(encoding="utf-8")


@cache
def central_agencies() -> tuple[CentralAgency, ...]:
    """Every central ministry and agency, parents before the bodies under them."""
    rows = [
        CentralAgency(
            r["name"],
            tuple(s for s in r["short_forms"].split("|") if s),
            r["kind"],
            r["parent"] or None,
            date.fromisoformat(r["until"]) if r["until"] else None,
            r["basis"],
        )
        for r in csv.DictReader(io.StringIO(central_csv()))
    ]
    return tuple(sorted(rows, key=lambda a: a.parent is not None))
