"""The innovation list's first page as plain SQL: read with sqlite3 alone it gives exactly the
rows and count the list shows, and it is refused (None, nothing written) whenever it does not
fit the store."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from jipp_desktop.db.engine import Database
from jipp_desktop.db.first_page import FirstPageQuery
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.domain.list_filter import InnovationFilter, list_view_key
from jipp_desktop.services.innovations import delete_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.search import (
    LIST_COLUMNS,
    count_innovations,
    first_page_query,
    list_innovations,
)

WIDTH = len(LIST_COLUMNS) + 1  # the id, then the list columns


@pytest.fixture
def store(db: Database, admin: Actor) -> Database:
    add_demo_data(db, 260)
    # A deleted record must stay out of the plain SQL's rows and count too.
    with db.session() as s:
        gone = list_innovations(s, InnovationFilter(), limit=1)[0][0]
    with db.transaction() as s:
        delete_innovation(s, admin, gone)
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
    read = kept.read(store.path, WIDTH)
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
    assert replace(query, schema="0001").read(store.path, WIDTH) is None
    # Rows of another shape (an app version with other list columns).
    assert query.read(store.path, WIDTH + 1) is None
    # SQL naming what this store lacks.
    broken = replace(query, page_sql=query.page_sql.replace("innovations.title", "innovations.x"))
    assert broken.read(store.path, WIDTH) is None
    # No store yet, a folder, an SQLite file that is not ours, a file that is not SQLite.
    assert query.read(tmp_path / "missing.db", WIDTH) is None
    assert query.read(tmp_path, WIDTH) is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert query.read(other, WIDTH) is None
    text = tmp_path / "notes.db"
    text.write_text("bukan basis data")
    assert query.read(text, WIDTH) is None


def test_a_store_at_another_revision_is_refused(store):
    query = first_page_query(InnovationFilter())
    assert query is not None
    con = sqlite3.connect(store.path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0003'")
    con.close()
    assert query.read(store.path, WIDTH) is None


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
    assert query is not None and query.read(store.path, WIDTH) is not None
    assert store.path.read_bytes() == before
    # SQLite may leave the (empty) write-ahead log of a read-only reader beside the store.
    wal = store.path.with_name(store.path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
