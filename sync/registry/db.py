"""The registry's database: the engine for a URL, migrations and seeding at start, and which
database errors are transient.

``sqlite:///PATH`` serves one office (WAL, writers serialised by ``BEGIN IMMEDIATE``);
``postgresql://…`` serves any number of processes (psycopg 3; row locks and one counter row,
all held by transactions only). All state lives in the database, so processes share nothing else.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from sync.registry import models
from sync.registry.clock import utcnow

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_DB = "sqlite:///jipp-registry.db"
DB_ENV = "JIPP_REGISTRY_DB"
LOCK_TIMEOUT_ENV = "JIPP_REGISTRY_LOCK_TIMEOUT_MS"
# PostgreSQL error codes that mean "try again": serialization failure, deadlock, lock timeout.
_TRANSIENT_PG = {"40001", "40P01", "55P03", "57014"}
_MIGRATION_LOCK = 0x4A495050  # "JIPP": the advisory lock that serialises start-up migrations


class BadDatabaseUrl(ValueError):
    """The --db URL is neither sqlite:/// nor postgresql://."""


def normalise_url(url: str) -> str:
    """The SQLAlchemy URL for a --db value: postgresql:// goes through psycopg 3."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise BadDatabaseUrl(f"not a database URL: {url}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite").render_as_string(hide_password=False)
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise BadDatabaseUrl(f"only sqlite:/// and postgresql:// databases are supported: {url}")


def kind_of(engine: Engine) -> str:
    """ "sqlite" or "postgresql"."""
    return "sqlite" if engine.dialect.name == "sqlite" else "postgresql"


def make_engine(url: str, pool_size: int = 10) -> Engine:
    """An engine for ``url``, configured for the registry's transactions."""
    sa_url = normalise_url(url)
    if sa_url.startswith("sqlite"):
        engine = create_engine(
            sa_url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=2 * pool_size,
        )
        _sqlite_transactions(engine)
        return engine
    return create_engine(
        sa_url,
        pool_size=pool_size,
        max_overflow=2 * pool_size,
        pool_pre_ping=True,
        # A change that waits this long for a lock is answered "retry", not left hanging.
        connect_args={
            "options": f"-c lock_timeout={lock_timeout_ms()} "
            "-c idle_in_transaction_session_timeout=60000"
        },
    )


def lock_timeout_ms() -> int:
    """How long a change waits for a row lock before it is answered ``retry`` (PostgreSQL;
    ``$JIPP_REGISTRY_LOCK_TIMEOUT_MS``, default 10 s)."""
    try:
        return max(1, int(os.environ.get(LOCK_TIMEOUT_ENV, "10000")))
    except ValueError:
        return 10000


def _sqlite_transactions(engine: Engine) -> None:
    """WAL, a busy timeout, and transactions that take the write lock at BEGIN (so two
    writers never deadlock upgrading a read lock); reads use a plain BEGIN."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver leaves BEGIN to us
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        readonly = connection.get_execution_options().get("registry_readonly", False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


@contextmanager
def savepoint(connection: Connection) -> Iterator[None]:
    """A savepoint in the connection's open transaction, rolled back when the block raises.

    Plain SQL rather than ``begin_nested()``: SQLAlchemy builds and compiles a new SAVEPOINT
    statement for every nested transaction (it has no cache key), which cost a sixth of a
    pushed change's time.
    """
    connection.exec_driver_sql("SAVEPOINT change")
    try:
        yield
    except BaseException:
        # A connection that broke cannot roll back: the batch's transaction then fails whole.
        with suppress(DBAPIError):
            connection.exec_driver_sql("ROLLBACK TO SAVEPOINT change")
            connection.exec_driver_sql("RELEASE SAVEPOINT change")
        raise
    connection.exec_driver_sql("RELEASE SAVEPOINT change")


def read_only(connection: Connection) -> Connection:
    """Marks a connection's next transaction as a reader (SQLite: no write lock)."""
    return connection.execution_options(registry_readonly=True)


def is_transient(exc: BaseException) -> bool:
    """Whether a database error is worth another try: a deadlock, a serialization failure, a
    lock timeout (PostgreSQL), a busy database (SQLite), a dropped connection."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code in _TRANSIENT_PG:
        return True
    if isinstance(exc, OperationalError):
        message = str(orig or exc).lower()
        return "locked" in message or "busy" in message
    return False


def alembic_config(connection: Connection) -> Config:
    """Alembic's configuration for the registry's migrations, on this connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def prepare(engine: Engine) -> str:
    """Brings the database to the current schema and seeds it; returns its database id.

    Runs in one transaction, behind an advisory lock on PostgreSQL (SQLite: the write lock),
    so processes starting together migrate once.
    """
    from sync.registry.seed import seed_reference

    if engine.dialect.name == "sqlite":
        path = make_url(str(engine.url)).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        command.upgrade(alembic_config(connection), "head")
        database_id = connection.scalar(select(models.registry_info.c.database_id))
        if database_id is None:
            database_id = str(uuid.uuid4())
            connection.execute(
                insert(models.registry_info),
                {"id": 1, "database_id": database_id, "created_at": utcnow()},
            )
            connection.execute(insert(models.counters), {"name": "seq", "value": 0})
        seed_reference(connection)
    return database_id
