"""What every entity's rules share: the refusals, the context of one change, role and scope
checks, and the four-eyes rule by the registry's own audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, bindparam, exists, or_, select

from jipp_desktop.domain.errors import FieldError
from jipp_desktop.reference.codes import ROLES
from jipp_desktop.reference.seed import regions
from jipp_desktop.services.verification import DECISION_FIELDS
from sync.protocol import Change, Text
from sync.registry import models, store
from sync.registry.scope import AccountInfo
from sync.registry.store import Stored, Write


class Refusal(Exception):
    """A change the registry does not apply; ``outcome`` is rejected or retry."""

    outcome = "rejected"

    def __init__(
        self, code: str, id_text: str, en_text: str, fields: Iterable[FieldError] = ()
    ) -> None:
        super().__init__(en_text)
        self.code = code
        self.reason = Text(id=id_text, en=en_text)
        self.fields: dict[str, Text] = {}
        for e in fields:
            self.fields.setdefault(e.field, Text(id=e.id, en=e.en))


class Rejected(Refusal):
    """Refused for good (until its cause is gone): nothing was written."""


class Retry(Refusal):
    """A passing cause (a file or a parent record not there yet): send it again later."""

    outcome = "retry"


def invalid(errors: list[FieldError]) -> Rejected:
    """The refusal of a change whose fields break rules."""
    return Rejected(
        "invalid",
        "data tidak sah: " + "; ".join(f"{e.field}: {e.id}" for e in errors),
        "invalid data: " + "; ".join(f"{e.field}: {e.en}" for e in errors),
        errors,
    )


@dataclass(frozen=True)
class Scope:
    """Where a record belongs: agency, region, and the innovation a child belongs to."""

    agency_id: str | None
    region_code: str | None
    parent_id: str | None = None


@dataclass
class Context:
    """One change being applied: its connection (in the change's transaction), account and
    device, the batch it is part of (SQLite: :class:`~sync.registry.store.Batch`), and the
    writes it makes besides its own record (the decision of a verification, the children of a
    deleted or moved innovation)."""

    connection: Connection
    account: AccountInfo
    device_id: str
    change: Change
    batch: store.Batch | None = None
    extra_writes: list[Write] = field(default_factory=list)
    _lookup: RegistryLookup | None = None

    @property
    def lookup(self) -> RegistryLookup:
        """What the change reads of other records (read once per change)."""
        if self._lookup is None:
            self._lookup = RegistryLookup(self.connection, self.batch)
        return self._lookup

    @property
    def author_id(self) -> str:
        """The officer who made the change on the device."""
        return self.change.author.id


class RegistryLookup:
    """validation's :class:`~jipp_desktop.domain.validation.ReferenceLookup` over the
    registry's tables (regions are the shipped reference list). It remembers what it read for
    the rest of its change (one transaction)."""

    _regions: frozenset[str] | None = None

    def __init__(self, connection: Connection, batch: store.Batch | None = None) -> None:
        self._connection = connection
        self._batch = batch
        self._records: dict[tuple[str, str], Stored | None] = {}

    def record(self, entity: str, record_id: Any, lock: bool = False) -> Stored | None:
        """A record (deleted ones too), read once per change; ``lock`` on the first read."""
        if not isinstance(record_id, str) or not record_id:
            return None
        key = (entity, record_id)
        if key not in self._records:
            self._records[key] = store.load(
                self._connection, entity, record_id, lock=lock, batch=self._batch
            )
        return self._records[key]

    def live(self, entity: str, record_id: Any) -> Stored | None:
        """A record that exists and is not deleted."""
        found = self.record(entity, record_id)
        return None if found is None or found.deleted else found

    def region_exists(self, code: str) -> bool:
        """Whether ``code`` is a known province, regency or city."""
        if RegistryLookup._regions is None:
            RegistryLookup._regions = frozenset(r.code for r in regions())
        return code in RegistryLookup._regions

    def agency_region(self, agency_id: str) -> tuple[bool, str | None]:
        """Whether the agency exists (not deleted), and its region code."""
        agency = self.live("agency", agency_id)
        if agency is None:
            return False, None
        return True, agency.data.get("region_code")

    def innovation_exists(self, innovation_id: str) -> bool:
        """Whether a (not deleted) innovation has this id."""
        return self.live("innovation", innovation_id) is not None


def require_role(ctx: Context, *roles: str) -> None:
    """Refuses unless the account has one of ``roles``."""
    role = ctx.account.role
    if role not in roles:
        need_id = " / ".join(ROLES.label(r, "id") for r in roles)
        need_en = " / ".join(ROLES.label(r, "en") for r in roles)
        raise Rejected(
            "forbidden",
            f"akun {ctx.account.username} ({ROLES.label(role, 'id')}) tidak berwenang: "
            f"perlu peran {need_id}",
            f"account {ctx.account.username} ({ROLES.label(role, 'en')}) may not do this: "
            f"needs the role {need_en}",
        )


def require_scope(ctx: Context, scope: Scope) -> None:
    """Refuses a record outside the account's agencies and region."""
    if not ctx.account.covers(scope.agency_id, scope.region_code):
        raise Rejected(
            "out_of_scope",
            "data ini milik instansi atau wilayah di luar cakupan akun Anda",
            "this record belongs to an agency or region outside your account's scope",
        )


def require_agency_admin(ctx: Context, scope: Scope) -> None:
    """Reference records (agencies, hubs, commitments): an admin of their scope, or an
    account of their agency."""
    if scope.agency_id and scope.agency_id in ctx.account.agency_ids:
        return
    require_role(ctx, "admin")
    require_scope(ctx, scope)


def live_or_refuse(
    ctx: Context, entity: str, record_id: Any, what_id: str, what_en: str, lock: bool = False
) -> Stored:
    """The live record a change refers to: retry while it has not arrived (it may come in a
    later batch), rejected when the registry deleted it."""
    found = ctx.lookup.record(entity, record_id, lock=lock)
    if found is None:
        raise Retry(
            "parent_missing",
            f"{what_id} belum ada di registri; kirim ulang setelah datanya terkirim",
            f"the {what_en} is not in the registry yet; send again once it has been sent",
        )
    if found.deleted:
        raise Rejected("deleted", f"{what_id} sudah dihapus", f"the {what_en} has been deleted")
    return found


_log = models.audit_log.c
# Whether an account created the innovation, changed its content or submitted it. The lists
# are spelled out as comparisons: an IN of a list is expanded again at every execution.
_TOUCHED = select(
    exists().where(
        _log.entity == "innovation",
        _log.record_id == bindparam("record_id"),
        _log.account_id == bindparam("account"),
        or_(
            _log.action == "create",
            and_(_log.action == "update", *(_log.field != f for f in DECISION_FIELDS)),
            and_(
                _log.field == "workflow",
                or_(*(_log.after == step for step in ('"submitted"', '"resubmitted"'))),
            ),
        ),
    )
)


def four_eyes(ctx: Context, innovation: Stored) -> None:
    """Refuses a decision by the record's author, its submitter or anyone who edited its
    content: by account (the registry's audit trail, across devices) and by officer."""
    account = ctx.account.id
    if ctx.batch is not None:
        ctx.batch.write_audit_of(ctx.connection, "innovation", innovation.id)
    touched = ctx.connection.scalar(_TOUCHED, {"record_id": innovation.id, "account": account})
    data = innovation.data
    if (
        touched
        or innovation.created_by_account == account
        or ctx.author_id in (data.get("created_by"), data.get("submitted_by"))
    ):
        raise Rejected(
            "four_eyes",
            "verifikator tidak boleh memverifikasi inovasi yang ia masukkan, ubah atau ajukan "
            "sendiri",
            "a verifier may not verify a record they entered, edited or submitted themselves",
        )


def text_of(values: Mapping[str, Any], name: str) -> str:
    """A text field with its spacing folded ("" for blank or not text)."""
    value = values.get(name)
    return " ".join(value.split()) if isinstance(value, str) else ""
