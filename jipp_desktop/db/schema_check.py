"""Is a SQLite file's schema exactly the one a JIPP Desktop store of its revision has?

A restore must not take in a file that merely looks like a store: a table missing or reshaped
breaks every command afterwards, and an extra trigger or view runs the sender's code inside
the live store (one that deletes each new audit entry, one that turns submitted records into
verified ones). :func:`schema_differences` compares the file with the schema the migrations
give an empty store at the same revision (made once per revision in a temporary folder):

- tables, by their columns (name, declared type, NOT NULL, default, primary key, generated),
  foreign keys and CHECK constraints;
- indexes, by table, uniqueness, columns and condition;
- triggers, views and virtual tables, by their SQL (whitespace aside).

SQLite's own objects (``sqlite_*``) and the shadow tables a virtual table keeps for itself are
left out: SQLite makes and checks those.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

Schema = dict[tuple[str, str], str]
_WORDS = re.compile(r"\s+")
_CHECKS = re.compile(r"\bCHECK\s*\(", re.IGNORECASE)


def _norm(sql: str | None) -> str:
    return _WORDS.sub(" ", (sql or "").strip()).rstrip(";").strip()


def _checks(sql: str) -> str:
    """The CHECK constraints of a CREATE TABLE statement, in order."""
    out = []
    for m in _CHECKS.finditer(sql):
        depth, i = 0, m.end() - 1
        for j in range(i, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[j], 0)
            if depth == 0:
                out.append(_norm(sql[i : j + 1]))
                break
    return " | ".join(out)


def schema_of(con: sqlite3.Connection) -> Schema:
    """Every object of the file's schema, as (kind, name) → its normalised definition."""
    objects = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\'"
    ).fetchall()
    virtual = [
        name for kind, name, _, sql in objects if kind == "table" and "VIRTUAL TABLE" in (sql or "")
    ]
    shadow = (
        re.compile("^(?:" + "|".join(re.escape(v) for v in virtual) + ")_") if virtual else None
    )
    schema: Schema = {}
    for kind, name, table, sql in objects:
        if shadow is not None and kind in ("table", "index") and shadow.match(table):
            continue
        if kind == "table" and name in virtual:
            schema[("virtual table", name)] = _norm(sql)
        elif kind == "table":
            for _cid, column, decl, notnull, default, pk, hidden in con.execute(
                f'PRAGMA table_xinfo("{name}")'
            ):
                schema[("column", f"{name}.{column}")] = (
                    f"{_norm(decl).upper()} notnull={notnull} default={_norm(default)} "
                    f"pk={pk} hidden={hidden}"
                )
            keys = con.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()
            schema[("table", name)] = (
                f"foreign keys={sorted(tuple(map(str, k[2:])) for k in keys)} "
                f"checks={_checks(sql or '')} without_rowid={'WITHOUT ROWID' in (sql or '')}"
            )
        elif kind == "index":
            columns = [
                tuple(map(str, r[2:5]))
                for r in con.execute(f'PRAGMA index_xinfo("{name}")')
                if r[5]  # key columns (the others are the rowid and the like)
            ]
            where = _norm(sql.split(" WHERE ", 1)[1]) if sql and " WHERE " in sql else ""
            unique = bool(sql and re.match(r"\s*CREATE\s+UNIQUE", sql, re.IGNORECASE))
            schema[("index", name)] = f"on {table} unique={unique} columns={columns} where={where}"
        else:  # trigger, view
            schema[(kind, name)] = f"on {table}: {_norm(sql)}"
    return schema


@cache
def expected_schema(revision: str) -> Schema:
    """The schema an empty store has at ``revision`` (the migrations run in a temporary file)."""
    from jipp_desktop.db.engine import Database, upgrade

    with tempfile.TemporaryDirectory(prefix="jipp-schema-") as folder:
        db = Database(Path(folder) / "expected.db")
        try:
            upgrade(db, revision)
        finally:
            db.close()
        con = sqlite3.connect(str(Path(folder) / "expected.db"))
        try:
            return schema_of(con)
        finally:
            con.close()


def schema_differences(con: sqlite3.Connection, revision: str) -> list[tuple[str, str]]:
    """What the file's schema has that a store at ``revision`` has not, lacks, or has otherwise
    (Indonesian, English), one entry per object; empty when they are the same."""
    actual, expected = schema_of(con), expected_schema(revision)
    out: list[tuple[str, str]] = []
    kinds_id = {
        "table": "tabel",
        "column": "kolom",
        "index": "indeks",
        "trigger": "trigger",
        "view": "view",
        "virtual table": "tabel virtual",
    }
    tables_apart = {
        name for kind, name in set(actual) ^ set(expected) if kind in ("table", "virtual table")
    }
    order = ("table", "virtual table", "trigger", "view", "column", "index")
    for key in sorted(set(actual) | set(expected), key=lambda k: (order.index(k[0]), k[1])):
        kind, name = key
        if kind in ("column", "index") and name.split(".")[0] in tables_apart:
            continue  # said with its table
        if key not in expected:
            out.append((f"{kinds_id[kind]} {name} tambahan", f"extra {kind} {name}"))
        elif key not in actual:
            out.append((f"{kinds_id[kind]} {name} tidak ada", f"missing {kind} {name}"))
        elif actual[key] != expected[key]:
            out.append((f"{kinds_id[kind]} {name} berbeda", f"{kind} {name} differs"))
    return out
