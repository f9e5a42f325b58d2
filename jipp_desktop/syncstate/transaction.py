"""The transaction the sync writes the registry's state in.

The registry sends each account the records of its scope, in commit order: a pulled record may
name one that comes on a later page (an agency changed after the innovation that names it) or
never (an innovation replicated from another region's, an officer of another agency). Those
references are the registry's to keep; the device stores them as they are. So the registry's
writes run with SQLite's foreign key checks off, on a connection of their own, which holds the
store's write lock from its start like every other write.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from jipp_desktop.db.engine import WRITE_OPTION, Database


@contextmanager
def remote_transaction(db: Database) -> Iterator[Session]:
    """A write transaction for the registry's state (foreign keys unchecked, see above)."""
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        # Outside any transaction: SQLite ignores this pragma within one.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            connection.execution_options(**{WRITE_OPTION: True})
            with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            if raw.in_transaction:
                raw.rollback()
            raw.execute("PRAGMA foreign_keys = ON")
