"""Opening the local store: SQLite in WAL mode with foreign keys, migrated to head at start.

An older database is backed up (SQLite's online backup API) before Alembic upgrades it. A file
that is not SQLite, or a SQLite file that is not ours, is refused with a :class:`StoreError`
before anything is written to it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

from jipp_desktop.db.schema import SCHEMA_HEAD, StoreError

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker

WRITE_OPTION = "jipp_write"
# How long a write waits for another program's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    # The option goes through ConfigParser's interpolation: a "%" in the install path is "%%".
    location = str(files("jipp_desktop.db") / "migrations").replace("%", "%%")
    cfg.set_main_option("script_location", location)
    return cfg


def head_revision() -> str:
    """The newest schema revision of the migration scripts (read by Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def read_only_uri(path: Path | str) -> str:
    """A ``file:`` URI that opens ``path`` read-only, whatever characters its name holds
    (``#``, ``?``, ``%`` and the rest are percent-encoded by pathlib, never read as the URI's
    fragment, query or escapes)."""
    return Path(path).expanduser().resolve().as_uri() + "?mode=ro"


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection to a store file, also on read-only media (a USB stick, a
    write-protected folder): there a WAL-mode file cannot get its -shm file, so it is opened as
    immutable — unless a -wal file with changes lies beside it, which that would leave out.

    Raises:
        sqlite3.Error: the file cannot be read (then it is damaged, or not SQLite).
    """
    con = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        con.close()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    con = sqlite3.connect(read_only_uri(path) + "&immutable=1", uri=True)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        con.close()
        raise
    return con


def _writable(path: Path) -> bool:
    """Whether a file can be made beside ``path`` (False on read-only media)."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=path.parent):
            return True
    except OSError:
        return False


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling fights SAVEPOINT and BEGIN IMMEDIATE; let
    # SQLAlchemy emit BEGIN itself (see the SQLAlchemy "pysqlite serializable" recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.close()


def _on_begin(conn: Any) -> None:
    # A write transaction takes SQLite's write lock at BEGIN (IMMEDIATE), so that when another
    # connection is writing it waits out busy_timeout; a deferred BEGIN that reads first and
    # then writes would fail at once with "database is locked". Reads stay deferred.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _check_file(path: Path) -> str | None:
    """Reads the schema revision of an existing file, refusing one that is not ours."""
    if path.is_dir():
        raise StoreError(
            f"{path}: ini folder, bukan berkas basis data / this is a folder, not a database file"
        )
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not _writable(path):
        raise StoreError(
            f"{path}: basis data berada di media atau folder yang hanya dapat dibaca; salin ke "
            "folder yang dapat ditulis, atau pulihkan darinya dengan `restore` / "
            "the database is on read-only media or in a read-only folder; copy it to a "
            "writable folder, or restore from it with `restore`"
        )
    try:
        con = connect_read_only(path)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise StoreError(
                    f"{path}: bukan basis data JIPP Desktop / not a JIPP Desktop database"
                )
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path}: berkas rusak atau bukan basis data SQLite / "
            f"corrupt file or not an SQLite database ({exc})"
        ) from exc
    if row is None:
        return None
    revision = str(row[0])
    if revision == SCHEMA_HEAD:
        return revision
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}
    if revision not in known:
        raise StoreError(
            f"{path}: skema {revision} lebih baru dari aplikasi ini / "
            f"schema {revision} is newer than this app; please update JIPP Desktop"
        )
    return revision


def backup_file(source: Path, target: Path) -> None:
    """Copies a live SQLite database with the online backup API (safe while it is in use)."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


class Database:
    """The opened store: an engine, session factories and the path it came from.

    SQLAlchemy's ORM is imported for the first session only: a command that only reads works
    on :meth:`reading`'s Connection and never pays for it.

    Attributes:
        path: the SQLite file.
        engine: the SQLAlchemy engine (one per process; connections are per thread).
        backup_path: the copy taken before a schema upgrade at this start, if any.
    """

    def __init__(self, path: Path) -> None:
        from jipp_desktop.outputs import protect_store

        self.path = path
        self.backup_path: Path | None = None
        protect_store(path)
        self._closed = False
        # The path goes to sqlite3 as a path (creator=), never through a URL where "?" would
        # start a query and "#" a fragment; the URL object only tells SQLAlchemy that this is a
        # file database (so it pools connections for it).
        filename = str(path)
        self.engine: Engine = create_engine(
            URL.create("sqlite", database=filename),
            creator=lambda: sqlite3.connect(filename, check_same_thread=False),
        )
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        self._factories: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None

    def _session_factories(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        """The read and the write session factories, made (with the ORM) on first use."""
        if self._factories is None:
            from sqlalchemy.orm import sessionmaker

            self._factories = (
                sessionmaker(self.engine, expire_on_commit=False),
                sessionmaker(
                    self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
                ),
            )
        return self._factories

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: a session whose changes commit together or not at all.

        It holds the store's write lock from its start (waiting up to 10 s for another writer).
        """
        with self._session_factories()[1]() as session, session.begin():
            yield session

    def session(self) -> Session:
        """A session for reading (the caller closes it, e.g. ``with db.session() as s``)."""
        return self._session_factories()[0]()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Connection for Core reads (``db.tables``), one read transaction, without the ORM."""
        with self.engine.connect() as connection, connection.begin():
            yield connection

    def close(self) -> None:
        """Releases every pooled connection."""
        from jipp_desktop.outputs import release_store

        self.engine.dispose()
        if not self._closed:
            self._closed = True
            release_store(self.path)


def upgrade(db: Database, revision: str = "head") -> None:
    """Migrates the store with Alembic to ``revision``."""
    from alembic import command

    with db.engine.connect() as conn:
        # Batch migrations rebuild tables; SQLite's foreign keys must be off meanwhile, and
        # that pragma only takes effect outside a transaction.
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            conn.commit()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def open_database(path: Path | str, *, seed: bool = True) -> Database:
    """Opens (creating or upgrading) the store at ``path``.

    Args:
        path: the SQLite file; its folder is created when missing.
        seed: load the reference data (regions, reference agencies, hubs) when absent.

    Raises:
        StoreError: the file is corrupt, not ours, or newer than this app.
    """
    path = Path(path).expanduser().resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"{path.parent}: folder tidak dapat dibuat / the folder cannot be made ({exc.strerror})"
        ) from exc
    current = _check_file(path)
    from jipp_desktop.outputs import sweep_leftovers

    sweep_leftovers(path)  # what a backup or restore killed midway left beside the store
    db = Database(path)
    if current is not None and current != SCHEMA_HEAD:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        db.backup_path = path.with_name(f"{path.stem}.before-{current}-{stamp}{path.suffix}")
        backup_file(path, db.backup_path)
    if current != SCHEMA_HEAD:
        upgrade(db, "head")
        if current is not None:
            log.info(
                "store %s migrated from %s to %s (backup %s)",
                path,
                current,
                SCHEMA_HEAD,
                db.backup_path,
            )
    if seed:
        from jipp_desktop.reference.seed import seed_if_changed, seeded_version_is_current

        with db.reading() as connection:
            current_seed = seeded_version_is_current(connection)
        if not current_seed:
            with db.transaction() as session:
                seed_if_changed(session)
    log.info("store %s opened (schema %s%s)", path, SCHEMA_HEAD, ", new" if current is None else "")
    return db


def schema_revision(db: Database) -> str | None:
    """The revision the store is at."""
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
