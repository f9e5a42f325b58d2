"""The innovation list's first page as plain SQL, read with the standard library's sqlite3.

The GUI's first screen is the innovation list. Loading SQLAlchemy costs more than everything
else at start, so the list's count and first page are read before it loads: with the SQL that
SQLAlchemy compiled for the same filter and sort order the last time the list showed them
(``services.search.first_page_query``), kept by the GUI between runs. The query is used only
against a store at the schema head it was compiled for; whenever it cannot be used, or the
store cannot be read this way, the caller reads the list the usual way.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jipp_desktop.db.schema import SCHEMA_HEAD

Params = list[str | int | float | None]


@dataclass(frozen=True)
class FirstPageQuery:
    """The SQL of one list view's count and first page.

    Attributes:
        view: the list view it answers (``domain.list_filter.list_view_key``).
        schema: the schema revision it was compiled for.
        count_sql, count_params: how many records the view keeps.
        page_sql, page_params: the first page (id first, then the list columns).
        utc_columns: the positions of the page's date-and-time columns, kept as naive UTC ISO
            text, given back as aware ``datetime`` (as the models' ``UTCDateTime`` does).
    """

    view: str
    schema: str
    count_sql: str
    count_params: Params
    page_sql: str
    page_params: Params
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

    def read(self, path: Path, columns: int) -> tuple[int, list[tuple[Any, ...]]] | None:
        """The count and first page from the store at ``path``, opened read-only.

        Args:
            path: the store file.
            columns: how many values each row must have (id plus the list columns).

        Returns:
            None when the query does not fit this store (another schema revision, missing
            tables, rows of another shape) or the file cannot be read; nothing is written.
        """
        if self.schema != SCHEMA_HEAD or not path.is_file():
            return None
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
                if revision is None or revision[0] != SCHEMA_HEAD:
                    return None
                count = int(con.execute(self.count_sql, self.count_params).fetchone()[0])
                rows = con.execute(self.page_sql, self.page_params).fetchall()
            finally:
                con.close()
        except (sqlite3.Error, TypeError, ValueError):
            return None
        if any(len(row) != columns for row in rows):
            return None
        try:
            return count, [self._typed(row) for row in rows]
        except ValueError:
            return None

    def _typed(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        for i in self.utc_columns:
            if isinstance(values[i], str):
                values[i] = datetime.fromisoformat(values[i]).replace(tzinfo=UTC)
        return tuple(values)
