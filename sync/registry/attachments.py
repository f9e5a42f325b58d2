"""Attachment files, stored once by SHA-256 in the database (a LargeBinary column: shared by
every process, backed up with the rest)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sync.registry import models
from sync.registry.clock import utcnow
from sync.registry.db import read_only
from sync.registry.errors import ApiError
from sync.registry.scope import AccountInfo


def missing(engine: Engine, hashes: list[str]) -> list[str]:
    """Which of these files the registry lacks, in the order asked."""
    if not hashes:
        return []
    with engine.connect() as connection, read_only(connection).begin():
        have = set(
            connection.scalars(
                select(models.attachments.c.sha256).where(
                    models.attachments.c.sha256.in_(sorted(set(hashes)))
                )
            )
        )
    seen: set[str] = set()
    out = []
    for h in hashes:
        if h not in have and h not in seen:
            seen.add(h)
            out.append(h)
    return out


def store_file(engine: Engine, sha256: str, content: bytes) -> bool:
    """Stores a file after checking its hash; False when it was there already."""
    if hashlib.sha256(content).hexdigest() != sha256:
        raise ApiError(
            422,
            "hash_mismatch",
            "isi berkas tidak cocok dengan sidik SHA-256-nya",
            "the file's content does not match its SHA-256",
        )
    with engine.begin() as connection:
        dialect_insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
        done = connection.execute(
            dialect_insert(models.attachments)
            .values(sha256=sha256, size=len(content), content=content, stored_at=utcnow())
            .on_conflict_do_nothing(index_elements=["sha256"])
        )
        return bool(done.rowcount)


def read_file(engine: Engine, account: AccountInfo, sha256: str) -> bytes:
    """A stored file, for an account that may see an attachment record naming it."""
    r = models.records.c
    with engine.connect() as connection, read_only(connection).begin():
        named = connection.scalar(
            select(r.id)
            .where(
                r.entity == "attachment",
                r.file_sha256 == sha256,
                r.deleted.is_(False),
                account.pull_filter(),
            )
            .limit(1)
        )
        content = (
            connection.scalar(
                select(models.attachments.c.content).where(models.attachments.c.sha256 == sha256)
            )
            if named is not None
            else None
        )
    if content is None:
        raise ApiError(404, "not_found", "berkas tidak ditemukan", "file not found")
    return bytes(content)
