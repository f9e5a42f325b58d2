"""Loads the reference data into a store: regions, the regional governments and the ministries
as agencies, and the published hub designations.

Reference records get deterministic ids (UUID5 of their name), so every device and the registry
agree on them and seeding twice changes nothing. They are marked as already synced.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Hub, Region, utcnow
from jipp_desktop.reference.hubs import MINISTRY_OF_REFORM, designations, province_agency_name

NAMESPACE = uuid.UUID("5b0f7a3c-6a57-4d0e-9a51-4a1f3c0e7d21")


def reference_id(kind: str, name: str) -> str:
    """The deterministic id of a reference record."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{name}"))


@dataclass(frozen=True)
class RegionRow:
    """A row of resources/regions/regions.csv."""

    code: str
    name: str
    level: str
    parent_code: str | None


@cache
def regions() -> tuple[RegionRow, ...]:
    """The 38 provinces and 514 regencies/cities shipped in resources/."""
    text = (files("resources") / "regions" / "regions.csv").read_text(encoding="utf-8")
    return tuple(
        RegionRow(r["code"], r["name"], r["level"], r["parent_code"] or None)
        for r in csv.DictReader(io.StringIO(text))
    )


def regional_government_name(region: RegionRow) -> str:
    """The agency name of a region's government ("Pemerintah Kota Denpasar")."""
    if region.level == "province":
        return province_agency_name(region.name)
    return f"Pemerintah {region.name}"


def seed_reference_data(session: Session) -> None:
    """Inserts whatever reference data the store lacks."""
    if session.scalar(select(func.count()).select_from(Region)) == 0:
        session.execute(
            insert(Region),
            [
                {"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code}
                for r in regions()
            ],
        )
    now = utcnow()
    have = set(session.scalars(select(Agency.id)))
    agencies = [(regional_government_name(r), r.level, r.code) for r in regions()] + [
        (MINISTRY_OF_REFORM, "ministry", None)
    ]
    agencies += [(d.agency_name, d.kind, None) for d in designations() if d.kind != "province"]
    rows = []
    for name, kind, code in agencies:
        aid = reference_id("agency", name)
        if aid not in have:
            have.add(aid)
            rows.append(
                {
                    "id": aid,
                    "name": name,
                    "kind": kind,
                    "region_code": code,
                    "updated_at": now,
                }
            )
    if rows:
        session.execute(insert(Agency), rows)
    hubs_have = set(session.scalars(select(Hub.id)))
    hub_rows = []
    for d in designations():
        hid = reference_id("hub", f"{d.agency_name}:{d.year}")
        if hid not in hubs_have:
            hub_rows.append(
                {
                    "id": hid,
                    "agency_id": reference_id("agency", d.agency_name),
                    "decree": d.decree,
                    "year": d.year,
                    "cohort": d.cohort,
                    "active": True,
                    "updated_at": now,
                }
            )
    if hub_rows:
        session.execute(insert(Hub), hub_rows)
