"""Registry accounts: made, listed, disabled and given passwords by ``jipp-registry user …``;
read by every request (sync.registry.auth)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from jipp_desktop.reference.codes import ROLES
from jipp_desktop.reference.seed import regions
from sync.registry import models
from sync.registry.clock import utcnow
from sync.registry.passwords import hash_password
from sync.registry.scope import AccountInfo

MIN_PASSWORD = 8


class AccountError(ValueError):
    """A refused account operation; the message is in both languages."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(f"{id_text} / {en_text}")
        self.id = id_text
        self.en = en_text


def load_account(connection: Connection, account_id: int) -> AccountInfo | None:
    """An account with its agencies."""
    a = models.accounts.c
    row = connection.execute(select(models.accounts).where(a.id == account_id)).first()
    if row is None:
        return None
    agencies = connection.scalars(
        select(models.account_agencies.c.agency_id).where(
            models.account_agencies.c.account_id == account_id
        )
    )
    return AccountInfo(
        id=row.id,
        username=row.username,
        name=row.name,
        role=row.role,
        agency_ids=frozenset(agencies),
        region_code=row.region_code,
        officer_id=row.officer_id,
        disabled=row.disabled,
    )


def find_account_id(connection: Connection, username: str) -> int | None:
    """The id of the account with this username."""
    return connection.scalar(
        select(models.accounts.c.id).where(models.accounts.c.username == username)
    )


def resolve_agency(connection: Connection, text: str) -> str:
    """An agency id for an id or an agency's name (case and spacing ignored)."""
    r = models.records.c
    wanted = text.strip()
    rows = connection.execute(
        select(r.id, r.data).where(r.entity == "agency", r.deleted.is_(False))
    ).all()
    for row in rows:
        if row.id == wanted:
            return row.id
    folded = " ".join(wanted.split()).casefold()
    named = [
        row.id
        for row in rows
        if " ".join(str(row.data.get("name", "")).split()).casefold() == folded
    ]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise AccountError(
            f"nama instansi '{text}' tidak tunggal; pakai id-nya",
            f"more than one agency is named '{text}'; give its id",
        )
    raise AccountError(f"instansi tidak ditemukan: {text}", f"no such agency: {text}")


@dataclass(frozen=True)
class NewAccount:
    """An account as given to ``user add``."""

    username: str
    role: str
    password: str
    agencies: tuple[str, ...] = ()
    region_code: str | None = None
    full_name: str | None = None


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(
            f"kata sandi paling sedikit {MIN_PASSWORD} karakter",
            f"the password needs at least {MIN_PASSWORD} characters",
        )


def add_account(connection: Connection, new: NewAccount) -> AccountInfo:
    """Makes an account (its agencies given by id or name)."""
    username = new.username.strip()
    if not username or len(username) > 120 or any(c.isspace() for c in username):
        raise AccountError(
            "nama pengguna wajib diisi, tanpa spasi, paling banyak 120 karakter",
            "the username is required, without spaces, at most 120 characters",
        )
    if new.role not in ROLES:
        raise AccountError(
            "peran harus operator, verifier atau admin",
            "the role must be operator, verifier or admin",
        )
    region = (new.region_code or "").strip() or None
    if region and region not in {r.code for r in regions()}:
        raise AccountError(
            f"kode wilayah tidak dikenal: {region}", f"unknown region code: {region}"
        )
    _check_password(new.password)
    if find_account_id(connection, username) is not None:
        raise AccountError(f"pengguna {username} sudah ada", f"user {username} already exists")
    agency_ids = sorted({resolve_agency(connection, a) for a in new.agencies})
    if new.role in ("operator", "verifier") and not agency_ids and not region:
        raise AccountError(
            "operator dan verifikator perlu instansi (--agency) atau wilayah (--region)",
            "operators and verifiers need an agency (--agency) or a region (--region)",
        )
    account_id = connection.execute(
        insert(models.accounts)
        .values(
            username=username,
            name=" ".join((new.full_name or username).split()),
            role=new.role,
            region_code=region,
            password_hash=hash_password(new.password),
            disabled=False,
            created_at=utcnow(),
        )
        .returning(models.accounts.c.id)
    ).scalar_one()
    if agency_ids:
        connection.execute(
            insert(models.account_agencies),
            [{"account_id": account_id, "agency_id": a} for a in agency_ids],
        )
    found = load_account(connection, account_id)
    assert found is not None
    return found


def _existing(connection: Connection, username: str) -> int:
    account_id = find_account_id(connection, username)
    if account_id is None:
        raise AccountError(f"pengguna {username} tidak ada", f"no such user: {username}")
    return account_id


def disable_account(connection: Connection, username: str) -> None:
    """Disables an account and ends its logins."""
    account_id = _existing(connection, username)
    connection.execute(
        update(models.accounts).where(models.accounts.c.id == account_id).values(disabled=True)
    )
    connection.execute(delete(models.tokens).where(models.tokens.c.account_id == account_id))


def set_password(connection: Connection, username: str, password: str) -> None:
    """Gives an account a new password (its logins end)."""
    account_id = _existing(connection, username)
    _check_password(password)
    connection.execute(
        update(models.accounts)
        .where(models.accounts.c.id == account_id)
        .values(password_hash=hash_password(password))
    )
    connection.execute(delete(models.tokens).where(models.tokens.c.account_id == account_id))
    connection.execute(
        delete(models.login_failures).where(models.login_failures.c.username == username)
    )


def list_accounts(connection: Connection) -> list[dict[str, Any]]:
    """Every account as a plain dict (no password hash)."""
    a = models.accounts.c
    agencies: dict[int, list[str]] = {}
    for account_id, agency_id in connection.execute(
        select(models.account_agencies.c.account_id, models.account_agencies.c.agency_id)
    ):
        agencies.setdefault(account_id, []).append(agency_id)
    rows = connection.execute(
        select(a.id, a.username, a.name, a.role, a.region_code, a.disabled, a.officer_id).order_by(
            func.lower(a.username)
        )
    )
    return [
        {
            "username": row.username,
            "name": row.name,
            "role": row.role,
            "agency_ids": sorted(agencies.get(row.id, [])),
            "region_code": row.region_code,
            "disabled": row.disabled,
            "officer_id": row.officer_id,
        }
        for row in rows
    ]


def enable_account(connection: Connection, username: str) -> None:
    """Enables a disabled account again."""
    account_id = _existing(connection, username)
    connection.execute(
        update(models.accounts).where(models.accounts.c.id == account_id).values(disabled=False)
    )
