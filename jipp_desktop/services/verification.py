"""The verification workflow: draft → submitted → verified | needs revision (→ resubmitted) |
rejected. The verifier is never the officer who entered or submitted the record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import AuditEntry, Innovation, Verification, utcnow
from jipp_desktop.domain.errors import (
    FieldError,
    PermissionDenied,
    ValidationFailed,
    WorkflowError,
)
from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text, length_error
from jipp_desktop.domain.validation import validate_innovation
from jipp_desktop.progress import ProgressFn
from jipp_desktop.reference.codes import (
    CONTINUATION,
    VERIFICATION_METHODS,
    VERIFICATION_OUTCOMES,
    WORKFLOW,
)
from jipp_desktop.services.attachments import add_attachments
from jipp_desktop.services.changes import Change, record_change, record_changes
from jipp_desktop.services.innovations import EDITORS, UNDER_REVIEW, get_innovation
from jipp_desktop.services.innovations import innovation_values as _values
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import Actor, require_role

VERIFIERS = ("verifier", "admin")
# The record's fields a verification decision writes (audited as "decide" under the verifier).
DECISION_FIELDS = ("workflow", "continuation", "last_verified_at", "continuation_reason")
# The record's fields that submitting writes: changing them is no edit of the content.
SUBMISSION_FIELDS = ("workflow", "submitted_by")

# outcome → (workflow after it, continuation it implies unless the verifier gives one)
OUTCOME_EFFECT: dict[str, tuple[str, str | None]] = {
    "valid_continuing": ("verified", "continuing"),
    "valid_stopped": ("verified", "stopped"),
    "needs_revision": ("needs_revision", None),
    "duplicate": ("rejected", None),
    "rejected": ("rejected", None),
}

# A decision's notes; for "valid - stopped" they become the record's continuation reason,
# so they share its limit.
MAX_NOTES = FIELDS_BY_NAME["continuation_reason"].max_len or 2000


@dataclass(frozen=True)
class VerificationInput:
    """A verifier's decision as entered."""

    outcome: str
    method: str
    notes: str = ""
    continuation: str | None = None
    duplicate_of_id: str | None = None


def submit(session: Session, actor: Actor, innovation_id: str) -> Innovation:
    """Sends a draft (or a revised record) for verification, once it is complete."""
    require_role(actor, *EDITORS)
    innovation = get_innovation(session, innovation_id)
    if innovation.workflow not in ("draft", "needs_revision"):
        raise WorkflowError(
            f"hanya draf atau inovasi yang perlu perbaikan yang dapat diajukan "
            f"(status sekarang: {WORKFLOW.label(innovation.workflow, 'id')})",
            f"only a draft or a record that needs revision can be submitted "
            f"(now: {WORKFLOW.label(innovation.workflow, 'en')})",
        )
    _, errors = validate_innovation(
        _values(innovation), StoreLookup(session), submit=True, record_id=innovation.id
    )
    if errors:
        raise ValidationFailed(errors)
    after = "resubmitted" if innovation.workflow == "needs_revision" else "submitted"
    changes: dict[str, tuple[object, object]] = {"workflow": (innovation.workflow, after)}
    if innovation.submitted_by != actor.id:
        changes["submitted_by"] = (innovation.submitted_by, actor.id)
    innovation.workflow = after
    innovation.submitted_by = actor.id
    record_change(session, actor, "innovation", innovation.id, "update", changes)
    return innovation


def check_decision(session: Session, innovation: Innovation, data: VerificationInput) -> None:
    errors: list[FieldError] = []
    if data.outcome not in VERIFICATION_OUTCOMES:
        errors.append(FieldError("outcome", "hasil verifikasi wajib dipilih", "choose an outcome"))
    if data.method not in VERIFICATION_METHODS:
        errors.append(FieldError("method", "metode verifikasi wajib dipilih", "choose a method"))
    if data.continuation is not None and data.continuation not in CONTINUATION:
        errors.append(
            FieldError("continuation", "status keberlanjutan tidak dikenal", "unknown continuation")
        )
    notes = clean_text(data.notes, multiline=True)
    if err := length_error("notes", notes, MAX_NOTES) or unprintable_error(
        "notes", notes, "laporan verifikasi dan profil", "the verification report and profile"
    ):
        errors.append(err)
    if data.outcome in ("needs_revision", "rejected", "duplicate", "valid_stopped") and (
        len(notes) < 5
    ):
        errors.append(
            FieldError(
                "notes",
                "catatan wajib diisi untuk hasil ini (paling sedikit 5 karakter)",
                "notes are required for this outcome (at least 5 characters)",
            )
        )
    if data.outcome == "valid_continuing" and data.continuation == "stopped":
        errors.append(
            FieldError(
                "continuation",
                "hasil 'berlanjut' tidak cocok dengan status berhenti",
                "a 'continuing' outcome does not fit a stopped status",
            )
        )
    if data.outcome == "duplicate":
        other = data.duplicate_of_id
        if not other or other == innovation.id or not StoreLookup(session).innovation_exists(other):
            errors.append(
                FieldError(
                    "duplicate_of_id",
                    "pilih inovasi lain yang diduplikasi",
                    "choose the other innovation this one duplicates",
                )
            )
    if errors:
        raise ValidationFailed(errors)


def _content_edits(actor: Actor, record_id: Any) -> tuple[ColumnElement[bool], ...]:
    """Audit entries of the actor creating or changing the record's content (four eyes: an
    admin who edited a record may not then verify it). A decision is audited as "decide" and
    does not count; any other change does, the continuation status and reason included (the
    fields a decision also sets), but for submitting."""
    return (
        AuditEntry.entity == "innovation",
        AuditEntry.record_id == record_id,
        AuditEntry.officer_id == actor.id,
        AuditEntry.action.in_(("create", "update")),
        AuditEntry.field.is_(None) | AuditEntry.field.not_in(SUBMISSION_FIELDS),
    )


def _has_edited(session: Session, actor: Actor, innovation_id: str) -> bool:
    """Whether the actor created or changed the record's content."""
    found = session.scalar(select(AuditEntry.id).where(*_content_edits(actor, innovation_id)))
    return found is not None


def verify(
    session: Session,
    actor: Actor,
    innovation_id: str,
    data: VerificationInput,
    at: datetime | None = None,
) -> Verification:
    """Records a verifier's decision and applies it to the record.

    The record's workflow follows the outcome; a valid outcome sets the continuation status
    and the last-verified time.

    Raises:
        PermissionDenied: not a verifier, or the verifier entered or submitted the record.
        WorkflowError: the record is not waiting for verification.
        ValidationFailed: outcome, method or notes are missing or do not fit.
    """
    require_role(actor, *VERIFIERS)
    innovation = get_innovation(session, innovation_id)
    if actor.id in (innovation.created_by, innovation.submitted_by) or _has_edited(
        session, actor, innovation.id
    ):
        raise PermissionDenied(
            "verifikator tidak boleh memverifikasi inovasi yang ia masukkan, ubah atau ajukan "
            "sendiri",
            "a verifier may not verify a record they entered, edited or submitted themselves",
        )
    if innovation.workflow not in UNDER_REVIEW:
        raise WorkflowError(
            f"inovasi tidak sedang menunggu verifikasi "
            f"(status: {WORKFLOW.label(innovation.workflow, 'id')})",
            f"the record is not waiting for verification "
            f"(now: {WORKFLOW.label(innovation.workflow, 'en')})",
        )
    check_decision(session, innovation, data)
    when = at or utcnow()
    workflow, implied = OUTCOME_EFFECT[data.outcome]
    verification = Verification(
        innovation_id=innovation.id,
        verifier_id=actor.id,
        verified_at=when,
        method=data.method,
        outcome=data.outcome,
        continuation=data.continuation or implied,
        duplicate_of_id=data.duplicate_of_id if data.outcome == "duplicate" else None,
        notes=clean_text(data.notes, multiline=True) or None,
    )
    session.add(verification)
    session.flush()
    record_change(session, actor, "verification", verification.id, "create", summary=data.outcome)
    changes: dict[str, tuple[object, object]] = {"workflow": (innovation.workflow, workflow)}
    innovation.workflow = workflow
    if workflow == "verified":
        continuation = verification.continuation or "unknown"
        changes["continuation"] = (innovation.continuation, continuation)
        changes["last_verified_at"] = (innovation.last_verified_at, when)
        innovation.continuation = continuation
        innovation.last_verified_at = when
        if data.outcome == "valid_stopped":
            changes["continuation_reason"] = (innovation.continuation_reason, verification.notes)
            innovation.continuation_reason = verification.notes
    decided = {k: v for k, v in changes.items() if v[0] != v[1]}
    record_changes(
        session, actor, "innovation", [Change(innovation.id, "update", decided, decision=True)]
    )
    return verification


def record_decision(
    session: Session,
    actor: Actor,
    folder: Path,
    innovation_id: str,
    data: VerificationInput,
    evidence: Sequence[Path] = (),
    progress: ProgressFn | None = None,
) -> str:
    """Records a verifier's decision (:func:`verify`) with the files that evidence it, all in
    the caller's transaction; returns the verification's id.

    Args:
        session: the caller's write transaction.
        actor: the verifier.
        folder: the store's attachment folder.
        innovation_id: the record decided on.
        data: the decision.
        evidence: files attached to the verification.
        progress: told as each file is stored.
    """
    verification = verify(session, actor, innovation_id, data)
    add_attachments(session, actor, folder, "verification", verification.id, evidence, progress)
    return verification.id


def queue(session: Session, actor: Actor, limit: int | None = None) -> list[Innovation]:
    """Records waiting for verification that this actor may verify, oldest first."""
    query = (
        select(Innovation)
        .where(
            Innovation.workflow.in_(UNDER_REVIEW),
            Innovation.deleted_at.is_(None),
            Innovation.created_by.is_distinct_from(actor.id),
            Innovation.submitted_by.is_distinct_from(actor.id),
            ~exists().where(*_content_edits(actor, Innovation.id)),
        )
        .order_by(Innovation.updated_at, Innovation.id)
    )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def verifications_of(session: Session, innovation_id: str) -> list[Verification]:
    """An innovation's verification history, newest first."""
    return list(
        session.scalars(
            select(Verification)
            .where(Verification.innovation_id == innovation_id, Verification.deleted_at.is_(None))
            .order_by(Verification.verified_at.desc())
        )
    )
