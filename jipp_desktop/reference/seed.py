"""Loads the reference data into a store: regions, the regional governments and the central
ministries and agencies as agencies, and the published hub designations.

Reference records get deterministic ids (UUID5 of their name), so every device and the registry
agree on them and seeding twice changes nothing. They are marked as already synced.

A store keeps the version of the reference data it was seeded with (a hash of the shipped
files), so opening a store whose data is current costs one read
(:func:`seeded_version_is_current`). The seed is written in Core (``db.tables``), on a Session
or a Connection.
"""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from jipp_desktop.db import tables
from jipp_desktop.db.tables import utcnow
from jipp_desktop.reference.agencies import central_agencies, central_csv
from jipp_desktop.reference.hubs import MINISTRY_OF_REFORM, designations, province_agency_name

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

NAMESPACE = uuid.UUID("5b0f7a3c-6a57-4d0e-9a51-4a1f3c0e7d21")
VERSION_KEY = "reference_data_version"
# Raised when what the seed writes changes in a way the files do not show.
SEED_FORMAT = "2"


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


def _regions_csv() -> str:
    return (files("resources") / "regions" / "regions.csv").read_text(encoding="utf-8")


@cache
def regions() -> tuple[RegionRow, ...]:
    """The 38 provinces and 514 regencies/cities shipped in resources/."""
    return tuple(
        RegionRow(r["code"], r["name"], r["level"], r["parent_code"] or None)
        for r in csv.DictReader(io.StringIO(_regions_csv()))
    )


@cache
def reference_version() -> str:
    """The version of the shipped reference data: a hash of its files and designations."""
    digest = hashlib.sha256(SEED_FORMAT.encode())
    for part in (_regions_csv(), central_csv(), repr(designations())):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()[:16]


def seeded_version_is_current(connection: Connection | Session) -> bool:
    """Whether the store holds this version of the reference data (one read)."""
    stored = connection.scalar(
        select(tables.settings.c.value).where(tables.settings.c.key == VERSION_KEY)
    )
    return stored == reference_version()


def seed_if_changed(connection: Connection | Session) -> bool:
    """Seeds the reference data unless the store holds this version already; True if it
    seeded."""
    if seeded_version_is_current(connection):
        return False
    seed_reference_data(connection)
    version = {"key": VERSION_KEY, "value": reference_version()}
    connection.execute(
        sqlite_insert(tables.settings)
        .values(version)
        .on_conflict_do_update(
            index_elements=[tables.settings.c.key], set_={"value": version["value"]}
        )
    )
    return True


def regional_government_name(region: RegionRow) -> str:
    """The agency name of a region's government ("Pemerintah Kota Denpasar")."""
    if region.level == "province":
        return province_agency_name(region.name)
    return f"Pemerintah {region.name}"


def seed_reference_data(connection: Connection | Session) -> None:
    """Inserts whatever reference data the store lacks."""
    if connection.scalar(select(func.count()).select_from(tables.regions)) == 0:
        connection.execute(
            insert(tables.regions),
            [
                {"code": r.code, "name": r.name, "level": r.level, "parent_code": r.parent_code}
                for r in regions()
            ],
        )
    now = utcnow()
    have = set(connection.scalars(select(tables.agencies.c.id)))
    agencies: list[tuple[str, str, str | None, str | None]] = [
        (regional_government_name(r), r.level, r.code, None) for r in regions()
    ]
    agencies += [(a.name, a.kind, None, a.parent) for a in central_agencies()]
    agencies += [(MINISTRY_OF_REFORM, "ministry", None, None)]
    agencies += [
        (d.agency_name, d.kind, None, None) for d in designations() if d.kind != "province"
    ]
    rows = []
    for name, kind, code, parent in agencies:
        aid = reference_id("agency", name)
        if aid not in have:
            have.add(aid)
            rows.append(
                {
                    "id": aid,
                    "name": name,
                    "kind": kind,
                    "region_code": code,
                    "parent_id": reference_id("agency", parent) if parent else None,
                    "updated_at": now,
                }
            )
    if rows:
        connection.execute(insert(tables.agencies), rows)
    hubs_have = set(connection.scalars(select(tables.hubs.c.id)))
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
        connection.execute(insert(tables.hubs), hub_rows)
