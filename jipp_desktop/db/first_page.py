"""The innovation list's first page as plain SQL, read with the standard library's sqlite3.

The GUI's first screen is the innovation list. Loading SQLAlchemy costs more than everything
else at start, so the list's count and first page are read before it loads: with the SQL that
SQLAlchemy compiled for the same filter and sort order the last time the list showed them
(``services.search.first_page_query``), kept by the GUI between runs. The query is used only
against a store at the schema head it was compiled for; whenever it cannot be used, or the
store cannot be read this way, the caller reads the list the usual way.

The kept SQL comes from the officer's settings file, so it is run as untrusted: on a read-only
connection (SQLite refuses any change to the store), where an authorizer refuses ATTACH, the one
way such a connection could still create a file (VACUUM INTO works through it too), and for at
most ``MAX_SECONDS``.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jipp_desktop.db.schema import SCHEMA_HEAD

Params = list[str | int | float | None]
# A kept query still running after this long is given up (the list is then read as usual).
MAX_SECONDS = 5.0
_FILE_ACTIONS = {sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH}


@dataclass(frozen=True)
class FirstPageQuery:
    """The SQL of one list view's count and first page.

    Attributes:
        view: the list view it answers (``domain.list_filter.list_view_key``).
        schema: the schema revision it was compiled for.
        count_sql, count_params: how many records the view keeps.
        page_sql, page_params: the first page (id first, then the list columns).
        columns: the names of the page's columns, in order.
        utc_columns: the positions of the page's date-and-time columns, kept as naive UTC ISO
            text, given back as aware ``datetime`` (as the models' ``UTCDateTime`` does).
    """

    view: str
    schema: str
    count_sql: str
    count_params: Params
    page_sql: str
    page_params: Params
    columns: list[str]
    utc_columns: list[int]

    def to_json(self) -> str:
        """The query as JSON (to keep between runs)."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: object) -> FirstPageQuery | None:
        """The query kept as JSON; None when there is none or it is not one of ours."""
        if not isinstance(text, str) or not text:
            return None
        try:
            query = cls(**json.loads(text))
        except (TypeError, ValueError):
            return None
        return query if isinstance(query.view, str) else None

    def read(self, path: Path, columns: list[str]) -> tuple[int, list[tuple[Any, ...]]] | None:
        """The count and first page from the store at ``path``, opened read-only.

        Args:
            path: the store file.
            columns: the names the page's columns must have (another app version may have
                kept other ones).

        Returns:
            None when the query does not fit this store or this app (another schema revision,
            missing tables, other columns, not a plain read, too slow) or the file cannot be
            read; nothing is written.
        """
        if self.schema != SCHEMA_HEAD or self.columns != columns or not path.is_file():
            return None
        if not all(isinstance(i, int) and 0 <= i < len(columns) for i in self.utc_columns):
            return None
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
                if revision is None or revision[0] != SCHEMA_HEAD:
                    return None
                con.set_authorizer(_no_other_files)
                deadline = time.monotonic() + MAX_SECONDS
                con.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
                count = int(con.execute(self.count_sql, self.count_params).fetchone()[0])
                rows = con.execute(self.page_sql, self.page_params).fetchall()
            finally:
                con.close()
            if any(len(row) != len(columns) for row in rows):
                return None
            return count, [self._typed(row) for row in rows]
        except (sqlite3.Error, TypeError, ValueError, IndexError):
            return None

    def _typed(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """The row with its UTC columns as aware datetimes."""
        values = list(row)
        for i in self.utc_columns:
            if isinstance(values[i], str):
                values[i] = datetime.fromisoformat(values[i]).replace(tzinfo=UTC)
        return tuple(values)


def _no_other_files(action: int, *_names: str | None) -> int:
    """sqlite3 authorizer: no ATTACH or DETACH (the store itself is opened read-only)."""
    return sqlite3.SQLITE_DENY if action in _FILE_ACTIONS else sqlite3.SQLITE_OK
