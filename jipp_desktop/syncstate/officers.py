"""Officers the registry knows (``GET /reference``), kept as non-local profiles: named by
verifications and edits, never offered as a profile at start."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Officer
from jipp_desktop.reference.codes import ROLES


def upsert_officers(session: Session, officers: Iterable[Any]) -> int:
    """Adds or updates the registry's officers (``protocol.Officer`` objects, or anything with
    their attributes); this device's own profiles are left as they are. Returns how many were
    added or changed.

    A NIP another profile of this store holds already is left out (NIPs are unique here).
    """
    changed = 0
    for item in officers:
        if item.role not in ROLES:
            continue
        nip = item.nip or None
        if nip is not None:
            holder = session.scalar(select(Officer.id).where(Officer.nip == nip))
            if holder is not None and holder != item.id:
                nip = None
        officer = session.get(Officer, item.id)
        values = {"name": item.name, "nip": nip, "role": item.role, "agency_id": item.agency_id}
        if officer is None:
            session.add(Officer(id=item.id, is_local=False, **values))
            session.flush()
            changed += 1
        elif not officer.is_local and any(getattr(officer, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(officer, key, value)
            changed += 1
    session.flush()
    return changed
