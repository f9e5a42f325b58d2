"""Attachment files the sync moves: those the registry may lack (named by attachments waiting
to be pushed) and those this device lacks (named by live attachments)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Attachment, OutboxChange
from jipp_desktop.services.attachments import blob_path


def files_to_upload(session: Session) -> list[str]:
    """The SHA-256 of the files of attachments waiting to be pushed (not deletions)."""
    query = (
        select(Attachment.sha256)
        .join(
            OutboxChange,
            (OutboxChange.entity == "attachment") & (OutboxChange.record_id == Attachment.id),
        )
        .where(OutboxChange.operation != "delete", Attachment.deleted_at.is_(None))
        .distinct()
    )
    return sorted(session.scalars(query))


def files_to_download(session: Session, folder: Path) -> list[str]:
    """The SHA-256 of live attachments whose file is not in the store's folder."""
    hashes = session.scalars(
        select(Attachment.sha256).where(Attachment.deleted_at.is_(None)).distinct()
    )
    return sorted(h for h in hashes if not blob_path(folder, h).exists())


class DamagedFile(ValueError):
    """A file whose bytes do not hash to its name."""


def store_file(folder: Path, sha256: str, content: bytes) -> Path:
    """Stores a downloaded file under its hash, after checking that it is that file."""
    if hashlib.sha256(content).hexdigest() != sha256:
        raise DamagedFile(sha256)
    target = blob_path(folder, sha256)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(tmp_name, target)
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise
    return target


def read_file(folder: Path, sha256: str) -> bytes | None:
    """A stored file's bytes (None when this device does not have it)."""
    path = blob_path(folder, sha256)
    return path.read_bytes() if path.exists() else None
