"""The store's schema head and the errors about the store file, known without SQLAlchemy or
Alembic (the first screen at start reads the store before either is loaded)."""

from __future__ import annotations

import sys

# The newest schema revision: a store already at this revision opens without importing Alembic
# (~100 ms of every start). tests/core/test_schema_head.py keeps it equal to the head of
# db/migrations/versions.
SCHEMA_HEAD = "0009"


class StoreError(Exception):
    """The database file cannot be used (not SQLite, not ours, newer than this app, …)."""


def describe_database_error(exc: BaseException) -> str:
    """One bilingual line for an error SQLite raised while the store was in use."""
    detail = str(getattr(exc, "orig", None) or exc)
    if "locked" in detail or "busy" in detail:
        return (
            "basis data sedang dipakai program lain (mis. impor atau jendela lain); coba lagi / "
            "the database is busy in another program (e.g. an import or another window); "
            "try again"
        )
    if "readonly" in detail or "read-only" in detail:
        return (
            "basis data hanya dapat dibaca; periksa izin berkasnya / "
            "the database is read-only; check the file's permissions"
        )
    return f"kesalahan basis data / database error: {detail}"


def describe_failure(exc: BaseException) -> str:
    """One line for an error to show: SQLite's in words (``describe_database_error``), any
    other as its kind and text."""
    if is_database_error(exc):
        return describe_database_error(exc)
    return f"{type(exc).__name__}: {exc}"


def is_database_error(exc: BaseException) -> bool:
    """Whether SQLAlchemy raised ``exc`` for SQLite failing (it is imported only if loaded)."""
    if "sqlalchemy" not in sys.modules:
        return False
    from sqlalchemy.exc import DBAPIError

    return isinstance(exc, DBAPIError)
