"""Officer profiles: the person at the keyboard, who every change is attributed to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Officer, utcnow
from jipp_desktop.domain.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from jipp_desktop.domain.text import clean_text, length_error
from jipp_desktop.domain.validation import nip_error, normalise_nip
from jipp_desktop.reference.codes import ROLES
from jipp_desktop.services.change_set import note_changes

MAX_NAME = 120


@dataclass(frozen=True)
class Actor:
    """The acting officer, as the services need to know them."""

    id: str
    name: str
    role: str
    agency_id: str | None = None

    @classmethod
    def of(cls, officer: Officer) -> Actor:
        """The actor for a stored officer profile."""
        return cls(officer.id, officer.name, officer.role, officer.agency_id)


def require_role(actor: Actor, *roles: str) -> None:
    """Refuses unless the actor has one of ``roles``."""
    if actor.role not in roles:
        labels_id = " / ".join(ROLES.label(r, "id") for r in roles)
        labels_en = " / ".join(ROLES.label(r, "en") for r in roles)
        raise PermissionDenied(
            f"{actor.name} ({ROLES.label(actor.role, 'id')}) tidak berwenang: "
            f"perlu peran {labels_id}",
            f"{actor.name} ({ROLES.label(actor.role, 'en')}) may not do this: "
            f"needs the role {labels_en}",
        )


def create_officer(
    session: Session,
    name: str,
    role: str,
    nip: str | None = None,
    agency_id: str | None = None,
) -> Officer:
    """Creates a local officer profile, checking name, role and NIP."""
    errors: list[FieldError] = []
    name = clean_text(name)
    if len(name) < 2:
        errors.append(FieldError("name", "nama wajib diisi", "the name is required"))
    elif too_long := length_error("name", name, MAX_NAME):
        errors.append(too_long)
    if role not in ROLES:
        errors.append(
            FieldError(
                "role",
                "peran harus operator, verifier atau admin",
                "the role must be operator, verifier or admin",
            )
        )
    nip = normalise_nip(nip) if nip else None
    if nip:
        err = nip_error(nip)
        if err:
            errors.append(err)
        elif session.scalar(select(Officer.id).where(Officer.nip == nip)):
            errors.append(
                FieldError("nip", "NIP sudah dipakai profil lain", "the NIP is already in use")
            )
    if errors:
        raise ValidationFailed(errors)
    officer = Officer(name=name, role=role, nip=nip or None, agency_id=agency_id)
    session.add(officer)
    session.flush()
    note_changes(session, "officer", [officer.id])
    return officer


def list_officers(session: Session) -> list[Officer]:
    """Every profile, the most recently used first."""
    return list(
        session.scalars(
            select(Officer).order_by(Officer.last_used_at.desc().nulls_last(), Officer.name)
        )
    )


def find_officer(session: Session, key: str) -> Officer:
    """The profile with this id, NIP or name (case-insensitive, whole name: no wildcards)."""
    found = list(
        session.scalars(
            select(Officer).where(
                or_(
                    Officer.id == key,
                    Officer.nip == normalise_nip(key),
                    func.lower(Officer.name) == clean_text(key).lower(),
                )
            )
        )
    )
    if not found:
        raise NotFound(f"profil petugas {key!r} tidak ditemukan", f"no officer profile {key!r}")
    if len(found) > 1:
        raise NotFound(
            f"ada {len(found)} profil bernama {key!r}; sebut NIP atau id-nya",
            f"{len(found)} profiles are named {key!r}; give the NIP or the id",
        )
    return found[0]


def use_officer(session: Session, key: str | None) -> Actor:
    """The actor for ``key`` (or the last profile used), remembered as the last used."""
    if key:
        officer = find_officer(session, key)
    else:
        officer = session.scalars(
            select(Officer).order_by(Officer.last_used_at.desc().nulls_last()).limit(1)
        ).first()
        if officer is None:
            raise NotFound(
                "belum ada profil petugas; buat dengan `jipp-desktop officer add`",
                "no officer profile yet; create one with `jipp-desktop officer add`",
            )
    officer.last_used_at = utcnow()
    return Actor.of(officer)
