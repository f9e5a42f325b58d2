"""Evidence files, stored once by their SHA-256 in a folder beside the database."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Attachment, utcnow
from jipp_desktop.domain.errors import FieldError, NotFound, ValidationFailed
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.officers import Actor, require_role

MAX_BYTES = 50 * 1024 * 1024
OWNER_KINDS = ("innovation", "verification")


def store_folder(db_path: Path) -> Path:
    """Where a database's attachment files live."""
    return db_path.parent / f"{db_path.stem}-attachments"


def blob_path(folder: Path, sha256: str) -> Path:
    """The stored file of a hash (two-level fan-out keeps folders small)."""
    return folder / sha256[:2] / sha256


def _store(folder: Path, source: Path) -> tuple[str, int]:
    """Copies ``source`` into the store, returning its hash and size; a stored copy is reused."""
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise ValidationFailed(
                        [
                            FieldError(
                                "attachment",
                                f"{source.name}: berkas lebih dari {MAX_BYTES // 2**20} MB",
                                f"{source.name}: file larger than {MAX_BYTES // 2**20} MB",
                            )
                        ]
                    )
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        target = blob_path(folder, sha)
        if target.exists():
            os.unlink(tmp_name)
        else:
            target.parent.mkdir(exist_ok=True)
            os.replace(tmp_name, target)
        return sha, size
    except BaseException:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise


def add_attachment(
    session: Session,
    actor: Actor,
    folder: Path,
    owner_kind: str,
    owner_id: str,
    source: Path,
) -> Attachment:
    """Attaches a file to a record; the bytes go to the store first, the row in the session."""
    require_role(actor, "operator", "verifier", "admin")
    if owner_kind not in OWNER_KINDS:
        raise ValueError(f"unknown owner kind {owner_kind!r}")
    if not source.is_file():
        raise ValidationFailed(
            [FieldError("attachment", f"{source}: berkas tidak ada", f"{source}: no such file")]
        )
    sha, size = _store(folder, source)
    attachment = Attachment(
        owner_kind=owner_kind,
        owner_id=owner_id,
        sha256=sha,
        original_name=source.name,
        media_type=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
        size=size,
        added_by=actor.id,
    )
    session.add(attachment)
    session.flush()
    record_change(session, actor, "attachment", attachment.id, "create", summary=source.name)
    return attachment


def attachments_of(session: Session, owner_id: str) -> list[Attachment]:
    """A record's attachments, oldest first."""
    return list(
        session.scalars(
            select(Attachment)
            .where(Attachment.owner_id == owner_id, Attachment.deleted_at.is_(None))
            .order_by(Attachment.added_at)
        )
    )


def remove_attachment(session: Session, actor: Actor, attachment_id: str) -> None:
    """Tombstones an attachment (the stored bytes stay while another record may share them)."""
    require_role(actor, "operator", "verifier", "admin")
    attachment = session.get(Attachment, attachment_id)
    if attachment is None or attachment.deleted_at is not None:
        raise NotFound("lampiran tidak ditemukan", "attachment not found")
    attachment.deleted_at = utcnow()
    record_change(
        session, actor, "attachment", attachment.id, "delete", summary=attachment.original_name
    )


def export_attachment(folder: Path, attachment: Attachment, target: Path) -> Path:
    """Copies a stored attachment out under its original name (to open or save it)."""
    source = blob_path(folder, attachment.sha256)
    if not source.exists():
        raise NotFound(
            f"berkas lampiran {attachment.original_name} hilang dari penyimpanan",
            f"the file of attachment {attachment.original_name} is missing from the store",
        )
    shutil.copyfile(source, target)
    return target
