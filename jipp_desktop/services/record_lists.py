"""What `list KIND` prints: one Core select per kind over ``db.tables`` (records that are not
deleted, in the order the GUI lists them), each row a dict of the command-line contract's keys.
A Connection is enough: listing never imports the ORM."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import false, func, select, true

from jipp_desktop.db.tables import (
    agencies,
    commitments,
    hub_spokes,
    hubs,
    innovations,
    officers,
    signatories,
    verifications,
)
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services.search import list_innovations

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session


def _dicts(reader: Session | Connection, query: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in reader.execute(query)]


def innovation_rows(reader: Session | Connection, limit: int) -> list[dict[str, Any]]:
    """The innovation list's first page, newest change first, with its columns."""
    return [dict(r._mapping) for r in list_innovations(reader, InnovationFilter(), limit=limit)]


def list_agencies(reader: Session | Connection, limit: int) -> list[dict[str, Any]]:
    """Agencies by name (as ``services.agencies.find_agencies`` orders them): id, name, kind
    and region code."""
    query = (
        select(agencies.c.id, agencies.c.name, agencies.c.kind, agencies.c.region_code)
        .where(agencies.c.deleted_at.is_(None))
        .order_by(agencies.c.name)
        .limit(limit)
    )
    return _dicts(reader, query)


def list_hubs(reader: Session | Connection, limit: int) -> list[dict[str, Any]]:
    """Hub designations, oldest first (as ``services.hubs.list_hubs``): with the hub agency's
    name and the number of its spokes."""
    spokes = (
        select(func.count())
        .select_from(hub_spokes)
        .where(hub_spokes.c.hub_id == hubs.c.id)
        .scalar_subquery()
    )
    query = (
        select(
            hubs.c.id,
            agencies.c.name,
            hubs.c.agency_id,
            hubs.c.decree,
            hubs.c.year,
            hubs.c.cohort,
            hubs.c.active,
            spokes.label("spokes"),
        )
        .join(agencies, agencies.c.id == hubs.c.agency_id)
        .where(hubs.c.deleted_at.is_(None))
        .order_by(hubs.c.year, hubs.c.cohort, hubs.c.id)
        .limit(limit)
    )
    return _dicts(reader, query)


def _signers(witness: bool) -> Any:
    return (
        select(func.count())
        .select_from(signatories)
        .where(
            signatories.c.commitment_id == commitments.c.id,
            signatories.c.is_witness.is_(true() if witness else false()),
        )
        .scalar_subquery()
    )


def list_commitments(reader: Session | Connection, limit: int) -> list[dict[str, Any]]:
    """Commitments, latest signed first (as ``services.commitments.list_commitments``):
    number, title, place, date and how many signed and witnessed."""
    query = (
        select(
            commitments.c.id,
            commitments.c.number,
            commitments.c.title,
            commitments.c.place,
            commitments.c.signed_on,
            _signers(False).label("signatories"),
            _signers(True).label("witnesses"),
        )
        .where(commitments.c.deleted_at.is_(None))
        .order_by(commitments.c.signed_on.desc(), commitments.c.number)
        .limit(limit)
    )
    return _dicts(reader, query)


def list_verifications(reader: Session | Connection, limit: int) -> list[dict[str, Any]]:
    """Verifications, latest first, with the record's title and the verifier's name."""
    query = (
        select(
            verifications.c.id,
            verifications.c.innovation_id,
            innovations.c.title,
            officers.c.name.label("verifier"),
            verifications.c.verified_at,
            verifications.c.method,
            verifications.c.outcome,
            verifications.c.continuation,
        )
        .join(innovations, innovations.c.id == verifications.c.innovation_id)
        .join(officers, officers.c.id == verifications.c.verifier_id)
        .where(verifications.c.deleted_at.is_(None))
        .order_by(verifications.c.verified_at.desc(), verifications.c.id)
        .limit(limit)
    )
    return _dicts(reader, query)


# The lister of each kind `list` takes.
LISTERS: dict[str, Callable[[Session | Connection, int], list[dict[str, Any]]]] = {
    "innovations": innovation_rows,
    "agencies": list_agencies,
    "hubs": list_hubs,
    "commitments": list_commitments,
    "verifications": list_verifications,
}
