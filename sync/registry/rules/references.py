"""Agencies, hubs and commitments: shared reference records every account pulls; changed by
an admin of their scope or by an account of their agency.

Commitments are checked by the desktop's own rules (services.commitments). The desktop's
agency and hub checks are written against its ORM session, so the registry asks the same
questions of its own tables here: name, kind and region of an agency (regional governments need
their region), and a hub's agency, decree, year and spokes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select, text

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.domain.printable import unprintable_error
from jipp_desktop.domain.validation import (
    agency_code_error,
    agency_code_taken,
    normalise_agency_code,
)
from jipp_desktop.reference.codes import AGENCY_KINDS
from jipp_desktop.services.commitments import (
    CommitmentInput,
    SignatoryInput,
    letterhead_address_text,
    letterhead_agency_of,
)
from jipp_desktop.services.commitments import validate_commitment as commitment_errors
from sync.registry import models, store
from sync.registry.rules.base import (
    Context,
    Rejected,
    Scope,
    invalid,
    require_agency_admin,
    text_of,
)
from sync.registry.rules.entity import EntityRules
from sync.registry.seed import agency_key
from sync.registry.store import Stored

_REGIONAL = ("province", "regency", "city")


class AgencyRules(EntityRules):
    """Agencies (instansi)."""

    entity = "agency"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """The agency itself and its region."""
        return Scope(ctx.change.record_id, data.get("region_code"))

    def unique_key(self, data: dict[str, Any]) -> str | None:
        """Two agencies never share a name."""
        return agency_key(data["name"]) if data.get("name") else None

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """A new agency."""
        require_agency_admin(ctx, self.scope(ctx, data))
        self._check(ctx, data, code_changed=True)

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """A change of an agency."""
        require_agency_admin(ctx, Scope(stored.agency_id, stored.region_code))
        require_agency_admin(ctx, self.scope(ctx, data))
        self._check(ctx, data, code_changed="national_code" in changed)

    def delete(self, ctx: Context, stored: Stored) -> None:
        """An admin's, of an agency no innovation uses."""
        require_agency_admin(ctx, Scope(stored.agency_id, stored.region_code))
        r = models.records.c
        used = ctx.connection.scalar(
            select(func.count())
            .select_from(models.records)
            .where(r.entity == "innovation", r.agency_id == stored.id, r.deleted.is_(False))
        )
        if used:
            raise Rejected(
                "in_use",
                f"instansi masih dipakai oleh {used} inovasi",
                f"{used} innovations still use the agency",
            )

    def _check(self, ctx: Context, data: dict[str, Any], *, code_changed: bool) -> None:
        """The agency's own rules; its national code is checked for another holder only when
        the change sets it (two agencies that already share one can still change the rest)."""
        errors: list[FieldError] = []
        lookup = ctx.lookup
        name = text_of(data, "name")
        data["name"] = name
        data["address"] = text_of(data, "address") or None
        for field, value in (("name", name), ("address", data["address"] or "")):
            if err := unprintable_error(field, value, "surat dan laporan", "letters and reports"):
                errors.append(err)
        if len(name) < 3:
            errors.append(
                FieldError("name", "nama instansi wajib diisi", "the agency name is required")
            )
        elif store.unique_owner(ctx.connection, "agency", agency_key(name)) not in (
            None,
            ctx.change.record_id,
        ):
            errors.append(
                FieldError("name", "nama instansi sudah ada", "an agency with this name exists")
            )
        kind = data.get("kind")
        if kind not in AGENCY_KINDS:
            errors.append(
                FieldError("kind", "jenis instansi wajib dipilih", "choose the agency kind")
            )
        code = data.get("region_code") or None
        data["region_code"] = code
        if code and not lookup.region_exists(code):
            errors.append(
                FieldError(
                    "region_code", f"kode wilayah {code} tidak dikenal", f"unknown region {code}"
                )
            )
        if kind in _REGIONAL and not code:
            errors.append(
                FieldError(
                    "region_code",
                    "pemerintah daerah wajib mempunyai wilayah",
                    "a regional government needs its region",
                )
            )
        parent = data.get("parent_id") or None
        if parent and (parent == ctx.change.record_id or not lookup.agency_region(parent)[0]):
            errors.append(
                FieldError("parent_id", "instansi induk tidak ditemukan", "parent agency not found")
            )
        national = normalise_agency_code(text_of(data, "national_code")) or None
        data["national_code"] = national
        if national and (err := agency_code_error(national)):
            errors.append(err)
        elif national and code_changed and _code_taken(ctx, national):
            errors.append(agency_code_taken(national))
        if errors:
            raise invalid(errors)


def _code_taken(ctx: Context, code: str) -> bool:
    """Whether another live agency has this national code. On PostgreSQL a lock on the code,
    held to the end of the change's transaction, keeps two servers from giving it to two."""
    if ctx.connection.dialect.name == "postgresql":
        ctx.connection.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"agency-code:{code}"}
        )
    r = models.records.c
    holder = ctx.connection.scalar(
        select(r.id).where(
            r.entity == "agency",
            r.deleted.is_(False),
            r.id != ctx.change.record_id,
            r.data["national_code"].as_string() == code,
        )
    )
    return holder is not None


class _AgencyAdminRules(EntityRules):
    """Records an admin of their scope or an account of their agency changes, before and after
    the change (hubs and commitments); ``_check`` holds the entity's own rules."""

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """A new record."""
        require_agency_admin(ctx, self.scope(ctx, data))
        self._check(ctx, data)

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """A change: allowed over the record's scope as stored and as it becomes."""
        require_agency_admin(ctx, Scope(stored.agency_id, stored.region_code))
        require_agency_admin(ctx, self.scope(ctx, data))
        self._check(ctx, data)

    def delete(self, ctx: Context, stored: Stored) -> None:
        """An admin's or the agency's."""
        require_agency_admin(ctx, Scope(stored.agency_id, stored.region_code))

    def _check(self, ctx: Context, data: dict[str, Any]) -> None:
        raise NotImplementedError


class HubRules(_AgencyAdminRules):
    """Hub JIPP designations and their spokes."""

    entity = "hub"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """The hub's agency."""
        agency = data.get("agency_id")
        region = ctx.lookup.agency_region(agency)[1] if agency else None
        return Scope(agency, region)

    def _check(self, ctx: Context, data: dict[str, Any]) -> None:
        errors: list[FieldError] = []
        lookup = ctx.lookup
        agency = data.get("agency_id")
        if not agency or not lookup.agency_region(agency)[0]:
            errors.append(
                FieldError("agency_id", "instansi hub wajib dipilih", "choose the agency")
            )
        decree = text_of(data, "decree")
        if err := unprintable_error("decree", decree, "laporan hub", "the hub report"):
            errors.append(err)
        if len(decree) < 5:
            errors.append(
                FieldError(
                    "decree", "dasar penetapan wajib diisi", "the designating decree is required"
                )
            )
        year = data.get("year")
        if not isinstance(year, int) or not 2019 <= year <= 2100:
            errors.append(
                FieldError("year", "tahun penetapan tidak sah", "invalid designation year")
            )
        spokes = data.get("spokes") or []
        if not all(isinstance(s, str) for s in spokes):
            errors.append(
                FieldError(
                    "spokes", "daftar binaan harus berisi id instansi", "spokes are agency ids"
                )
            )
        else:
            if agency in spokes:
                errors.append(
                    FieldError(
                        "spokes",
                        "hub tidak dapat membina dirinya sendiri",
                        "a hub cannot mentor itself",
                    )
                )
            unknown = [s for s in spokes if not lookup.agency_region(s)[0]]
            if unknown:
                errors.append(
                    FieldError(
                        "spokes",
                        f"instansi binaan {unknown[0]} tidak ditemukan",
                        f"spoke agency {unknown[0]} not found",
                    )
                )
        if errors:
            raise invalid(errors)
        data["decree"] = decree
        data["cohort"] = text_of(data, "cohort") or str(year)
        data["active"] = data.get("active") is not False
        data["spokes"] = sorted(set(spokes))


class CommitmentRules(_AgencyAdminRules):
    """Statements of commitment: the desktop's checks (services.commitments.validate_commitment)."""

    entity = "commitment"

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """Its hub's agency (national when it has no hub)."""
        hub = ctx.lookup.live("hub", data.get("hub_id"))
        return Scope(hub.agency_id, hub.region_code) if hub else Scope(None, None)

    def _check(self, ctx: Context, data: dict[str, Any]) -> None:
        shape: list[FieldError] = []
        signatories = _signatories(data.get("signatories"), shape)
        clauses = data.get("clauses") or []
        if not isinstance(clauses, list) or not all(isinstance(c, str) for c in clauses):
            shape.append(FieldError("clauses", "butir komitmen harus teks", "clauses must be text"))
            clauses = []
        hub_id = data.get("hub_id")
        if hub_id and ctx.lookup.live("hub", hub_id) is None:
            shape.append(FieldError("hub_id", "hub tidak ditemukan", "hub not found"))
        signed_on = date.fromisoformat(data["signed_on"]) if data.get("signed_on") else None
        entered = CommitmentInput(
            number=data.get("number") or "",
            title=data.get("title") or "",
            place=data.get("place") or "",
            signed_on=signed_on,  # type: ignore[arg-type]
            opening=data.get("opening") or "",
            clauses=tuple(clauses),
            signatories=tuple(signatories),
            hub_id=hub_id,
            letterhead_agency=text_of(data, "letterhead_agency"),
            letterhead_address=data.get("letterhead_address") or "",
        )
        errors = shape + commitment_errors(entered)
        if errors:
            raise invalid(errors)
        for name in ("number", "title", "place"):
            data[name] = text_of(data, name)
        data["opening"] = (data.get("opening") or "").strip() or None
        data["clauses"] = [c.strip() for c in clauses if c.strip()]
        # The letterhead as a device stores it: the chosen signing agency as the signatories
        # spell it (the first signatory's when none was chosen), the address line by line.
        data["letterhead_agency"] = letterhead_agency_of(entered)
        data["letterhead_address"] = letterhead_address_text(entered.letterhead_address) or None
        # Stored whole and numbered in the order given, as every device writes them.
        data["signatories"] = [
            {
                "position": i,
                "agency_id": s.agency_id,
                "agency_name": s.agency_name,
                "official_name": s.official_name,
                "official_position": s.official_position,
                "nip": s.nip,
                "is_witness": s.is_witness,
            }
            for i, s in enumerate(signatories, 1)
        ]


_SIGNATORY_KEYS = {
    "position",
    "agency_id",
    "agency_name",
    "official_name",
    "official_position",
    "nip",
    "is_witness",
}


def _signatories(value: Any, errors: list[FieldError]) -> list[SignatoryInput]:
    """The wire list of signatories as the desktop's input, or a shape error."""
    if value is None:
        return []
    bad = FieldError(
        "signatories",
        "penanda tangan harus berupa daftar {agency_name, official_name, official_position, …}",
        "signatories must be a list of {agency_name, official_name, official_position, …}",
    )
    if not isinstance(value, list):
        errors.append(bad)
        return []
    out = []
    for s in value:
        texts = ("agency_name", "official_name", "official_position")
        if (
            not isinstance(s, dict)
            or set(s) - _SIGNATORY_KEYS
            or not all(isinstance(s.get(k), str) for k in texts)
            or not isinstance(s.get("nip") or "", str)
            or not isinstance(s.get("agency_id") or "", str)
            or not isinstance(s.get("is_witness", False), bool)
        ):
            errors.append(bad)
            return []
        out.append(
            SignatoryInput(
                agency_name=s["agency_name"],
                official_name=s["official_name"],
                official_position=s["official_position"],
                nip=s.get("nip") or None,
                agency_id=s.get("agency_id") or None,
                is_witness=bool(s.get("is_witness", False)),
            )
        )
    return out
