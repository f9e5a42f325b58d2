"""Hub JIPP designations and the agencies each hub mentors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Hub, HubSpoke
from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text, length_error
from jipp_desktop.services.agencies import get_agency
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.officers import Actor, require_role

EDITABLE = ("agency_id", "decree", "year", "cohort", "active")
MAX_DECREE = 200
MAX_COHORT = 20


def get_hub(session: Session, hub_id: str) -> Hub:
    """The (not deleted) hub with this id."""
    hub = session.get(Hub, hub_id)
    if hub is None or hub.deleted_at is not None:
        raise NotFound(f"hub {hub_id} tidak ditemukan", f"hub {hub_id} not found")
    return hub


def list_hubs(session: Session, active_only: bool = False) -> list[Hub]:
    """Every hub, oldest designation first."""
    query = select(Hub).where(Hub.deleted_at.is_(None)).order_by(Hub.year, Hub.cohort, Hub.id)
    if active_only:
        query = query.where(Hub.active.is_(True))
    return list(session.scalars(query).unique())


def _validate(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    errors: list[FieldError] = []
    try:
        get_agency(session, str(values.get("agency_id") or ""))
    except NotFound:
        errors.append(FieldError("agency_id", "instansi hub wajib dipilih", "choose the agency"))
    decree = clean_text(str(values.get("decree") or ""))
    if err := length_error("decree", decree, MAX_DECREE) or unprintable_error(
        "decree", decree, "laporan hub", "the hub report"
    ):
        errors.append(err)
    if len(decree) < 5:
        errors.append(
            FieldError(
                "decree", "dasar penetapan wajib diisi", "the designating decree is required"
            )
        )
    year = values.get("year")
    if not isinstance(year, int) or not 2019 <= year <= 2100:
        errors.append(FieldError("year", "tahun penetapan tidak sah", "invalid designation year"))
    cohort = clean_text(str(values.get("cohort") or "")) or str(year)
    if too_long := length_error("cohort", cohort, MAX_COHORT):
        errors.append(too_long)
    if errors:
        raise ValidationFailed(errors)
    return {
        "agency_id": values["agency_id"],
        "decree": decree,
        "year": year,
        "cohort": cohort,
        "active": bool(values.get("active", True)),
    }


def create_hub(session: Session, actor: Actor, values: dict[str, Any]) -> Hub:
    """Designates an agency as a hub."""
    require_role(actor, "admin", "operator")
    hub = Hub(**_validate(session, values))
    session.add(hub)
    session.flush()
    record_change(session, actor, "hub", hub.id, "create", summary=hub.decree)
    return hub


def update_hub(session: Session, actor: Actor, hub_id: str, changes: dict[str, Any]) -> Hub:
    """Changes a hub designation (decree, year, cohort, active)."""
    require_role(actor, "admin", "operator")
    hub = get_hub(session, hub_id)
    before = {k: getattr(hub, k) for k in EDITABLE}
    cleaned = _validate(session, {**before, **changes})
    diff = {k: (before[k], cleaned[k]) for k in EDITABLE if before[k] != cleaned[k]}
    if diff:
        for k, (_, after) in diff.items():
            setattr(hub, k, after)
        record_change(session, actor, "hub", hub.id, "update", diff)
    return hub


def set_spokes(session: Session, actor: Actor, hub_id: str, agency_ids: Sequence[str]) -> Hub:
    """Sets the agencies a hub mentors."""
    require_role(actor, "admin", "operator")
    hub = get_hub(session, hub_id)
    for aid in agency_ids:
        get_agency(session, aid)
    if hub.agency_id in agency_ids:
        raise ValidationFailed(
            [
                FieldError(
                    "spokes",
                    "hub tidak dapat membina dirinya sendiri",
                    "a hub cannot mentor itself",
                )
            ]
        )
    before = sorted(s.agency_id for s in hub.spokes)
    after = sorted(set(agency_ids))
    if before != after:
        hub.spokes = [HubSpoke(agency_id=a) for a in after]
        record_change(session, actor, "hub", hub.id, "update", {"spokes": (before, after)})
    return hub


def save_hub(
    session: Session,
    actor: Actor,
    hub_id: str | None,
    values: dict[str, Any],
    spokes: Sequence[str],
) -> str:
    """Creates (``hub_id`` None) or changes a hub designation with its spokes, in the caller's
    transaction; returns the hub's id."""
    if hub_id is None:
        hub_id = create_hub(session, actor, values).id
    else:
        update_hub(session, actor, hub_id, values)
    set_spokes(session, actor, hub_id, spokes)
    return hub_id
