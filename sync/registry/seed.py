"""The registry's reference records: the desktop's own reference agencies and hubs.

They are made by ``jipp_desktop.reference.seed`` itself, in a throwaway in-memory desktop
store, and copied in as records; so the registry and every device agree on the ids
(deterministic UUID5s of the names) and on every value. Seeding again adds only what is missing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, create_engine, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Base, Hub
from jipp_desktop.reference.seed import seed_reference_data
from sync.registry import models
from sync.registry.store import NewRecord, write_new_records
from sync.registry.wire import from_row


@cache
def reference_records() -> tuple[NewRecord, ...]:
    """The seeded agencies (first) and hubs, as registry records."""
    engine = create_engine("sqlite://")
    tables = [Base.metadata.tables[name] for name in ("regions", "officers", "agencies", "hubs")]
    tables.append(Base.metadata.tables["hub_spokes"])
    Base.metadata.create_all(engine, tables=tables)
    out: list[NewRecord] = []
    with Session(engine) as session:
        seed_reference_data(session)
        session.flush()
        regions: dict[str, str | None] = {}
        for agency in session.scalars(select(Agency).order_by(Agency.name, Agency.id)):
            regions[agency.id] = agency.region_code
            out.append(
                NewRecord(
                    "agency",
                    agency.id,
                    from_row("agency", agency),
                    agency.id,
                    agency.region_code,
                    unique_key=agency_key(agency.name),
                )
            )
        for hub in session.scalars(select(Hub).order_by(Hub.year, Hub.id)):
            data: dict[str, Any] = from_row("hub", hub)
            data["spokes"] = sorted(s.agency_id for s in hub.spokes)
            out.append(NewRecord("hub", hub.id, data, hub.agency_id, regions.get(hub.agency_id)))
    engine.dispose()
    return tuple(out)


def agency_key(name: str) -> str:
    """The key two agency names share when they are the same name (case and spacing)."""
    return " ".join(name.split()).casefold()[:300]


def seed_reference(connection: Connection) -> int:
    """Adds the reference records the registry lacks; returns how many."""
    have = {
        (e, i)
        for e, i in connection.execute(
            select(models.records.c.entity, models.records.c.id).where(
                models.records.c.entity.in_(("agency", "hub"))
            )
        )
    }
    missing = [r for r in reference_records() if (r.entity, r.id) not in have]
    if missing:
        write_new_records(connection, missing)
    return len(missing)
