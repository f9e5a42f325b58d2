"""The innovation list's first page as plain SQL: read with sqlite3 alone it gives exactly the
rows and count the list shows, and it is refused (None, nothing written) whenever it does not
fit the store."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace

import pytest

from jipp_desktop.db import first_page
from jipp_desktop.db.engine import Database
from jipp_desktop.db.first_page import FirstPageQuery
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.domain.list_filter import InnovationFilter, list_view_key
from jipp_desktop.services.innovations import create_innovation, delete_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.search import (
    LIST_COLUMNS,
    count_innovations,
    first_page_query,
    list_innovations,
)
from tests.conftest import innovation_values

NAMES = ["id", *LIST_COLUMNS]  # the id, then the list columns


@pytest.fixture
def store(db: Database, admin: Actor, operator: Actor) -> Database:
    add_demo_data(db, 260)
    # The demo spreads its records over all of Indonesia: the Bali health view gets one of its
    # own, so it is never empty whatever the demo's vocabulary.
    with db.transaction() as s:
        create_innovation(
            s, operator, innovation_values(title="Layanan kesehatan Denpasar", sector="health")
        )
    # A deleted record must stay out of the plain SQL's rows and count too.
    with db.session() as s:
        gone = list_innovations(s, InnovationFilter(), limit=1)[0][0]
    with db.transaction() as s:
        delete_innovation(s, admin, gone)
    # The demo spreads its records over all of Indonesia: the Bali health view gets one of its
    # own, so it is never empty whatever the demo's vocabulary.
    with db.transaction() as s:
        values = innovation_values(title="Layanan kesehatan Denpasar", sector="health")
        create_innovation(s, operator, values)
    return db


VIEWS = [
    (InnovationFilter(), "updated_at", True),
    (InnovationFilter(), "title", False),
    (InnovationFilter(text="layanan"), "registration_number", False),
    (InnovationFilter(province_code="51"), "agency", True),
    (InnovationFilter(province_code="51", sector="health"), "region", False),
    (InnovationFilter(phase="creation", workflow="verified", year=2021), "year_started", True),
    (InnovationFilter(continuation="continuing", text="kes"), "last_verified_at", True),
]


@pytest.mark.parametrize(("f", "sort", "descending"), VIEWS)
def test_plain_sql_reads_the_same_rows_and_count_as_the_list(store, f, sort, descending):
    query = first_page_query(f, sort, descending, limit=200)
    assert query is not None and query.view == list_view_key(f, sort, descending)
    # Kept as JSON between runs.
    kept = FirstPageQuery.from_json(query.to_json())
    assert kept == query
    read = kept.read(store.path, NAMES)
    assert read is not None
    with store.session() as s:
        expected_count = count_innovations(s, f)
        expected_rows = [tuple(r) for r in list_innovations(s, f, sort, descending, 0, 200)]
    count, rows = read
    assert count == expected_count
    assert rows == expected_rows  # the dates too: aware UTC datetimes, as SQLAlchemy gives them
    assert count > 0 or f.year == 2021  # the views are not empty (but one may be)


def test_a_view_that_depends_on_the_moment_is_never_kept():
    assert first_page_query(InnovationFilter(needs_reverification=True)) is None


def test_refused_when_it_does_not_fit_the_store(store, tmp_path):
    query = first_page_query(InnovationFilter())
    assert query is not None
    # Compiled for another schema revision.
    assert replace(query, schema="0001").read(store.path, NAMES) is None
    # Another app version's list columns, or date columns that are not there.
    assert query.read(store.path, [*NAMES, "video_url"]) is None
    assert replace(query, columns=NAMES[::-1]).read(store.path, NAMES) is None
    assert replace(query, utc_columns=[12]).read(store.path, NAMES) is None
    assert replace(query, utc_columns=[1]).read(store.path, NAMES) is None  # not a date
    # SQL naming what this store lacks.
    broken = replace(query, page_sql=query.page_sql.replace("innovations.title", "innovations.x"))
    assert broken.read(store.path, NAMES) is None
    # No store yet, a folder, an SQLite file that is not ours, a file that is not SQLite.
    assert query.read(tmp_path / "missing.db", NAMES) is None
    assert query.read(tmp_path, NAMES) is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert query.read(other, NAMES) is None
    text = tmp_path / "notes.db"
    text.write_text("bukan basis data")
    assert query.read(text, NAMES) is None


def test_a_store_at_another_revision_is_refused(store):
    query = first_page_query(InnovationFilter())
    assert query is not None
    con = sqlite3.connect(store.path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0003'")
    con.close()
    assert query.read(store.path, NAMES) is None


@pytest.mark.parametrize(
    "text",
    [None, "", "{", "[]", '{"view": 1}', '{"unexpected": "field"}'],
)
def test_what_is_not_a_kept_query_is_ignored(text):
    assert FirstPageQuery.from_json(text) is None


def test_reading_changes_nothing_in_the_store(store: Database):
    store.close()
    before = store.path.read_bytes()
    query = first_page_query(InnovationFilter(text="layanan"))
    assert query is not None and query.read(store.path, NAMES) is not None
    assert store.path.read_bytes() == before
    # SQLite may leave the (empty) write-ahead log of a read-only reader beside the store.
    wal = store.path.with_name(store.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


@pytest.mark.parametrize(
    "sql",
    [
        "VACUUM INTO '{copy}'",
        "ATTACH '{copy}' AS other",
        "DELETE FROM innovations RETURNING id",
        "SELECT 1; DROP TABLE innovations",
    ],
)
def test_kept_sql_may_only_read(store, tmp_path, sql):
    # The kept SQL comes from the settings file: whatever it says, it cannot write anywhere.
    query = first_page_query(InnovationFilter())
    assert query is not None
    copy = tmp_path / "copy.db"
    bad = replace(query, count_sql=sql.format(copy=copy), count_params=[])
    store.close()
    with sqlite3.connect(store.path) as con:
        rows = con.execute("SELECT count(*) FROM innovations").fetchone()[0]
    before = store.path.read_bytes()
    assert bad.read(store.path, NAMES) is None
    assert not copy.exists()
    assert store.path.read_bytes() == before
    with sqlite3.connect(store.path) as con:
        assert con.execute("SELECT count(*) FROM innovations").fetchone()[0] == rows > 0


def test_kept_sql_that_runs_too_long_is_given_up(store, monkeypatch):
    monkeypatch.setattr(first_page, "MAX_SECONDS", 0.2)
    query = first_page_query(InnovationFilter())
    assert query is not None
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    started = time.monotonic()
    assert replace(query, count_sql=endless, count_params=[]).read(store.path, NAMES) is None
    assert time.monotonic() - started < 5
