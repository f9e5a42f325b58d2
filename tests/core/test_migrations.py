"""Schema migrations: an empty file goes to head, an older store keeps every record on its way
there (with a backup first), the models and the migrations agree, and files that are not ours
or too new are refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from jipp_desktop.db.engine import _alembic_config, head_revision, open_database, schema_revision
from jipp_desktop.db.models import Base
from jipp_desktop.db.schema import SCHEMA_HEAD, StoreError
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.search import search_innovations
from jipp_desktop.services.stats import store_stats

DENPASAR = reference_id("agency", "Pemerintah Kota Denpasar")


def make_store_at(path: Path, revision: str) -> None:
    """A store as an older app left it: seeded (by today's code, at head), then migrated down to
    ``revision``."""
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


def test_empty_file_goes_to_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    assert schema_revision(db) == head_revision() == "0009"
    tables = set(inspect(db.engine).get_table_names())
    assert {"innovations", "verifications", "commitments", "audit_log", "innovation_fts"} <= tables
    assert db.backup_path is None  # nothing to back up
    with db.session() as s:
        stats = store_stats(s)
    assert (stats["provinces"], stats["regencies"], stats["cities"]) == (38, 416, 98)
    db.close()


def test_store_of_revision_0001_keeps_its_data_on_the_way_to_head(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_store_at(path, "0001")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO officers (id, name, nip, role, created_at) VALUES "
        "('o1', 'Ni Luh Putu Ayu', NULL, 'operator', '2023-05-01 02:00:00')"
    )
    con.execute(
        "INSERT INTO innovations (id, title, title_key, agency_id, region_code, is_digital, "
        "sdg_goals, continuation, workflow, created_at, dirty, updated_at, created_by, summary) "
        "VALUES ('i1', 'SIPANDU — Sistem Pelayanan Akta Terpadu', "
        "'sipandu sistem pelayanan akta terpadu', ?, '51.71', 1, '[3, 16]', 'continuing', "
        "'verified', '2023-05-02 03:00:00', 0, '2023-05-02 03:00:00', 'o1', "
        "'Akta kelahiran terbit sebelum ibu pulang dari rumah sakit.')",
        (DENPASAR,),
    )
    con.execute(
        "INSERT INTO awards (innovation_id, year, competition, stage_reached) "
        "VALUES ('i1', 2023, 'KIPP 2023', 'Top 99')"
    )
    con.commit()
    con.close()

    db = open_database(path)
    assert schema_revision(db) == head_revision()
    with db.session() as s:
        row = s.execute(
            text("SELECT title, sdg_goals, continuation, created_by FROM innovations")
        ).one()
        title = "SIPANDU — Sistem Pelayanan Akta Terpadu"
        assert tuple(row) == (title, "[3, 16]", "continuing", "o1")
        assert s.execute(text("SELECT stage_reached FROM awards")).scalar() == "Top 99"
        # The search index made by 0002 covers records that existed before it.
        assert [r.id for r in search_innovations(s, "sipandu")] == ["i1"]
        assert [r.id for r in search_innovations(s, "rumah sakit")] == ["i1"]
        assert store_stats(s)["innovations"] == 1
    assert db.backup_path is not None and db.backup_path.is_file()
    assert ".before-0001-" in db.backup_path.name
    old = sqlite3.connect(db.backup_path)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT id FROM innovations").fetchall() == [("i1",)]
    old.close()
    db.close()


def test_store_of_revision_0002_gets_the_indexes_of_0003(tmp_path: Path) -> None:
    path = tmp_path / "0002.db"
    make_store_at(path, "0002")
    db = open_database(path)
    names = {ix["name"] for ix in inspect(db.engine).get_indexes("innovations")}
    assert {"ix_innovations_counts", "ix_innovations_live_updated_at"} <= names
    db.close()


def test_store_of_revision_0007_gets_homes_for_the_national_fields(tmp_path: Path) -> None:
    path = tmp_path / "0007.db"
    make_store_at(path, "0007")
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO innovations (id, title, title_key, agency_id, is_digital, sdg_goals, "
        "continuation, workflow, created_at, updated_at, local_version, synced_version, "
        "is_demo) VALUES ('i7', 'KIOS DUKCAPIL (Kios Layanan Adminduk)', "
        "'kios dukcapil kios layanan adminduk', ?, 0, '[]', 'unknown', 'draft', "
        "'2024-01-02 03:00:00', '2024-01-02 03:00:00', 1, 0, 0)",
        (DENPASAR,),
    )
    con.commit()
    triggers = set(con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    rowid = con.execute("SELECT rowid FROM innovations WHERE id = 'i7'").fetchone()
    con.close()

    db = open_database(path)

    assert schema_revision(db) == SCHEMA_HEAD
    with db.session() as s:
        row = s.execute(
            text("SELECT initiator_name, secondary_sectors, rowid FROM innovations")
        ).one()
        assert tuple(row) == (None, "[]", rowid[0])
        assert s.execute(text("SELECT national_code FROM agencies LIMIT 1")).scalar() is None
        # Columns were added, the table not rebuilt: its search triggers are all still there.
        after = set(s.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        assert after == triggers and triggers
        assert [r.id for r in search_innovations(s, "dukcapil")] == ["i7"]
    db.close()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    db = open_database(tmp_path / "agree.db")
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda obj, name, type_, *a: (
                    not (type_ == "table" and name.startswith("innovation_fts"))
                )
            },
        )
        assert compare_metadata(context, Base.metadata) == []
    db.close()


def test_every_migration_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "roundtrip.db"
    open_database(path, seed=False).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        command.upgrade(cfg, "head")
        assert "innovation_fts" in inspect(conn).get_table_names()
    engine.dispose()


def test_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="0999"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_and_corrupt_files_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.close()
    with pytest.raises(StoreError, match="not a JIPP Desktop database"):
        open_database(foreign)
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(StoreError, match="SQLite"):
        open_database(corrupt)
