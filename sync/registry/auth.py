"""Logins and bearer tokens.

A login checks the password (argon2id) and answers a random token valid ``token_hours``; the
registry keeps only the token's SHA-256. Failed logins are counted in the database per username:
``MAX_FAILURES`` within ``WINDOW`` and further tries get 429 with Retry-After until the oldest
failure leaves the window (in every process alike).
"""

from __future__ import annotations

import hashlib
import math
import secrets
from datetime import timedelta

from sqlalchemy import Engine, delete, func, insert, select, update

from sync.protocol import Login, Token
from sync.registry import models
from sync.registry.accounts import find_account_id, load_account
from sync.registry.clock import aware, utcnow
from sync.registry.db import read_only
from sync.registry.errors import ApiError
from sync.registry.passwords import hash_password, needs_rehash, verify_password
from sync.registry.scope import AccountInfo

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def token_digest(token: str) -> str:
    """What the registry stores of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _unauthorized(code: str, id_text: str, en_text: str) -> ApiError:
    return ApiError(401, code, id_text, en_text, {"WWW-Authenticate": "Bearer"})


def login(engine: Engine, body: Login, token_hours: float) -> Token:
    """A token for a right username and password (see the module's docstring)."""
    username = body.username.strip()
    now = utcnow()
    f = models.login_failures.c
    with engine.connect() as connection, read_only(connection).begin():
        recent = connection.execute(
            select(func.count(), func.min(f.at)).where(f.username == username, f.at > now - WINDOW)
        ).one()
        account_id = find_account_id(connection, username)
        stored_hash = (
            connection.scalar(
                select(models.accounts.c.password_hash).where(models.accounts.c.id == account_id)
            )
            if account_id is not None
            else None
        )
    if recent[0] >= MAX_FAILURES:
        wait = max(1, math.ceil((recent[1] + WINDOW - now).total_seconds()))
        raise ApiError(
            429,
            "too_many_logins",
            f"terlalu banyak percobaan masuk yang gagal; coba lagi dalam {wait} detik",
            f"too many failed logins; try again in {wait} seconds",
            {"Retry-After": str(wait)},
        )
    if not verify_password(stored_hash, body.password) or account_id is None:
        with engine.begin() as connection:
            connection.execute(insert(models.login_failures).values(username=username, at=now))
            connection.execute(delete(models.login_failures).where(f.at < now - WINDOW))
        raise _unauthorized(
            "bad_login", "nama pengguna atau kata sandi salah", "wrong username or password"
        )
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(hours=token_hours)
    with engine.begin() as connection:
        account = load_account(connection, account_id)
        assert account is not None
        if account.disabled:
            raise ApiError(
                403, "account_disabled", "akun ini dinonaktifkan", "this account is disabled"
            )
        t = models.tokens.c
        connection.execute(
            delete(models.tokens).where(t.account_id == account_id, t.expires_at < now)
        )
        connection.execute(delete(models.login_failures).where(f.username == username))
        connection.execute(
            insert(models.tokens).values(
                token_sha256=token_digest(token),
                account_id=account_id,
                device_id=body.device_id,
                created_at=now,
                expires_at=expires,
            )
        )
        if stored_hash and needs_rehash(stored_hash):
            connection.execute(
                update(models.accounts)
                .where(models.accounts.c.id == account_id)
                .values(password_hash=hash_password(body.password))
            )
    return Token(token=token, expires_at=aware(expires), account=account.to_wire())


def authenticate(engine: Engine, authorization: str | None) -> AccountInfo:
    """The account of a bearer token: 401 without one or for an unknown or expired one, 403
    for a disabled account."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized(
            "login_required", "perlu masuk terlebih dahulu (token)", "log in first (bearer token)"
        )
    t = models.tokens.c
    with engine.connect() as connection, read_only(connection).begin():
        row = connection.execute(
            select(t.account_id, t.expires_at).where(t.token_sha256 == token_digest(token.strip()))
        ).first()
        if row is None:
            raise _unauthorized(
                "token_unknown",
                "token tidak dikenal; silakan masuk lagi",
                "unknown token; log in again",
            )
        if row.expires_at <= utcnow():
            raise _unauthorized(
                "token_expired",
                "token sudah kedaluwarsa; silakan masuk lagi",
                "the token expired; log in again",
            )
        account = load_account(connection, row.account_id)
    if account is None or account.disabled:
        raise ApiError(
            403, "account_disabled", "akun ini dinonaktifkan", "this account is disabled"
        )
    return account
