"""Several processes on one database behave as one: the same batch sent to two servers at
once is applied once, and a change that commits late is still delivered by the next pull
(the counter row keeps sequence numbers in commit order)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import pytest

from tests.sync.conftest import RegistryFactory
from tests.sync.servers import Client, Registry, change, innovation_fields, new_id


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_same_batch_at_once_to_two_processes(
    registry_factory: RegistryFactory, backend: str
) -> None:
    first = registry_factory(backend=backend)
    second = registry_factory(db_url=first.db_url)
    ids = [new_id() for _ in range(60)]
    batch = [
        change("innovation", i, "create", innovation_fields(title=f"Inovasi serentak {n}"))
        for n, i in enumerate(ids)
    ]
    clients = [first.as_("op", device_id="perangkat-1")]
    username, password = first.accounts("op")["op"]
    clients.append(second.client(username, password, device_id="perangkat-1"))
    barrier = threading.Barrier(2)

    def send(client: Client) -> list[dict[str, Any]]:
        barrier.wait()
        return client.push(batch, batch_id="batch-1")

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(send, clients)
    for x, y in zip(a, b, strict=True):
        assert sorted([x["outcome"], y["outcome"]]) == ["applied", "duplicate"], (x, y)
        assert x["revision"] == y["revision"] == 1
    records, _ = clients[0].pull_all()
    assert sorted(r["id"] for r in records if r["id"] in set(ids)) == sorted(ids)
    numbers = {r["data"]["registration_number"] for r in records if r["id"] in set(ids)}
    assert len(numbers) == len(ids)
    assert first.five_hundreds() == [] and second.five_hundreds() == []


def _pg(registry: Registry) -> psycopg.Connection[Any]:
    return psycopg.connect(registry.db_url, autocommit=False)


def test_a_late_commit_below_a_seen_cursor_cannot_happen(registry_pg: Registry) -> None:
    """A writer that has its sequence number but has not committed holds the counter row:
    a pull meanwhile ends before its number, and later writers wait for it."""
    op = registry_pg.as_("op")
    slow = new_id()
    op.push([change("innovation", slow, "create", innovation_fields(title="Penulis lambat"))])
    _, cursor = op.pull_all()
    with _pg(registry_pg) as raw:
        n = raw.execute(
            "UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value"
        ).fetchone()[0]
        raw.execute(
            "UPDATE records SET seq = %s, revision = revision + 1 WHERE entity = 'innovation' "
            "AND id = %s",
            (n, slow),
        )
        quick = new_id()
        done: list[list[dict[str, Any]]] = []
        writer = threading.Thread(
            target=lambda: done.append(
                op.push([change("innovation", quick, "create", innovation_fields())])
            )
        )
        writer.start()
        time.sleep(0.5)
        assert writer.is_alive(), "the second writer should wait for the counter row"
        page = op.pull_page(cursor).json()
        assert page["changes"] == [] and not page["has_more"]
        cursor_meanwhile = page["next_cursor"]
        raw.commit()
    writer.join(30)
    assert done and done[0][0]["outcome"] == "applied"
    later, _ = op.pull_all(cursor_meanwhile)
    assert [r["id"] for r in later] == [slow, quick]
    assert later[0]["revision"] == 2


def test_a_blocked_writer_commits_after_a_pull_and_is_still_delivered(
    registry_pg: Registry,
) -> None:
    op, op2 = registry_pg.as_("op"), registry_pg.as_("op2")
    held = new_id()
    op.push([change("innovation", held, "create", innovation_fields(title="Baris terkunci"))])
    _, cursor = op.pull_all()
    with _pg(registry_pg) as raw:
        raw.execute(
            "SELECT 1 FROM records WHERE entity = 'innovation' AND id = %s FOR UPDATE", (held,)
        )
        done: list[list[dict[str, Any]]] = []
        blocked = threading.Thread(
            target=lambda: done.append(
                op.push([change("innovation", held, "update", {"unit_name": "Akhirnya"}, base=1)])
            )
        )
        blocked.start()
        time.sleep(0.3)
        other = new_id()
        assert (
            op2.push([change("innovation", other, "create", innovation_fields())])[0]["outcome"]
            == "applied"
        )
        first, cursor = op.pull_all(cursor)
        assert [r["id"] for r in first] == [other]
        assert blocked.is_alive()
        raw.rollback()
    blocked.join(30)
    assert done[0][0]["outcome"] == "applied"
    second, _ = op.pull_all(cursor)
    assert [(r["id"], r["data"]["unit_name"]) for r in second] == [(held, "Akhirnya")]


def test_workers_share_one_database(registry_factory: RegistryFactory) -> None:
    server = registry_factory(backend="postgresql", workers=2)
    op = server.as_("op")
    ids = [new_id() for _ in range(20)]
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(
                lambda i: server.as_("op").push(
                    [change("innovation", i, "create", innovation_fields())]
                )[0],
                ids,
            )
        )
    assert {r["outcome"] for r in results} == {"applied"}
    records, _ = op.pull_all()
    assert sorted(r["id"] for r in records if r["id"] in set(ids)) == sorted(ids)
    assert server.five_hundreds() == []


def test_a_lock_timeout_is_retry_for_that_change_only(registry_factory: RegistryFactory) -> None:
    server = registry_factory(backend="postgresql", env={"JIPP_REGISTRY_LOCK_TIMEOUT_MS": "300"})
    op = server.as_("op")
    held = new_id()
    op.push([change("innovation", held, "create", innovation_fields(title="Dikunci lama"))])
    with _pg(server) as raw:
        raw.execute(
            "SELECT 1 FROM records WHERE entity = 'innovation' AND id = %s FOR UPDATE", (held,)
        )
        before, locked, after = op.push(
            [
                change("innovation", new_id(), "create", innovation_fields()),
                change("innovation", held, "update", {"unit_name": "Menunggu"}, base=1),
                change("innovation", new_id(), "create", innovation_fields()),
            ]
        )
        raw.rollback()
    assert (before["outcome"], locked["outcome"], after["outcome"]) == (
        "applied",
        "retry",
        "applied",
    )
    # Not stored under its id: sent again once the lock is gone, it applies.
    again = change("innovation", held, "update", {"unit_name": "Menunggu"}, base=1)
    again["change_id"] = locked["change_id"]
    assert op.push([again])[0]["outcome"] == "applied"
    assert server.five_hundreds() == []
