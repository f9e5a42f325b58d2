"""The registry's store in-process: a SQLite batch's counters, queued rows and remembered
records (sync.registry.store.Batch) follow its changes' savepoints."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from sync.registry import models, store
from sync.registry.clock import utcnow
from sync.registry.db import make_engine, prepare, read_only, savepoint
from sync.registry.store import Batch, NewRecord


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'registry.db'}", pool_size=1)
    prepare(engine)
    return engine


def _counter(engine: Engine, name: str) -> int | None:
    """A counter as committed (read beside an open batch)."""
    with engine.connect() as connection, read_only(connection).begin():
        return connection.scalar(
            select(models.counters.c.value).where(models.counters.c.name == name)
        )


def _claim(change_id: str) -> dict[str, object]:
    return {
        "change_id": change_id,
        "digest": "0" * 64,
        "result": {"outcome": "applied"},
        "account_id": 1,
        "device_id": "perangkat",
        "at": utcnow(),
    }


def test_a_change_that_raises_gives_back_what_it_took(engine: Engine) -> None:
    seq = _counter(engine, "seq") or 0
    with engine.connect() as connection, connection.begin():
        batch = Batch()
        with batch.change():
            assert store.next_seq(connection, 2, batch) == seq + 1
            assert store.next_number(connection, "registration:2025", batch) == 1
            batch.insert_later(models.applied_changes, [_claim("kept")])
        with pytest.raises(ValueError), savepoint(connection), batch.change():
            assert store.next_seq(connection, 1, batch) == seq + 3
            assert store.next_number(connection, "registration:2025", batch) == 2
            assert store.next_number(connection, "registration:2030", batch) == 1
            batch.insert_later(models.applied_changes, [_claim("refused")])
            raise ValueError
        with batch.change():
            assert store.next_seq(connection, 1, batch) == seq + 3
            assert store.next_number(connection, "registration:2025", batch) == 2
        # Nothing reaches the tables before the flush.
        assert _counter(engine, "registration:2025") is None
        batch.flush(connection)
    assert _counter(engine, "seq") == seq + 3
    assert _counter(engine, "registration:2025") == 2
    assert _counter(engine, "registration:2030") is None
    with engine.connect() as connection:
        claimed = connection.scalars(select(models.applied_changes.c.change_id)).all()
    assert claimed == ["kept"]


def test_a_batch_forgets_a_record_once_it_writes_it(engine: Engine) -> None:
    with engine.begin() as connection:
        store.write_new_records(
            connection, [NewRecord("agency", "a-1", {"name": "Dinas Satu"}, None, "51")]
        )
    with engine.connect() as connection, connection.begin():
        batch = Batch()
        with batch.change():
            stored = store.load(connection, "agency", "a-1", batch=batch)
            assert stored is not None
            assert store.load(connection, "agency", "a-1", batch=batch) is stored
            store.write(
                connection,
                [store.successor(stored, changes={"name": "Dinas Dua"})],
                account_id=None,
                device_id=None,
                change_id=None,
                batch=batch,
            )
            again = store.load(connection, "agency", "a-1", batch=batch)
            assert again is not None and again.data["name"] == "Dinas Dua"
        with pytest.raises(ValueError), savepoint(connection), batch.change():
            store.write(
                connection,
                [store.successor(again, changes={"name": "Dinas Tiga"})],
                account_id=None,
                device_id=None,
                change_id=None,
                batch=batch,
            )
            assert store.load(connection, "agency", "a-1", batch=batch).data["name"] == (
                "Dinas Tiga"
            )
            raise ValueError
        after = store.load(connection, "agency", "a-1", batch=batch)
        assert after is not None and after.data["name"] == "Dinas Dua"
        batch.flush(connection)
    with engine.connect() as connection:
        kept = store.load(connection, "agency", "a-1")
    assert kept is not None and (kept.revision, kept.data["name"]) == (2, "Dinas Dua")
