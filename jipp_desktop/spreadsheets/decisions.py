"""Verification decisions in an import: the outcome, method and notes columns of the template,
as verifiers fill them in the national validation rounds (validasi dan pemutakhiran data).

A row whose outcome cell is filled is a decision on the stored record the row matches. It is
applied with :func:`jipp_desktop.services.verification.verify` — the same rules as the
verification form (verifier or admin, never the record's own author or submitter, a record
waiting for verification, a method, notes for the outcomes that need them) — inside a SAVEPOINT
of the import's transaction: a refused decision leaves nothing behind, and a dry run rolls the
savepoint back after the service has checked everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from jipp_desktop.domain.errors import FieldError, ServiceError, ValidationFailed
from jipp_desktop.reference.codes import CodeList
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.verification import VerificationInput, verify
from jipp_desktop.spreadsheets.columns import METHOD, NOTES, OUTCOME, VERIFICATION_COLUMNS
from jipp_desktop.spreadsheets.headers import fold
from jipp_desktop.spreadsheets.values import number_text

DECISION_KEYS = (OUTCOME, METHOD, NOTES)
# The service names its fields after VerificationInput; the template names its columns.
SERVICE_FIELDS = {"outcome": OUTCOME, "method": METHOD, "notes": NOTES}
_CODED = {c.key: c for c in VERIFICATION_COLUMNS if c.codes is not None}


@dataclass(frozen=True)
class Decision:
    """A verifier's decision as written in one row (codes already parsed).

    Attributes:
        outcome: the outcome code, None when the outcome cell is blank.
        method: the method code, None when blank.
        notes: the notes, "" when blank.
    """

    outcome: str | None
    method: str | None
    notes: str

    @classmethod
    def of(cls, values: dict[str, Any]) -> Decision:
        """The decision from a row's parsed decision cells."""
        return cls(values.get(OUTCOME), values.get(METHOD), values.get(NOTES, ""))


def _code(codes: CodeList, text: str) -> str | None:
    # "Valid berlanjut" and "valid, continuing" as well as the labels' own punctuation.
    found = codes.parse(text)
    if found is not None:
        return found
    folded = fold(text)
    for c in codes:
        if folded in (fold(c.code), fold(c.id), fold(c.en)):
            return c.code
    return None


def parse_decision_cell(key: str, raw: Any) -> tuple[Any, FieldError | None]:
    """The value of one decision cell (a code, or the notes' text), or why it cannot be read."""
    text = number_text(raw)
    column = _CODED.get(key)
    if column is None:
        return text, None
    assert column.codes is not None
    code = _code(column.codes, text)
    if code is None:
        return None, FieldError(
            key,
            f"{text!r} bukan pilihan yang sah untuk {column.id}; pilih salah satu: "
            + ", ".join(c.id for c in column.codes),
            f"{text!r} is not a valid choice for {column.en}; choose one of: "
            + ", ".join(c.en for c in column.codes),
        )
    return code, None


def precheck(decision: Decision, matched: str | None) -> list[FieldError]:
    """What is wrong with a decision before the store is asked: no outcome, an outcome this
    import does not take, or no stored record to decide on."""
    if decision.outcome is None:
        return [
            FieldError(
                OUTCOME,
                "metode atau catatan verifikasi diisi tanpa hasil verifikasi; isi hasilnya "
                "atau kosongkan keduanya",
                "a verification method or notes without an outcome; fill in the outcome or "
                "leave both blank",
            )
        ]
    if decision.outcome == "duplicate":
        # The service needs the record this one duplicates; a spreadsheet has no column for it.
        return [
            FieldError(
                OUTCOME,
                "hasil 'Duplikat' tidak dapat dicatat dari lembar kerja; catat melalui formulir "
                "verifikasi dan pilih inovasi yang diduplikasi",
                "a 'Duplicate' outcome cannot be recorded from a spreadsheet; record it in the "
                "verification form and choose the innovation it duplicates",
            )
        ]
    if matched is None:
        return [
            FieldError(
                OUTCOME,
                "verifikasi memerlukan inovasi yang sudah tersimpan; baris ini tidak cocok "
                "dengan inovasi mana pun (ID sistem, atau instansi dan judul)",
                "verification needs a stored record; this row matches none "
                "(System ID, or agency and title)",
            )
        ]
    return []


def apply_decision(
    session: Session,
    actor: Actor,
    record_id: str,
    decision: Decision,
    *,
    commit: bool,
) -> list[FieldError]:
    """Records ``decision`` on the record with the verification service, in a SAVEPOINT.

    Args:
        session: the import's session.
        actor: the officer importing.
        record_id: the stored record the row matches.
        decision: a decision that passed :func:`precheck`.
        commit: keep the verification; False (a dry run) checks every rule and rolls back.

    Returns:
        The service's refusal as errors at the decision columns (empty when accepted).
    """
    assert decision.outcome is not None
    data = VerificationInput(decision.outcome, decision.method or "", decision.notes)
    # A dry run's savepoint takes SQLite's write lock until the dry run ends; only files that
    # carry decisions pay for that, and such files are the size of one review round.
    savepoint = session.begin_nested()
    try:
        verify(session, actor, record_id, data)
    except ValidationFailed as exc:
        savepoint.rollback()
        return [FieldError(SERVICE_FIELDS.get(e.field, OUTCOME), e.id, e.en) for e in exc.errors]
    except ServiceError as exc:
        savepoint.rollback()
        return [FieldError(OUTCOME, exc.id, exc.en)]
    if commit:
        savepoint.commit()
    else:
        savepoint.rollback()
    return []
