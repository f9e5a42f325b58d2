"""Backing up and restoring the whole store.

A backup is a consistent copy made with SQLite's online backup API (safe while the app has the
store open), with the attachment files beside it in ``<name>-attachments`` (the folder layout
the store itself uses; files are named by their SHA-256, so copying only adds what is missing).

A restore first checks the file it is given — SQLite, intact, a JIPP Desktop store of a schema
this app knows — and only then replaces the live store: through a copy in the same folder and
an atomic rename, after keeping a copy of what it replaces, and finally upgrading the restored
store when it comes from an older version of the app.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jipp_desktop.db.engine import (
    Database,
    _alembic_config,
    backup_file,
    open_database,
    read_only_uri,
)
from jipp_desktop.db.schema import StoreError
from jipp_desktop.outputs import atomic_output, protected_reason
from jipp_desktop.services.attachments import store_folder

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did.

    Attributes:
        path: the live store, now holding the restored data.
        revision: the schema revision the backup file had.
        previous_copy: where the replaced store was kept (None when there was none).
        upgraded: whether the restored store was upgraded to this app's schema.
        attachments: attachment files copied in from beside the backup.
    """

    path: Path
    revision: str
    previous_copy: Path | None
    upgraded: bool
    attachments: int = 0


def copy_attachments(source_db: Path, target_db: Path) -> int:
    """Copies the attachment files of ``source_db`` that ``target_db``'s folder lacks.

    Files are content-addressed, so an existing file is never overwritten or removed.

    Returns:
        How many files were copied.
    """
    source, target = store_folder(source_db), store_folder(target_db)
    if not source.is_dir():
        return 0
    copied = 0
    for blob in source.glob("??/*"):
        if blob.name.startswith("."):
            continue  # an interrupted incoming copy
        dest = target / blob.parent.name / blob.name
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            temp = _temp_beside(dest, "copy")
            shutil.copyfile(blob, temp)
            os.replace(temp, dest)
            copied += 1
    return copied


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S")


def _temp_beside(path: Path, what: str) -> Path:
    return path.with_name(f".{path.name}.{what}-{os.getpid()}.tmp")


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


def check_backup(source: Path | str) -> str:
    """Checks that ``source`` is an intact JIPP Desktop store this app can open.

    Returns:
        The file's schema revision.

    Raises:
        StoreError: naming what is wrong (missing, not SQLite, damaged, not ours, too new).
    """
    from alembic.script import ScriptDirectory

    source = Path(source).expanduser()
    if source.is_dir():
        raise StoreError(f"{source}: ini folder, bukan berkas / this is a folder, not a file")
    if not source.is_file():
        raise StoreError(f"{source}: berkas tidak ditemukan / file not found")
    with source.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(f"{source}: bukan basis data SQLite / not an SQLite database")
    try:
        con = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
            if problems != ["ok"]:
                raise StoreError(f"{source}: berkas rusak / the file is damaged ({problems[0]})")
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            row = (
                con.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source}: berkas rusak / the file is damaged ({exc})") from exc
    if row is None or "innovations" not in tables:
        raise StoreError(f"{source}: bukan cadangan JIPP Desktop / not a JIPP Desktop backup")
    revision = str(row[0])
    known = {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if revision not in known:
        raise StoreError(
            f"{source}: skema {revision} lebih baru dari aplikasi ini / "
            f"schema {revision} is newer than this app; please update JIPP Desktop"
        )
    return revision


def _take_over(path: Path) -> None:
    """Folds the live store's write-ahead log into the file, and makes sure no other program
    (a running JIPP Desktop window, a script) has it open: leaving WAL mode needs the store to
    itself, so a refusal means it is in use, and replacing it then could lose that program's
    changes."""
    con = sqlite3.connect(str(path), timeout=0)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = con.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        mode = "in use"
    finally:
        con.close()
    if mode != "delete":
        raise StoreError(
            f"{path}: basis data sedang dibuka program lain; tutup JIPP Desktop lalu ulangi / "
            "the database is open in another program; close JIPP Desktop and try again"
        )


def restore_database(source: Path | str, live: Path | str) -> RestoreResult:
    """Replaces the store at ``live`` with the backup ``source``, after checking it.

    The store being replaced is first copied to ``<name>.before-restore-<time>.db``. Attachment
    files beside the backup are added to the store's folder (none is removed: the kept copy may
    still refer to them). Nothing may have the live store open meanwhile (the app closes it
    before calling this).

    Raises:
        StoreError: the backup fails a check (nothing is changed then), or a file step fails.
    """
    source = Path(source).expanduser().resolve()
    live = Path(live).expanduser().resolve()
    if source == live:
        raise StoreError(
            f"{source}: berkas ini adalah basis data yang sedang dipakai / "
            "this file is the database in use"
        )
    revision = check_backup(source)
    live.parent.mkdir(parents=True, exist_ok=True)
    existing = live.exists() and live.stat().st_size > 0
    if existing:
        _take_over(live)
    previous: Path | None = None
    temp = _temp_beside(live, "restore")
    try:
        backup_file(source, temp)
        if existing:
            previous = live.with_name(f"{live.stem}.before-restore-{_stamp()}{live.suffix}")
            backup_file(live, previous)
        for stale in (Path(f"{live}-wal"), Path(f"{live}-shm")):
            stale.unlink(missing_ok=True)
        os.replace(temp, live)
        attachments = copy_attachments(source, live)
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        raise StoreError(f"{live}: pemulihan gagal / the restore failed ({exc})") from exc
    db = open_database(live)
    try:
        upgraded = db.backup_path is not None
    finally:
        db.close()
    return RestoreResult(live, revision, previous, upgraded, attachments)
