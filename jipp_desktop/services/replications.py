"""Replications: another agency adopting an innovation (interest → agreement → implementation)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Replication
from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed, WorkflowError
from jipp_desktop.domain.text import clean_text, length_error
from jipp_desktop.reference.codes import REPLICATION_STATUS
from jipp_desktop.services.agencies import get_agency
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.innovations import get_innovation
from jipp_desktop.services.officers import Actor, require_role

# status → the statuses it may move to
MAX_NOTES = 2000
MAX_AGREEMENT_NUMBER = 120
NEXT = {
    "waiting": ("agreed", "refused"),
    "agreed": ("implemented", "refused"),
    "implemented": (),
    "refused": (),
}


def start_replication(
    session: Session,
    actor: Actor,
    source_innovation_id: str,
    adopting_agency_id: str,
    interest_date: date | None = None,
    notes: str = "",
) -> Replication:
    """Records an agency's interest in replicating an innovation."""
    require_role(actor, "operator", "admin")
    notes = clean_text(notes, multiline=True)
    if too_long := length_error("notes", notes, MAX_NOTES):
        raise ValidationFailed([too_long])
    source = get_innovation(session, source_innovation_id)
    get_agency(session, adopting_agency_id)
    if source.agency_id == adopting_agency_id:
        raise ValidationFailed(
            [
                FieldError(
                    "adopting_agency_id",
                    "instansi tidak dapat mereplikasi inovasinya sendiri",
                    "an agency cannot replicate its own innovation",
                )
            ]
        )
    open_one = session.scalar(
        select(Replication.id).where(
            Replication.source_innovation_id == source.id,
            Replication.adopting_agency_id == adopting_agency_id,
            Replication.status.in_(("waiting", "agreed", "implemented")),
            Replication.deleted_at.is_(None),
        )
    )
    if open_one:
        raise ValidationFailed(
            [
                FieldError(
                    "adopting_agency_id",
                    "instansi ini sudah tercatat mereplikasi inovasi tersebut",
                    "this agency is already recorded as replicating the innovation",
                )
            ]
        )
    replication = Replication(
        source_innovation_id=source.id,
        adopting_agency_id=adopting_agency_id,
        status="waiting",
        interest_date=interest_date or date.today(),
        notes=notes or None,
    )
    session.add(replication)
    session.flush()
    record_change(session, actor, "replication", replication.id, "create", summary=source.title)
    return replication


def advance_replication(
    session: Session,
    actor: Actor,
    replication_id: str,
    status: str,
    on: date | None = None,
    agreement_number: str | None = None,
) -> Replication:
    """Moves a replication on: agreed (with the agreement's number), implemented or refused."""
    require_role(actor, "operator", "admin")
    replication = session.get(Replication, replication_id)
    if replication is None or replication.deleted_at is not None:
        raise NotFound(
            f"replikasi {replication_id} tidak ditemukan", f"replication {replication_id} not found"
        )
    if status not in NEXT[replication.status]:
        raise WorkflowError(
            f"status replikasi tidak dapat berubah dari "
            f"{REPLICATION_STATUS.label(replication.status, 'id')} ke "
            f"{REPLICATION_STATUS.label(status, 'id')}",
            f"a replication cannot go from {REPLICATION_STATUS.label(replication.status, 'en')} "
            f"to {REPLICATION_STATUS.label(status, 'en')}",
        )
    when = on or date.today()
    changes: dict[str, tuple[object, object]] = {"status": (replication.status, status)}
    if status == "agreed":
        number = clean_text(agreement_number or "")
        if too_long := length_error("agreement_number", number, MAX_AGREEMENT_NUMBER):
            raise ValidationFailed([too_long])
        if not number:
            raise ValidationFailed(
                [
                    FieldError(
                        "agreement_number",
                        "nomor bukti kesepakatan wajib diisi",
                        "the agreement's number is required",
                    )
                ]
            )
        changes["agreement_number"] = (replication.agreement_number, number)
        changes["agreement_date"] = (replication.agreement_date, when)
        replication.agreement_number, replication.agreement_date = number, when
    elif status == "implemented":
        changes["implementation_date"] = (replication.implementation_date, when)
        replication.implementation_date = when
    replication.status = status
    record_change(session, actor, "replication", replication.id, "update", changes)
    return replication


def replications_of(session: Session, innovation_id: str) -> list[Replication]:
    """The replications of an innovation, oldest first."""
    return list(
        session.scalars(
            select(Replication)
            .where(
                Replication.source_innovation_id == innovation_id,
                Replication.deleted_at.is_(None),
            )
            .order_by(Replication.interest_date, Replication.id)
        )
    )


def replication_count(session: Session, innovation_id: str) -> int:
    """How many agencies have implemented the innovation."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Replication)
            .where(
                Replication.source_innovation_id == innovation_id,
                Replication.status == "implemented",
                Replication.deleted_at.is_(None),
            )
        )
        or 0
    )
