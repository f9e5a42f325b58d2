"""Backup and restore: consistent copies, every bad backup refused before anything changes, the
replaced store kept, an older backup upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from jipp_desktop.db.engine import Database, head_revision, open_database, upgrade
from jipp_desktop.db.models import Innovation
from jipp_desktop.db.schema import StoreError
from jipp_desktop.services.backup import backup_database, check_backup, restore_database
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.search import search_innovations


def count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM innovations").fetchone()[0]
    finally:
        con.close()


def add(db: Database, actor: Actor, values: dict, title: str) -> None:
    with db.transaction() as s:
        create_innovation(s, actor, values | {"title": title})


def test_backup_of_an_open_store_holds_its_committed_data(
    db: Database, operator: Actor, make_values, tmp_path: Path
) -> None:
    add(db, operator, make_values(), "Layanan Akta Lahir Terpadu")
    target = backup_database(db, tmp_path / "copy.db")
    assert target == (tmp_path / "copy.db").resolve()
    assert count(target) == 1
    assert check_backup(target) == head_revision()
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_backup_refuses_the_live_file_and_a_missing_folder(db: Database, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="sedang dipakai"):
        backup_database(db, db.path)
    with pytest.raises(StoreError, match="folder"):
        backup_database(db, tmp_path / "no-such-folder" / "copy.db")


def damaged_copy(db: Database, tmp_path: Path) -> Path:
    """A real store with pages in the middle overwritten."""
    path = backup_database(db, tmp_path / "damaged.db")
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(3, min(len(data) // page - 1, 40)):
        data[n * page + 8 : n * page + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("kind", ["missing", "text", "foreign", "newer", "damaged"])
def test_a_bad_backup_is_refused_and_nothing_changes(
    db: Database, operator: Actor, make_values, tmp_path: Path, kind: str
) -> None:
    add(db, operator, make_values(), "Layanan Akta Lahir Terpadu")
    source = tmp_path / f"{kind}.db"
    if kind == "text":
        source.write_text("Ini bukan cadangan.")
    elif kind == "foreign":
        con = sqlite3.connect(source)
        con.execute("CREATE TABLE alembic_version (version_num TEXT)")
        con.execute("INSERT INTO alembic_version VALUES ('0003')")
        con.commit()
        con.close()
    elif kind == "newer":
        backup_database(db, source)
        con = sqlite3.connect(source)
        con.execute("UPDATE alembic_version SET version_num = '0999'")
        con.commit()
        con.close()
    elif kind == "damaged":
        source = damaged_copy(db, tmp_path)
    messages = {
        "missing": "tidak ditemukan",
        "text": "bukan basis data SQLite",
        "foreign": "bukan cadangan JIPP Desktop",
        "newer": "0999",
        "damaged": "rusak",
    }
    live = db.path
    db.close()
    before = live.read_bytes()
    with pytest.raises(StoreError, match=messages[kind]):
        restore_database(source, live)
    assert live.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_replaces_the_store_and_keeps_the_old_one(
    db: Database, operator: Actor, make_values, tmp_path: Path
) -> None:
    add(db, operator, make_values(), "Layanan Akta Lahir Terpadu")
    copy = backup_database(db, tmp_path / "copy.db")
    add(db, operator, make_values(), "Gerai Kartu Identitas Anak")
    live = db.path
    db.close()
    result = restore_database(copy, live)
    assert result.revision == head_revision() and not result.upgraded
    assert result.previous_copy is not None and count(result.previous_copy) == 2
    assert not Path(f"{live}-wal").exists() or Path(f"{live}-wal").stat().st_size == 0
    restored = open_database(live)
    with restored.session() as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 1
        assert [r.title for r in search_innovations(s, "akta")] == ["Layanan Akta Lahir Terpadu"]
        assert search_innovations(s, "identitas") == []
    restored.close()


def test_restore_onto_itself_is_refused(db: Database) -> None:
    with pytest.raises(StoreError, match="sedang dipakai"):
        restore_database(db.path, db.path)


def test_restore_of_an_older_backup_upgrades_it(tmp_path: Path) -> None:
    old = tmp_path / "old-backup.db"
    # As an older app made it: migrated up to its revision (a store migrated down from a newer
    # one has another schema, which a restore refuses).
    older = Database(old)
    upgrade(older, "0002")
    older.close()
    engine = create_engine(f"sqlite:///{old}")
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 0
    engine.dispose()
    live = tmp_path / "live.db"
    result = restore_database(old, live)
    assert result.revision == "0002" and result.upgraded
    assert result.previous_copy is None  # there was no store to keep
    db = open_database(live)
    with db.engine.connect() as conn:
        from alembic.runtime.migration import MigrationContext

        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    db.close()


def test_restore_refuses_a_store_another_program_has_open(
    db: Database, operator: Actor, make_values, tmp_path: Path
) -> None:
    add(db, operator, make_values(), "Layanan Akta Lahir Terpadu")
    copy = backup_database(db, tmp_path / "copy.db")
    add(db, operator, make_values(), "Gerai Kartu Identitas Anak")
    with db.session() as s:  # the open app: a live connection to the store
        assert count(db.path) == 2
        with pytest.raises(StoreError, match="dibuka program lain"):
            restore_database(copy, db.path)
        assert s.scalar(select(func.count()).select_from(Innovation)) == 2
    assert count(db.path) == 2  # nothing replaced
