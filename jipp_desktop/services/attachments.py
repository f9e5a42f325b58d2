"""Evidence files, stored once by their SHA-256 in a folder beside the database.

An attachment row names its file by ``sha256`` and shows it as ``original_name``; neither is
ever used as a path as it is. :func:`blob_path` takes only a SHA-256 (64 lower-case hex digits:
no "/", no "..") and :func:`export_attachment` writes under :func:`safe_file_name` of the
original name, inside the folder it is given, after checking that the stored file is a regular
file (not a link) whose content hashes to its name. :func:`attachment_row_problem` is the check
where rows come in (a restored backup; the sync code calls these functions too).
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Attachment, utcnow
from jipp_desktop.domain.errors import FieldError, NotFound, ServiceError, ValidationFailed
from jipp_desktop.domain.text import clean_text
from jipp_desktop.outputs import atomic_output, check_output
from jipp_desktop.outputs import store_folder as store_folder
from jipp_desktop.progress import ProgressFn
from jipp_desktop.services.changes import record_change
from jipp_desktop.services.officers import Actor, require_role

MAX_BYTES = 50 * 1024 * 1024
OWNER_KINDS = ("innovation", "verification")
MAX_NAME = 255
SHA256 = re.compile(r"[0-9a-f]{64}")
# Characters no file name may hold on one of the systems the app runs on (Windows is the
# strictest), and the names Windows keeps for devices.
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_DEVICE_NAMES = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$")


class UnsafeAttachment(ServiceError, ValueError):
    """An attachment row or file that would be read or written outside the store's folders, or
    whose content is not what its name says."""


def is_sha256(text: object) -> bool:
    """Whether ``text`` is a SHA-256 as the store writes it (64 lower-case hex digits)."""
    return isinstance(text, str) and SHA256.fullmatch(text) is not None


def blob_path(folder: Path, sha256: str) -> Path:
    """The stored file of a hash (two-level fan-out keeps folders small).

    Raises:
        UnsafeAttachment: ``sha256`` is not 64 lower-case hex digits (a "/" or ".." in it
            would name a file elsewhere).
    """
    if not is_sha256(sha256):
        raise UnsafeAttachment(
            f"nama berkas lampiran {str(sha256)[:80]!r} bukan SHA-256; lampiran ditolak",
            f"the attachment file name {str(sha256)[:80]!r} is not a SHA-256; refused",
        )
    return folder / sha256[:2] / sha256


def original_name_problem(name: object) -> tuple[str, str] | None:
    """Why ``name`` cannot be an attachment's original name (Indonesian, English), or None:
    it must be a bare file name — no folder, no "..", no control character, not too long."""
    if not isinstance(name, str) or not name.strip():
        return ("nama berkas kosong", "the file name is empty")
    if "/" in name or "\\" in name or name in (".", "..") or re.match(r"^[A-Za-z]:", name):
        return (
            f"nama berkas {name[:80]!r} memuat folder atau lokasi",
            f"the file name {name[:80]!r} holds a folder or a location",
        )
    if clean_text(name) != name.strip() or not name.isprintable():
        return (
            f"nama berkas {name[:80]!r} memuat karakter kendali atau tak terlihat",
            f"the file name {name[:80]!r} holds control or invisible characters",
        )
    if len(name.encode("utf-8")) > MAX_NAME:
        return (
            f"nama berkas lebih dari {MAX_NAME} bita",
            f"the file name is longer than {MAX_NAME} bytes",
        )
    return None


def attachment_row_problem(sha256: object, original_name: object) -> tuple[str, str] | None:
    """What is wrong with an attachment row's file name and hash (for rows coming in)."""
    if not is_sha256(sha256):
        return (f"SHA-256 {str(sha256)[:80]!r} tidak sah", f"invalid SHA-256 {str(sha256)[:80]!r}")
    return original_name_problem(original_name)


def safe_file_name(name: str, fallback: str = "lampiran") -> str:
    """A name to write a file under on any system: the last part of ``name`` only, without
    characters a file system refuses, not a device name, not too long."""
    base = re.split(r"[/\\]", str(name))[-1]
    base = unicodedata.normalize("NFC", clean_text(base))
    base = _NOT_IN_NAMES.sub("_", base).strip(" .")
    if not base or base in (".", "..") or _DEVICE_NAMES.match(base):
        base = f"{fallback}-{base}" if base else fallback
    while len(base.encode("utf-8")) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[:-1] + dot + suffix) if dot and len(suffix) < 16 and stem else base[:-1]
    return base


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
    name = safe_file_name(source.name)
    attachment = Attachment(
        owner_kind=owner_kind,
        owner_id=owner_id,
        sha256=sha,
        original_name=name,
        media_type=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
        size=size,
        added_by=actor.id,
    )
    session.add(attachment)
    session.flush()
    record_change(session, actor, "attachment", attachment.id, "create", summary=name)
    return attachment


def add_attachments(
    session: Session,
    actor: Actor,
    folder: Path,
    owner_kind: str,
    owner_id: str,
    sources: Sequence[Path],
    progress: ProgressFn | None = None,
) -> list[str]:
    """Attaches files to a record, all or none (the caller's transaction); returns their ids.

    Raises:
        Cancelled: ``progress`` said stop (nothing is kept).
    """
    ids = []
    for done, source in enumerate(sources):
        if progress is not None:
            progress(done, len(sources))
        ids.append(add_attachment(session, actor, folder, owner_kind, owner_id, source).id)
    return ids


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
    """Copies a stored attachment out (to open or save it) and returns the file written.

    ``target`` is a folder — the file is written in it under :func:`safe_file_name` of the
    original name, never elsewhere — or the file to write (a name the officer chose). The
    stored file must be a regular file, not a link, whose content hashes to its name.

    Raises:
        NotFound: the stored file is missing.
        UnsafeAttachment: the row's hash is no SHA-256, or the stored file is a link or does not
            hold what its name says.
        OutputRefused: ``target`` would overwrite the store or its attachment files.
    """
    source = blob_path(folder, attachment.sha256)
    if not source.exists() and not source.is_symlink():
        raise NotFound(
            f"berkas lampiran {attachment.original_name} hilang dari penyimpanan",
            f"the file of attachment {attachment.original_name} is missing from the store",
        )
    if source.is_symlink() or not source.is_file() or source.parent.is_symlink():
        raise UnsafeAttachment(
            f"berkas lampiran {attachment.original_name} bukan berkas biasa; tidak dibuka",
            f"the file of attachment {attachment.original_name} is not a plain file; not opened",
        )
    target = Path(target)
    if target.is_dir():
        target = target / safe_file_name(attachment.original_name)
    target = check_output(target, inputs=[source])
    digest = hashlib.sha256()
    with atomic_output(target, inputs=[source]) as temp:
        with source.open("rb") as src, temp.open("wb") as out:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != attachment.sha256:
            raise UnsafeAttachment(
                f"berkas lampiran {attachment.original_name} rusak (isinya tidak cocok dengan "
                "sidiknya); tidak dibuka",
                f"the file of attachment {attachment.original_name} is damaged (its content "
                "does not match its hash); not opened",
            )
    return target
