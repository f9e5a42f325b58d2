"""Issue 11.6 and 11.4: hostile backups and files that only look like a store.

A restore takes in exactly the schema a store of the backup's revision has (no extra trigger or
view, nothing missing or reshaped, named in the refusal), attachment rows that name no path, and
attachment files only when they are plain files whose content hashes to their name; a restore
that fails after the swap puts the old store back. Where attachment rows are used
(blob_path, export_attachment) their names and hashes are checked again.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jipp_desktop.db.engine import Database, open_database, upgrade
from jipp_desktop.db.models import Attachment, AuditEntry, Innovation
from jipp_desktop.db.schema import StoreError
from jipp_desktop.services import backup as backup_module
from jipp_desktop.services.attachments import (
    UnsafeAttachment,
    add_attachment,
    attachments_of,
    blob_path,
    export_attachment,
    store_folder,
)
from jipp_desktop.services.backup import backup_database, check_backup, restore_database
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.verification import submit

PDF = b"%PDF-1.4 bukti lapangan\n"


def count(path: Path, table: str = "innovations") -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def alter(path: Path, *statements: str) -> Path:
    con = sqlite3.connect(path)
    for sql in statements:
        con.execute(sql)
    con.commit()
    con.close()
    return path


@pytest.fixture
def live(db: Database, operator, make_values, tmp_path: Path) -> Path:
    """The live store with one record (closed, as the app closes it before a restore)."""
    with db.transaction() as s:
        create_innovation(s, operator, make_values())
    db.close()
    return db.path


@pytest.fixture
def good_backup(live: Path, operator, make_values, tmp_path: Path) -> Path:
    away = tmp_path / "flashdisk"
    away.mkdir()
    db = open_database(live)
    with db.transaction() as s:
        create_innovation(s, operator, make_values(title="Gerai Kartu Identitas Anak"))
    path = backup_database(db, away / "cadangan.db")
    with db.transaction() as s:
        create_innovation(s, operator, make_values(title="Layanan Ketiga Sesudah Cadangan"))
    db.close()
    return path


def refused(backup: Path, live: Path, *words: str) -> str:
    before = (count(live), count(live, "audit_log"))
    with pytest.raises(StoreError) as info:
        restore_database(backup, live)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert (count(live), count(live, "audit_log")) == before
    assert not list(live.parent.glob("*before-restore*"))
    assert not [p for p in live.parent.iterdir() if p.name.startswith(".")]
    return message


EVIL_TRIGGERS = (
    "CREATE TRIGGER hapus_jejak AFTER INSERT ON audit_log BEGIN "
    "DELETE FROM audit_log WHERE id = NEW.id; END",
    "CREATE TRIGGER loloskan AFTER UPDATE OF workflow ON innovations "
    "WHEN NEW.workflow = 'submitted' BEGIN "
    "UPDATE innovations SET workflow = 'verified' WHERE id = NEW.id; END",
)


@pytest.mark.parametrize("trigger", EVIL_TRIGGERS)
def test_a_backup_with_an_extra_trigger_is_refused_and_it_never_runs(
    good_backup, live, operator, trigger
):
    alter(good_backup, trigger)
    name = trigger.split()[2]
    refused(good_backup, live, f"extra trigger {name}", "not restored")
    with pytest.raises(StoreError, match=f"extra trigger {name}"):
        check_backup(good_backup)
    db = open_database(live)
    try:
        with db.transaction() as s:
            record = s.scalar(select(Innovation.id))
            submit(s, operator, record)
        with db.session() as s:
            assert s.scalar(select(Innovation.workflow).where(Innovation.id == record)) == (
                "submitted"
            )
            assert s.scalar(select(func.count()).select_from(AuditEntry)) >= 2
    finally:
        db.close()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (("CREATE VIEW semua AS SELECT * FROM innovations",), "extra view semua"),
        (("CREATE INDEX ix_siluman ON innovations (title)",), "extra index ix_siluman"),
        (("CREATE TABLE catatan_lain (x)",), "extra table catatan_lain"),
        (("DROP INDEX ix_innovations_counts",), "missing index ix_innovations_counts"),
        (("ALTER TABLE innovations DROP COLUMN contact_email",), "innovations.contact_email"),
        (("ALTER TABLE audit_log ADD COLUMN jejak TEXT",), "extra column audit_log.jejak"),
        (("DROP TRIGGER innovations_fts_update",), "missing trigger innovations_fts_update"),
    ],
)
def test_a_backup_whose_schema_differs_is_refused_with_the_difference_named(
    good_backup, live, statements, named
):
    alter(good_backup, *statements)
    refused(good_backup, live, named)


def test_a_file_that_only_looks_like_a_store_is_refused_and_every_command_still_works(
    live, tmp_path, operator
):
    fake = alter(
        tmp_path / "mirip.db",
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
        "INSERT INTO alembic_version VALUES ('0004')",
        "CREATE TABLE innovations (id TEXT PRIMARY KEY, title TEXT)",
    )
    message = refused(fake, live, "revision 0004", "missing table agencies", "more")
    assert message.count("\n") == 0
    db = open_database(live)
    try:
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Innovation)) == 1
    finally:
        db.close()


@pytest.mark.parametrize(
    ("sha", "name", "named"),
    [
        ("../../../../etc/passwd", "passwd", "invalid SHA-256"),
        ("a" * 63 + "/", "bukti.pdf", "invalid SHA-256"),
        ("a" * 64, "../../.bashrc", "holds a folder"),
        ("a" * 64, "/etc/cron.d/jipp", "holds a folder"),
        ("a" * 64, "C:\\Windows\\evil.dll", "holds a folder"),
        ("a" * 64, "bukti\x00.pdf", "control or invisible"),
    ],
)
def test_a_backup_whose_attachment_rows_name_paths_is_refused(good_backup, live, sha, name, named):
    con = sqlite3.connect(good_backup)
    owner = con.execute("SELECT id FROM innovations LIMIT 1").fetchone()[0]
    con.execute(
        "INSERT INTO attachments (id, owner_kind, owner_id, sha256, original_name, media_type, "
        "size, added_at, updated_at, local_version, synced_version, is_demo) VALUES "
        "('lamp-1', 'innovation', ?, ?, ?, 'application/pdf', 1, '2024-01-01', '2024-01-01', "
        "1, 0, 0)",
        (owner, sha, name),
    )
    con.commit()
    con.close()
    refused(good_backup, live, "lamp-1", named)


def test_only_plain_files_that_hash_to_their_name_come_in(good_backup, live, tmp_path):
    folder = store_folder(good_backup)
    good_sha = hashlib.sha256(PDF).hexdigest()
    blob_path(folder, good_sha).parent.mkdir(parents=True)
    blob_path(folder, good_sha).write_bytes(PDF)
    liar = hashlib.sha256(b"something else").hexdigest()
    blob_path(folder, liar).parent.mkdir(parents=True, exist_ok=True)
    blob_path(folder, liar).write_bytes(b"malware pretending")
    secret = tmp_path / "rahasia.txt"
    secret.write_bytes(b"kata sandi")
    linked = hashlib.sha256(b"kata sandi").hexdigest()
    blob_path(folder, linked).parent.mkdir(parents=True, exist_ok=True)
    blob_path(folder, linked).symlink_to(secret)
    (folder / "zz").symlink_to(tmp_path, target_is_directory=True)
    (folder / good_sha[:2] / "bukan-sha.exe").write_bytes(b"MZ")

    result = restore_database(good_backup, live)

    assert (result.attachments, result.attachments_refused) == (1, 4)
    copied = sorted(p.name for p in store_folder(live).rglob("*") if p.is_file())
    assert copied == [good_sha]
    assert not any(p.is_symlink() for p in store_folder(live).rglob("*"))


def test_a_restore_that_fails_after_the_swap_puts_the_old_store_back(
    good_backup, live, monkeypatch
):
    before = count(live)

    def broken(*_args, **_kw):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(backup_module, "open_database", broken)
    with pytest.raises(StoreError) as info:
        restore_database(good_backup, live)
    message = str(info.value)
    assert "put back" in message and "before-restore" in message
    assert count(live) == before == 3
    kept = list(live.parent.glob("*before-restore*"))
    assert len(kept) == 1 and count(kept[0]) == 3


def test_an_older_backup_as_an_older_app_wrote_it_is_restored_and_upgraded(live, tmp_path):
    old = tmp_path / "lama.db"
    older = Database(old)
    upgrade(older, "0003")
    older.close()
    result = restore_database(old, live)
    assert result.revision == "0003" and result.upgraded
    assert count(live) == 0 and count(result.previous_copy) == 1


def test_attachment_rows_are_checked_where_they_are_used(db, operator, make_values, tmp_path):
    source = tmp_path / "Bukti\x07 lapangan\u200b.pdf"
    source.write_bytes(PDF)
    folder = store_folder(db.path)
    with db.transaction() as s:
        record = create_innovation(s, operator, make_values()).id
        stored = add_attachment(s, operator, folder, "innovation", record, source)
        assert stored.original_name == "Bukti lapangan.pdf"
    for bad in ("../" * 8 + "etc/passwd", "ab/../../x", "A" * 64, ""):
        with pytest.raises(UnsafeAttachment):
            blob_path(folder, bad)

    with db.session() as s:
        attachment = attachments_of(s, record)[0]
        s.expunge(attachment)
    out = tmp_path / "keluar"
    out.mkdir()
    attachment.original_name = "../../../jebakan.pdf"
    written = export_attachment(folder, attachment, out)
    assert written == out / "jebakan.pdf" and written.read_bytes() == PDF
    attachment.original_name = "/etc/jebakan.pdf"
    assert export_attachment(folder, attachment, out).parent == out

    blob = blob_path(folder, attachment.sha256)
    blob.write_bytes(b"tampered")
    with pytest.raises(UnsafeAttachment, match="rusak"):
        export_attachment(folder, attachment, out / "lagi.pdf")
    assert not (out / "lagi.pdf").exists()
    blob.unlink()
    blob.symlink_to(source)
    with pytest.raises(UnsafeAttachment, match="bukan berkas biasa"):
        export_attachment(folder, attachment, out / "lagi.pdf")
    attachment.sha256 = "../" * 10 + "etc/passwd"
    with pytest.raises(UnsafeAttachment):
        export_attachment(folder, attachment, out)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 1
