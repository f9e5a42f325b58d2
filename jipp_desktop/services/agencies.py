"""Agencies (instansi): ministries, agencies, regional governments, enterprises."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Agency, Innovation, Region, utcnow
from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed, WorkflowError
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text, fold_key, length_error
from jipp_desktop.domain.validation import (
    agency_code_error,
    agency_code_taken,
    normalise_agency_code,
)
from jipp_desktop.reference.codes import AGENCY_KINDS
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.officers import Actor, require_role

EDITABLE = ("name", "kind", "region_code", "parent_id", "address", "national_code")
MAX_NAME = 200
MAX_ADDRESS = 300


def get_agency(session: Session, agency_id: str) -> Agency:
    """The (not deleted) agency with this id."""
    agency = session.get(Agency, agency_id)
    if agency is None or agency.deleted_at is not None:
        raise NotFound(f"instansi {agency_id} tidak ditemukan", f"agency {agency_id} not found")
    return agency


def _name_taken(session: Session, name: str, agency_id: str | None) -> bool:
    """Whether another live agency has a name that reads the same (case, spacing, invisible
    characters and look-alike letters aside)."""
    key = fold_key(name)
    others = session.scalars(
        select(Agency.name).where(Agency.deleted_at.is_(None), Agency.id != (agency_id or ""))
    )
    return any(fold_key(other) == key for other in others)


def _validate(session: Session, values: dict[str, Any], agency_id: str | None) -> dict[str, Any]:
    errors: list[FieldError] = []
    name = clean_text(str(values.get("name") or ""))
    address = clean_text(str(values.get("address") or "")) or None
    for field, text, most in (("name", name, MAX_NAME), ("address", address or "", MAX_ADDRESS)):
        if err := length_error(field, text, most) or unprintable_error(
            field, text, "surat dan laporan", "letters and reports"
        ):
            errors.append(err)
    if len(name) < 3:
        errors.append(
            FieldError("name", "nama instansi wajib diisi", "the agency name is required")
        )
    elif _name_taken(session, name, agency_id):
        errors.append(
            FieldError("name", "nama instansi sudah ada", "an agency with this name exists")
        )
    kind = values.get("kind")
    if kind not in AGENCY_KINDS:
        errors.append(FieldError("kind", "jenis instansi wajib dipilih", "choose the agency kind"))
    code = values.get("region_code") or None
    if code and session.get(Region, code) is None:
        errors.append(
            FieldError(
                "region_code", f"kode wilayah {code} tidak dikenal", f"unknown region {code}"
            )
        )
    if kind in ("province", "regency", "city") and not code:
        errors.append(
            FieldError(
                "region_code",
                "pemerintah daerah wajib mempunyai wilayah",
                "a regional government needs its region",
            )
        )
    parent = values.get("parent_id") or None
    if parent and (parent == agency_id or session.get(Agency, parent) is None):
        errors.append(
            FieldError("parent_id", "instansi induk tidak ditemukan", "parent agency not found")
        )
    national = normalise_agency_code(str(values.get("national_code") or "")) or None
    if national and (err := agency_code_error(national)):
        errors.append(err)
    elif national and _code_taken(session, national, agency_id):
        errors.append(agency_code_taken(national))
    if errors:
        raise ValidationFailed(errors)
    return {
        "name": name,
        "kind": kind,
        "region_code": code,
        "parent_id": parent,
        "address": address,
        "national_code": national,
    }


def _code_taken(session: Session, code: str, agency_id: str | None) -> bool:
    """Whether another live agency has this national code."""
    return (
        session.scalar(
            select(Agency.id).where(
                Agency.national_code == code,
                Agency.deleted_at.is_(None),
                Agency.id != (agency_id or ""),
            )
        )
        is not None
    )


def create_agency(session: Session, actor: Actor, values: dict[str, Any]) -> Agency:
    """Creates an agency after checking its name, kind and region."""
    require_role(actor, "operator", "admin")
    agency = Agency(**_validate(session, values, None))
    session.add(agency)
    session.flush()
    record_change(session, actor, "agency", agency.id, "create", summary=agency.name)
    return agency


def update_agency(
    session: Session, actor: Actor, agency_id: str, changes: dict[str, Any]
) -> Agency:
    """Changes an agency's fields."""
    require_role(actor, "operator", "admin")
    agency = get_agency(session, agency_id)
    before = {k: getattr(agency, k) for k in EDITABLE}
    cleaned = _validate(session, {**before, **changes}, agency.id)
    diff = {k: (before[k], cleaned[k]) for k in EDITABLE if before[k] != cleaned[k]}
    if diff:
        for k, (_, after) in diff.items():
            setattr(agency, k, after)
        record_change(session, actor, "agency", agency.id, "update", diff)
    return agency


def delete_agency(session: Session, actor: Actor, agency_id: str) -> None:
    """Tombstones an agency that no innovation refers to."""
    require_role(actor, "admin")
    agency = get_agency(session, agency_id)
    used = session.scalar(
        select(func.count())
        .select_from(Innovation)
        .where(Innovation.agency_id == agency_id, Innovation.deleted_at.is_(None))
    )
    if used:
        raise WorkflowError(
            f"instansi masih dipakai oleh {used} inovasi", f"{used} innovations still use it"
        )
    agency.deleted_at = utcnow()
    record_change(session, actor, "agency", agency.id, "delete", summary=agency.name)


def find_agencies(
    session: Session,
    text: str = "",
    kind: str | None = None,
    region_code: str | None = None,
    limit: int | None = None,
) -> list[Agency]:
    """Agencies whose name contains ``text``, optionally of a kind or within a region."""
    query = select(Agency).where(Agency.deleted_at.is_(None)).order_by(Agency.name)
    for word in text.split():
        query = query.where(Agency.name.ilike(f"%{word}%"))
    if kind:
        query = query.where(Agency.kind == kind)
    if region_code:
        query = query.where(
            (Agency.region_code == region_code) | Agency.region_code.like(f"{region_code}.%")
        )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))
