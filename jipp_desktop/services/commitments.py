"""Statements of commitment (Pernyataan Komitmen): clauses, signatories and witnesses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Commitment, CommitmentDocument, Signatory, utcnow
from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.text import clean_text, length_error
from jipp_desktop.domain.validation import nip_error, normalise_nip
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.officers import Actor, require_role

MAX_SIGNATORIES = 60
MAX_CLAUSES = 50
# The longest text of each part (the columns' lengths; the number also fits the letter's footer).
MAX_LEN = {
    "number": 120,
    "title": 300,
    "place": 120,
    "opening": 2000,
    "clause": 2000,
    "agency_name": 200,
    "official_name": 120,
    "official_position": 200,
    "letterhead_address": 400,
}
MAX_LETTERHEAD_LINES = 4


@dataclass(frozen=True)
class SignatoryInput:
    """A signatory or witness as entered."""

    agency_name: str
    official_name: str
    official_position: str
    nip: str | None = None
    agency_id: str | None = None
    is_witness: bool = False

    def __post_init__(self) -> None:
        # A NIP as written ("19630511 199103 1 009") enters as its 18 digits, on the device
        # and on the registry alike.
        object.__setattr__(self, "nip", normalise_nip(self.nip) or None if self.nip else None)


@dataclass(frozen=True)
class CommitmentInput:
    """A commitment as entered in the form."""

    number: str
    title: str
    place: str
    signed_on: date
    opening: str = ""
    clauses: tuple[str, ...] = ()
    signatories: tuple[SignatoryInput, ...] = ()
    hub_id: str | None = None
    # The signing agency whose letterhead heads the letter ("" = the first signing agency's)
    # and the address printed under its name.
    letterhead_agency: str = ""
    letterhead_address: str = ""


def _text(value: str) -> str:
    return clean_text(value)


def _long_text(value: str) -> str:
    return clean_text(value, multiline=True)


def _too_long(field: str, part: str, text: str) -> FieldError | None:
    return length_error(field, text, MAX_LEN[part]) or unprintable_error(
        field, text, "surat", "the letter"
    )


def signing_agencies(signatories: Iterable[SignatoryInput | Signatory]) -> list[str]:
    """The agencies that sign, each once: the signatories' in signing order, then the
    witnesses' — the letterheads a commitment's letter may be printed under."""
    out: dict[str, str] = {}
    for witness in (False, True):
        for s in signatories:
            name = _text(s.agency_name)
            if name and s.is_witness == witness:
                out.setdefault(name.casefold(), name)
    return list(out.values())


def letterhead_agency_of(data: CommitmentInput) -> str | None:
    """The signing agency whose letterhead the commitment's letter is printed under: the one
    chosen, as the signatories spell it, or the first signatory's (a witness's only when no
    one else signs) when none was chosen; None without signatories, or when the chosen one
    does not sign."""
    agencies = signing_agencies(data.signatories)
    chosen = _text(data.letterhead_agency)
    if not chosen:
        return agencies[0] if agencies else None
    return next((a for a in agencies if a.casefold() == chosen.casefold()), None)


def _letterhead_errors(data: CommitmentInput) -> list[FieldError]:
    errors: list[FieldError] = []
    chosen = _text(data.letterhead_agency)
    if chosen and signing_agencies(data.signatories) and letterhead_agency_of(data) is None:
        errors.append(
            FieldError(
                "letterhead_agency",
                f"kop surat {chosen!r} bukan instansi penanda tangan; pilih salah satu "
                "instansi yang menandatangani",
                f"the letterhead {chosen!r} is not a signing agency; choose one of the "
                "agencies that sign",
            )
        )
    address = letterhead_address_text(data.letterhead_address)
    if too_long := _too_long("letterhead_address", "letterhead_address", address):
        errors.append(too_long)
    elif address.count("\n") >= MAX_LETTERHEAD_LINES:
        errors.append(
            FieldError(
                "letterhead_address",
                f"alamat kop surat paling banyak {MAX_LETTERHEAD_LINES} baris",
                f"the letterhead's address is at most {MAX_LETTERHEAD_LINES} lines",
            )
        )
    return errors


def letterhead_address_text(value: str) -> str:
    """A letterhead's address as stored: each line trimmed, empty lines dropped."""
    return "\n".join(line.strip() for line in _long_text(value).splitlines() if line.strip())


def validate_commitment(data: CommitmentInput) -> list[FieldError]:
    errors: list[FieldError] = _letterhead_errors(data)
    for name, label_id, label_en in (
        ("number", "nomor", "number"),
        ("title", "judul", "title"),
        ("place", "tempat", "place"),
    ):
        if len(_text(getattr(data, name))) < 2:
            errors.append(
                FieldError(name, f"{label_id} wajib diisi", f"the {label_en} is required")
            )
        elif too_long := _too_long(name, name, _text(getattr(data, name))):
            errors.append(too_long)
    if too_long := _too_long("opening", "opening", _long_text(data.opening)):
        errors.append(too_long)
    if not isinstance(data.signed_on, date):
        errors.append(FieldError("signed_on", "tanggal wajib diisi", "the date is required"))
    clauses = [c for c in (_long_text(c) for c in data.clauses) if c]
    if not clauses:
        errors.append(
            FieldError("clauses", "paling sedikit satu butir komitmen", "at least one clause")
        )
    if len(clauses) > MAX_CLAUSES:
        errors.append(
            FieldError(
                "clauses",
                f"paling banyak {MAX_CLAUSES} butir komitmen",
                f"at most {MAX_CLAUSES} clauses",
            )
        )
    for i, clause in enumerate(clauses, 1):
        if too_long := _too_long("clauses", "clause", clause):
            errors.append(
                FieldError("clauses", f"butir {i}: {too_long.id}", f"clause {i}: {too_long.en}")
            )
    signers = [s for s in data.signatories if not s.is_witness]
    if not signers:
        errors.append(
            FieldError(
                "signatories", "paling sedikit satu penanda tangan", "at least one signatory"
            )
        )
    if len(data.signatories) > MAX_SIGNATORIES:
        errors.append(
            FieldError(
                "signatories",
                f"paling banyak {MAX_SIGNATORIES} penanda tangan dan saksi",
                f"at most {MAX_SIGNATORIES} signatories and witnesses",
            )
        )
    for i, s in enumerate(data.signatories, 1):
        field = f"signatories[{i}]"
        if not (_text(s.agency_name) and _text(s.official_name) and _text(s.official_position)):
            errors.append(
                FieldError(
                    field,
                    f"penanda tangan {i}: instansi, nama dan jabatan wajib diisi",
                    f"signatory {i}: agency, name and position are required",
                )
            )
        for part in ("agency_name", "official_name", "official_position"):
            if too_long := _too_long(field, part, _text(getattr(s, part))):
                errors.append(
                    FieldError(
                        field,
                        f"penanda tangan {i}: {too_long.id}",
                        f"signatory {i}: {too_long.en}",
                    )
                )
        if s.nip:
            err = nip_error(s.nip, field)
            if err:
                errors.append(
                    FieldError(field, f"penanda tangan {i}: {err.id}", f"signatory {i}: {err.en}")
                )
    return errors


def _apply(commitment: Commitment, data: CommitmentInput) -> None:
    commitment.number = _text(data.number)
    commitment.title = _text(data.title)
    commitment.place = _text(data.place)
    commitment.signed_on = data.signed_on
    commitment.opening = _long_text(data.opening) or None
    commitment.clauses = [c for c in (_long_text(c) for c in data.clauses) if c]
    commitment.hub_id = data.hub_id
    commitment.signatories = [
        Signatory(
            position=i,
            agency_id=s.agency_id,
            agency_name=_text(s.agency_name),
            official_name=_text(s.official_name),
            official_position=_text(s.official_position),
            nip=s.nip or None,
            is_witness=s.is_witness,
        )
        for i, s in enumerate(data.signatories, 1)
    ]
    commitment.letterhead_agency = letterhead_agency_of(data)
    commitment.letterhead_address = letterhead_address_text(data.letterhead_address) or None


def _snapshot(commitment: Commitment) -> dict[str, Any]:
    return {
        "number": commitment.number,
        "title": commitment.title,
        "place": commitment.place,
        "signed_on": commitment.signed_on,
        "opening": commitment.opening,
        "clauses": list(commitment.clauses),
        "hub_id": commitment.hub_id,
        "letterhead_agency": commitment.letterhead_agency,
        "letterhead_address": commitment.letterhead_address,
        # Every column of a signatory, its agency too: a change of any of them is a change.
        "signatories": [
            [s.agency_id, s.agency_name, s.official_name, s.official_position, s.nip, s.is_witness]
            for s in commitment.signatories
        ],
    }


def get_commitment(session: Session, commitment_id: str) -> Commitment:
    """The (not deleted) commitment with this id."""
    commitment = session.get(Commitment, commitment_id)
    if commitment is None or commitment.deleted_at is not None:
        raise NotFound(
            f"komitmen {commitment_id} tidak ditemukan", f"commitment {commitment_id} not found"
        )
    return commitment


def create_commitment(
    session: Session, actor: Actor, data: CommitmentInput, *, demo: bool = False
) -> Commitment:
    """Creates a commitment with its clauses and signatories (``demo``: made-up data, never
    pushed)."""
    require_role(actor, "operator", "admin")
    errors = validate_commitment(data)
    if errors:
        raise ValidationFailed(errors)
    commitment = Commitment()
    _apply(commitment, data)
    session.add(commitment)
    session.flush()
    record_change(
        session, actor, "commitment", commitment.id, "create", summary=commitment.title, demo=demo
    )
    return commitment


def update_commitment(
    session: Session, actor: Actor, commitment_id: str, data: CommitmentInput
) -> Commitment:
    """Replaces a commitment's content with ``data``; logs each field that changed."""
    require_role(actor, "operator", "admin")
    commitment = get_commitment(session, commitment_id)
    errors = validate_commitment(data)
    if errors:
        raise ValidationFailed(errors)
    before = _snapshot(commitment)
    _apply(commitment, data)
    after = _snapshot(commitment)
    diff = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    record_change(session, actor, "commitment", commitment.id, "update", diff)
    return commitment


def delete_commitment(session: Session, actor: Actor, commitment_id: str) -> None:
    """Tombstones a commitment."""
    require_role(actor, "operator", "admin")
    commitment = get_commitment(session, commitment_id)
    commitment.deleted_at = utcnow()
    record_change(session, actor, "commitment", commitment.id, "delete", summary=commitment.title)


def commitment_input(commitment: Commitment) -> CommitmentInput:
    """The stored commitment as form input (to edit or copy it)."""
    return CommitmentInput(
        number=commitment.number,
        title=commitment.title,
        place=commitment.place,
        signed_on=commitment.signed_on,
        opening=commitment.opening or "",
        clauses=tuple(commitment.clauses),
        hub_id=commitment.hub_id,
        letterhead_agency=commitment.letterhead_agency or "",
        letterhead_address=commitment.letterhead_address or "",
        signatories=tuple(
            SignatoryInput(
                agency_name=s.agency_name,
                official_name=s.official_name,
                official_position=s.official_position,
                nip=s.nip,
                agency_id=s.agency_id,
                is_witness=s.is_witness,
            )
            for s in commitment.signatories
        ),
    )


def list_commitments(session: Session, limit: int | None = None) -> list[Commitment]:
    """Commitments, newest date first."""
    query = (
        select(Commitment)
        .where(Commitment.deleted_at.is_(None))
        .order_by(Commitment.signed_on.desc(), Commitment.number)
    )
    if limit:
        query = query.limit(limit)
    return list(session.scalars(query))


def record_document(
    session: Session, actor: Actor | None, commitment_id: str, sha256: str, path: str | None
) -> CommitmentDocument:
    """Records that a letter was made from a commitment: when, by whom, its fingerprint."""
    document = CommitmentDocument(
        commitment_id=commitment_id,
        officer_id=actor.id if actor else None,
        sha256=sha256,
        path=path,
    )
    session.add(document)
    return document
