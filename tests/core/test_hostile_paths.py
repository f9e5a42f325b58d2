"""Issue 11.3: a store's path is passed to SQLite as a path, whatever characters it holds: "?"
does not start a query, "#" a fragment, "%" an escape — for opening, checking, upgrading,
backing up and restoring, in folders whose names hold every character a folder name can."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import URL, create_engine

from jipp_desktop.cli.main import main
from jipp_desktop.db.engine import _alembic_config, open_database, schema_revision
from jipp_desktop.db.schema import SCHEMA_HEAD
from jipp_desktop.services.backup import backup_database, check_backup, restore_database

# Every character a folder name can hold on Linux but "/" and NUL (control characters, quotes,
# "#", "?", "%", "&", ";", "=", ":", "\\", spaces at the ends), and a few beyond ASCII.
EVERY_CHARACTER = "".join(chr(c) for c in range(1, 128) if chr(c) != "/") + " é 漢字 😀 "
NAMES = ("q?x.db", "a#b.db", "p%41%2F.db", "c&d=1;e.db", "x?mode=rw#f.db", "%.db")


def cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def count(path: Path) -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT count(*) FROM innovations").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / EVERY_CHARACTER
    folder.mkdir()
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_the_cli_opens_exactly_the_store_named(capsys, odd_folder, name):
    store = odd_folder / name
    code, out, err = cli(capsys, "--db", str(store), "demo", "--innovations", "3", "--json")
    assert code == 0, err
    assert json.loads(out)["database"] == str(store)
    names = {p.name for p in odd_folder.iterdir()}
    assert name in names
    assert names <= {name, f"{name}-wal", f"{name}-shm", f"{Path(name).stem}-attachments"}
    assert count(store) == 3
    code, out, _ = cli(capsys, "--db", str(store), "stats", "--json")
    assert code == 0 and json.loads(out)["innovations"] == 3


def test_a_stray_file_at_the_cut_name_is_neither_checked_nor_written(capsys, tmp_path):
    other = tmp_path / "a"  # another program's database, where "a#b.db" used to be cut
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE their_data (x)")
    con.commit()
    con.close()
    before = other.read_bytes()
    empty = tmp_path / "q"  # an empty stray file, where "q?x.db" used to be cut
    empty.touch()

    for name in ("a#b.db", "q?x.db"):
        code, _, err = cli(capsys, "--db", str(tmp_path / name), "stats", "--json")
        assert code == 0, err
    assert other.read_bytes() == before and empty.stat().st_size == 0
    assert count(tmp_path / "a#b.db") == 0


def test_backup_check_and_restore_use_the_file_named(capsys, odd_folder):
    live = odd_folder / "live?x#y%41.db"
    db = open_database(live)
    cli(capsys, "--db", str(live), "demo", "--innovations", "3", "--json")
    good = odd_folder / "good"
    newer = odd_folder / "good#newer.db"
    backup_database(db, good)
    cli(capsys, "--db", str(live), "demo", "--innovations", "2", "--json")
    backup_database(db, newer)
    db.close()
    assert (count(good), count(newer)) == (3, 5)
    assert check_backup(newer) == SCHEMA_HEAD

    code, out, err = cli(capsys, "--db", str(live), "restore", str(newer), "--json")
    assert code == 0, err
    assert count(live) == 5
    previous = Path(json.loads(out)["previous_copy"])
    assert previous.parent == odd_folder and count(previous) == 5

    result = restore_database(good, live)
    assert count(live) == 3 and result.revision == SCHEMA_HEAD


def test_an_older_store_in_an_odd_folder_is_upgraded_in_place(odd_folder):
    store = odd_folder / "lama?#%.db"
    open_database(store).close()
    engine = create_engine(URL.create("sqlite", database=str(store)))
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()

    db = open_database(store)
    try:
        assert schema_revision(db) == SCHEMA_HEAD
        assert db.backup_path is not None and db.backup_path.parent == odd_folder
        assert count(db.backup_path) == 0
    finally:
        db.close()
    assert sorted(p.name for p in odd_folder.iterdir() if p.suffix == ".db") == sorted(
        [store.name, db.backup_path.name]
    )
