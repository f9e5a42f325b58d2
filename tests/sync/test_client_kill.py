"""`jipp-desktop sync` killed with SIGKILL while it pushes and while it pulls, then run again:
no change is lost or doubled and the store is consistent (each step commits before the next
request; a change sent again is answered ``duplicate``)."""

from __future__ import annotations

import signal
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from jipp_desktop.services.innovations import insert_innovations
from tests.conftest import innovation_values
from tests.sync.test_client_support import (
    Device,
    FaultProxy,
    assert_agree,
    device_maker,
    registry_records,
)

TOTAL = 1100  # six push batches, three pull pages


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def _read(path: Path, sql: str) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return int(con.execute(sql).fetchone()[0] or 0)
    except sqlite3.OperationalError:
        return -1  # not made yet
    finally:
        con.close()


def _kill_when(device: Device, key: str, proxy: FaultProxy, ready: str, low: int, high: int):
    """Runs `sync` through the slow proxy and kills it once ``ready`` counts between low and
    high (exclusive); returns the count it was killed at."""
    username, password = device.account(key)
    process = device.cli(
        "--as",
        device.officer(key).id,
        "sync",
        "--registry",
        proxy.url,
        "--user",
        username,
        "--json",
        env={"JIPP_PASSWORD": password},
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            count = _read(device.path, ready)
            if low < count < high:
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=30)
                assert process.returncode == -signal.SIGKILL
                return count
            if process.poll() is not None:
                raise AssertionError(f"sync ended before the kill: {process.stderr.read()}")
            time.sleep(0.02)
        raise AssertionError("the moment to kill never came")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def _consistent(device: Device) -> None:
    assert (
        _read(
            device.path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"
        )
        == 0
    )
    assert _read(device.path, "SELECT count(*) FROM pragma_foreign_key_check('sync_outbox')") == 0


def test_killed_while_pushing_and_while_pulling(devices, registry):
    a, b = devices("a", "b")
    op = a.officer("op")
    b.officer("op2")
    with a.write() as s:
        insert_innovations(
            s,
            op,
            [innovation_values(title=f"Inovasi Dibunuh Saat Kirim {i}") for i in range(TOTAL)],
        )
    slow = FaultProxy(registry.url, rate=1.0, faults=("delay",))
    try:
        # Killed with a batch acknowledged and the next one sent, its answer not yet written.
        in_flight = (
            "SELECT CASE WHEN sum(sent_at IS NOT NULL) > 0 THEN count(*) ELSE -1 END "
            "FROM sync_outbox"
        )
        left = _kill_when(a, "op", slow, in_flight, 0, TOTAL - 199)
        assert 0 < left < TOTAL
        _consistent(a)
        assert a.pending() == left
        code, body, err = a.cli_sync("op")
        assert code == 0, err
        assert body["pending"] == 0 and body["problems"] == []

        # Killed with some pages applied and some not.
        got = _kill_when(
            b,
            "op2",
            slow,
            "SELECT count(*) FROM innovations WHERE title LIKE 'Inovasi Dibunuh Saat Kirim%'",
            0,
            TOTAL,
        )
        assert 0 < got < TOTAL
        _consistent(b)
        code, body, err = b.cli_sync("op2")
        assert code == 0, err
    finally:
        slow.stop()

    code, _, err = a.cli_sync("op")
    assert code == 0, err
    records = registry_records(registry)
    assert_agree(a, b, registry_records=records)
    titles = Counter(
        r["data"]["title"]
        for r in records
        if r["entity"] == "innovation" and "Dibunuh Saat Kirim" in (r["data"]["title"] or "")
    )
    assert len(titles) == TOTAL and set(titles.values()) == {1}
