"""Syncing through a faulty network: a proxy on 127.0.0.1 between the client and a real
registry drops connections mid-request and mid-reply, delays, and answers 500 and 503 (also
after the registry did the work). Afterwards every device and the registry agree: nothing
lost, nothing doubled."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from jipp_desktop.db.models import Innovation
from sync.client.engine import SyncFailed
from tests.sync.test_client_support import (
    Device,
    FaultProxy,
    assert_agree,
    device_maker,
    new_innovation,
    registry_records,
    update,
)


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def sync_until_done(device: Device, key: str, tries: int = 8) -> None:
    """Syncs until an exchange completes (a faulty network may defeat a few)."""
    for _ in range(tries):
        try:
            device.sync(key)
            return
        except SyncFailed:
            continue
    raise AssertionError(f"{device.name}: no exchange completed in {tries} tries")


def test_faults_on_the_way_lose_and_double_nothing(devices, registry):
    proxy = FaultProxy(registry.url, rate=0.3)
    try:
        a, b = devices("a", "b")
        for device in (a, b):
            device.url = proxy.url
        op, op2 = a.officer("op"), b.officer("op2")
        made_a = [new_innovation(a, op, title=f"Inovasi Jaringan Buruk A {i}") for i in range(230)]
        made_b = [new_innovation(b, op2, title=f"Inovasi Jaringan Buruk B {i}") for i in range(40)]
        sync_until_done(a, "op")
        sync_until_done(b, "op2")
        sync_until_done(a, "op")
        for i, record_id in enumerate(made_a[:20]):
            update(b, op2, record_id, impact=f"Dampak dari B nomor {i}.")
            update(a, op, record_id, summary=f"Ringkasan dari A nomor {i} yang baru.")
        for record_id in made_b[:10]:
            update(a, op, record_id, unit_name="Unit Diubah Oleh A")
        for device, key in ((a, "op"), (b, "op2"), (a, "op"), (b, "op2")):
            sync_until_done(device, key)
        assert sum(proxy.faults.values()) > 10, proxy.faults
        assert set(proxy.faults) >= {"drop_request", "drop_reply", "error_500_after"}
    finally:
        proxy.stop()

    records = registry_records(registry)
    assert_agree(a, b, registry_records=records)
    titles = Counter(
        r["data"]["title"]
        for r in records
        if r["entity"] == "innovation" and "Jaringan Buruk" in (r["data"].get("title") or "")
    )
    assert len(titles) == 270 and set(titles.values()) == {1}
    with a.db.session() as s:
        count = s.scalar(
            select(func.count()).where(Innovation.title.like("Inovasi Jaringan Buruk%"))
        )
    assert count == 270
    for i, record_id in enumerate(made_a[:20]):
        found = b.get(record_id)
        assert found.summary == f"Ringkasan dari A nomor {i} yang baru."
        assert found.impact == f"Dampak dari B nomor {i}."
    numbers = [r["data"]["registration_number"] for r in records if r["entity"] == "innovation"]
    assert len(numbers) == len(set(numbers))
