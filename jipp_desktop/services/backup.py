"""Backing up and restoring the whole store.

A backup is a consistent copy made with SQLite's online backup API (safe while the app has the
store open), with the attachment files beside it in ``<name>-attachments`` (the folder layout
the store itself uses; files are named by their SHA-256, so copying only adds what is missing).

A restore first copies the file it is given beside the live store and checks that copy —
SQLite, intact, a revision this app knows, exactly the schema a store of that revision has
(an extra trigger or view would run inside the live store), attachment rows that name no path —
and only then replaces the live store by an atomic rename, after keeping a copy of what it
replaces; it upgrades the restored store when it comes from an older version of the app, and
puts the old one back when that fails. Attachment files come in only when their content hashes
to their name.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from jipp_desktop.db.engine import (
    Database,
    _alembic_config,
    backup_file,
    connect_read_only,
    open_database,
)
from jipp_desktop.db.schema import StoreError
from jipp_desktop.db.schema_check import schema_differences
from jipp_desktop.outputs import atomic_output, protected_reason, sweep_leftovers, temp_name
from jipp_desktop.services.attachments import (
    attachment_row_problem,
    blob_path,
    is_sha256,
    store_folder,
)

SQLITE_HEADER = b"SQLite format 3\x00"
SHOWN_DIFFERENCES = 3


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did.

    Attributes:
        path: the live store, now holding the restored data.
        revision: the schema revision the backup file had.
        previous_copy: where the replaced store was kept (None when there was none).
        upgraded: whether the restored store was upgraded to this app's schema.
        attachments: attachment files copied in from beside the backup.
        attachments_refused: files beside the backup not taken in (a link, a name that is no
            SHA-256, or content that does not hash to its name).
    """

    path: Path
    revision: str
    previous_copy: Path | None
    upgraded: bool
    attachments: int = 0
    attachments_refused: int = 0


class AttachmentCopy(NamedTuple):
    """What :func:`copy_attachments` did: files copied, and files refused (not a plain file, a
    name that is no SHA-256, or content that does not hash to its name)."""

    copied: int
    refused: int


def copy_attachments(source_db: Path, target_db: Path) -> AttachmentCopy:
    """Copies the attachment files of ``source_db`` that ``target_db``'s folder lacks.

    Files are content-addressed, so an existing file is never overwritten or removed. Only a
    plain file (never a link, nor in a linked folder) named ``<2 hex>/<SHA-256>`` whose content
    hashes to that name is copied; the hash is taken of the bytes as they are copied.
    """
    source, target = store_folder(source_db), store_folder(target_db)
    if not source.is_dir() or source.is_symlink():
        return AttachmentCopy(0, 0)
    copied = refused = 0
    for fan in sorted(source.iterdir()):
        if fan.name.startswith("."):
            continue  # an interrupted incoming copy
        if fan.is_symlink() or not fan.is_dir() or len(fan.name) != 2:
            refused += 1
            continue
        for blob in sorted(fan.iterdir()):
            if blob.name.startswith("."):
                continue
            if blob.is_symlink() or not blob.is_file() or not is_sha256(blob.name):
                refused += 1
                continue
            if blob.name[:2] != fan.name:
                refused += 1
                continue
            dest = blob_path(target, blob.name)
            if dest.exists():
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            if _copy_verified(blob, dest):
                copied += 1
            else:
                refused += 1
    return AttachmentCopy(copied, refused)


def _copy_verified(blob: Path, dest: Path) -> bool:
    """Copies ``blob`` to ``dest`` when its content hashes to its name; False otherwise."""
    temp = temp_name(dest)
    digest = hashlib.sha256()
    try:
        with blob.open("rb") as src, temp.open("wb") as out:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != blob.name:
            temp.unlink()
            return False
        os.replace(temp, dest)
        return True
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def backup_database(db: Database, target: Path | str) -> Path:
    """Writes a consistent copy of the open store to ``target`` (replacing an older file there),
    and its attachment files to ``<target name>-attachments``.

    The copy is made beside ``target`` and renamed into place, so a failed backup never leaves
    a half-written file under the name the officer chose. It is a rollback-journal file, not
    WAL, so it opens (and restores) from read-only media.

    Raises:
        StoreError: ``target`` is the live store itself, one of its companion files (``-wal``,
            ``-shm``), inside its attachment folder or would put its attachments there; or its
            folder cannot be written.
    """
    target = Path(target).expanduser().resolve()
    reason = protected_reason(target, stores=[db.path])
    if reason is None and protected_reason(store_folder(target), stores=[db.path]):
        reason = (
            "folder lampiran basis data yang sedang dipakai (untuk lampiran cadangan)",
            "the attachment folder of the database in use (for the backup's attachments)",
        )
    if reason is not None:
        raise StoreError(
            f"{target}: cadangan tidak boleh menimpa {reason[0]} / "
            f"a backup cannot overwrite {reason[1]}"
        )
    if target.is_dir():
        raise StoreError(
            f"{target}: ini folder; beri nama berkas cadangan / "
            "this is a folder; give the backup a file name"
        )
    if not target.parent.is_dir():
        raise StoreError(f"{target.parent}: folder tidak ada / folder does not exist")
    try:
        with atomic_output(target, stores=[db.path]) as temp:
            backup_file(db.path, temp)
            _leave_wal(temp)
        copy_attachments(db.path, target)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"{target}: cadangan gagal ditulis / the backup could not be written ({exc})"
        ) from exc
    return target


def _leave_wal(path: Path) -> None:
    """Turns a copy made by the backup API (which keeps the source's WAL mode) into a
    rollback-journal file: one file, readable where no -shm file can be made."""
    con = sqlite3.connect(str(path))
    try:
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()


def _check_connection(con: sqlite3.Connection, shown: Path) -> str:
    """The checks of :func:`check_backup` on an open connection; returns the revision."""
    from alembic.script import ScriptDirectory

    con.execute("PRAGMA trusted_schema = OFF")
    problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise StoreError(f"{shown}: berkas rusak / the file is damaged ({problems[0]})")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    row = (
        con.execute("SELECT version_num FROM alembic_version").fetchone()
        if "alembic_version" in tables
        else None
    )
    if row is None or "innovations" not in tables:
        raise StoreError(f"{shown}: bukan cadangan JIPP Desktop / not a JIPP Desktop backup")
    revision = str(row[0])
    known = {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if revision not in known:
        raise StoreError(
            f"{shown}: skema {revision} lebih baru dari aplikasi ini / "
            f"schema {revision} is newer than this app; please update JIPP Desktop"
        )
    differences = schema_differences(con, revision)
    if differences:
        more = len(differences) - SHOWN_DIFFERENCES
        tail_id = f" dan {more} lagi" if more > 0 else ""
        tail_en = f" and {more} more" if more > 0 else ""
        listed = differences[:SHOWN_DIFFERENCES]
        raise StoreError(
            f"{shown}: skemanya bukan skema JIPP Desktop revisi {revision} "
            f"({'; '.join(d[0] for d in listed)}{tail_id}); tidak dipulihkan / "
            f"its schema is not that of a JIPP Desktop store at revision {revision} "
            f"({'; '.join(d[1] for d in listed)}{tail_en}); not restored"
        )
    for record_id, sha, name in con.execute("SELECT id, sha256, original_name FROM attachments"):
        problem = attachment_row_problem(sha, name)
        if problem is not None:
            raise StoreError(
                f"{shown}: lampiran {record_id}: {problem[0]}; tidak dipulihkan / "
                f"attachment {record_id}: {problem[1]}; not restored"
            )
    return revision


def check_backup(source: Path | str) -> str:
    """Checks that ``source`` is an intact JIPP Desktop store this app can open: SQLite,
    ``PRAGMA integrity_check``, a revision this app knows, exactly the schema of a store at
    that revision (tables, columns, indexes, triggers, views: nothing extra, nothing missing)
    and attachment rows that name no path.

    Returns:
        The file's schema revision.

    Raises:
        StoreError: naming what is wrong (missing, not SQLite, damaged, not ours, too new, a
            different schema, an attachment row naming a path).
    """
    source = Path(source).expanduser()
    _check_header(source)
    try:
        con = connect_read_only(source)
        try:
            return _check_connection(con, source)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source}: berkas rusak / the file is damaged ({exc})") from exc


def _check_header(source: Path) -> None:
    if source.is_dir():
        raise StoreError(f"{source}: ini folder, bukan berkas / this is a folder, not a file")
    if not source.is_file():
        raise StoreError(f"{source}: berkas tidak ditemukan / file not found")
    with source.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(f"{source}: bukan basis data SQLite / not an SQLite database")


def _take_over(path: Path) -> bool:
    """Folds the live store's write-ahead log into the file, and makes sure no other program
    (a running JIPP Desktop window, a script) has it open: leaving WAL mode needs the store to
    itself, so a refusal means it is in use, and replacing it then could lose that program's
    changes.

    Returns:
        False when the live file is not an SQLite database at all (damaged beyond opening —
        just when a restore is needed most): it is then kept as a plain copy.
    """
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return False
    con = sqlite3.connect(str(path), timeout=0)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = con.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        mode = "in use" if "locked" in str(exc) or "busy" in str(exc) else "damaged"
    except sqlite3.DatabaseError:
        mode = "damaged"
    finally:
        con.close()
    if mode == "damaged":
        return False
    if mode != "delete":
        raise StoreError(
            f"{path}: basis data sedang dibuka program lain; tutup JIPP Desktop lalu ulangi / "
            "the database is open in another program; close JIPP Desktop and try again"
        )
    return True


def _copy_store(source: Path, target: Path) -> None:
    """Copies the store ``source`` (read-only, maybe on read-only media) to ``target`` with
    the backup API, as a rollback-journal file."""
    src = connect_read_only(source)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _leave_wal(target)


def _keep_previous(live: Path, sqlite: bool) -> Path:
    """Copies the live store (SQLite's backup API; a plain copy when it is not SQLite) to
    ``<name>.before-restore-<time><suffix>`` beside it."""
    previous = live.with_name(f"{live.stem}.before-restore-{_stamp()}{live.suffix}")
    temp = temp_name(previous)
    try:
        if sqlite:
            backup_file(live, temp)
        else:
            shutil.copyfile(live, temp)
        os.replace(temp, previous)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return previous


def _remove_companions(live: Path) -> None:
    for stale in (Path(f"{live}-wal"), Path(f"{live}-shm"), Path(f"{live}-journal")):
        stale.unlink(missing_ok=True)


def _put_back(previous: Path | None, live: Path) -> None:
    """Puts the kept copy back in place of a restored store that failed to open (or removes
    the restored store when there was none before)."""
    _remove_companions(live)
    if previous is None:
        live.unlink(missing_ok=True)
        return
    temp = temp_name(live)
    shutil.copyfile(previous, temp)
    os.replace(temp, live)


def restore_database(source: Path | str, live: Path | str) -> RestoreResult:
    """Replaces the store at ``live`` with the backup ``source``, after checking it.

    The backup is first copied beside the live store and the copy is checked
    (:func:`check_backup`: what is restored is what was checked). The store being replaced
    is kept as ``<name>.before-restore-<time>.db`` (as a plain copy when it is not even
    SQLite). When the restored store then fails to open or upgrade, the old store is put back.
    Attachment files beside the backup are added to the store's folder, each checked against
    its hash (none is removed: the kept copy may still refer to them). Nothing may have the
    live store open meanwhile (the app closes it before calling this).

    Raises:
        StoreError: the backup fails a check (nothing is changed then), or a file step fails
            (the message says whether the old store is in place and where its copy is).
    """
    source = Path(source).expanduser().resolve()
    live = Path(live).expanduser().resolve()
    reason = protected_reason(source, stores=[live])
    if reason is not None:
        raise StoreError(f"{source}: berkas ini adalah {reason[0]} / this file is {reason[1]}")
    _check_header(source)
    live.parent.mkdir(parents=True, exist_ok=True)
    sweep_leftovers(live)
    temp = temp_name(live)
    try:
        _copy_store(source, temp)
        con = sqlite3.connect(str(temp))
        try:
            revision = _check_connection(con, source)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        temp.unlink(missing_ok=True)
        raise StoreError(f"{source}: berkas rusak / the file is damaged ({exc})") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    previous: Path | None = None
    try:
        existing = live.exists() and live.stat().st_size > 0
        if existing:
            previous = _keep_previous(live, _take_over(live))
        _remove_companions(live)
        os.replace(temp, live)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, StoreError):
            raise
        if isinstance(exc, OSError | sqlite3.Error):
            raise StoreError(
                f"{live}: pemulihan gagal, basis data lama tidak diganti / "
                f"the restore failed, the old database was not replaced ({exc})"
            ) from exc
        raise
    try:
        db = open_database(live)
        try:
            upgraded = db.backup_path is not None
        finally:
            db.close()
    except Exception as exc:
        _put_back(previous, live)
        kept = f"; salinannya juga di {previous} / a copy is also at {previous}" if previous else ""
        raise StoreError(
            f"{live}: cadangan dipulihkan tetapi tidak dapat dibuka ({exc}); basis data lama "
            f"dikembalikan / the backup was restored but cannot be opened ({exc}); the old "
            f"database was put back{kept}"
        ) from exc
    copy = copy_attachments(source, live)
    return RestoreResult(live, revision, previous, upgraded, copy.copied, copy.refused)
