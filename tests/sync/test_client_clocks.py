"""Device clocks days apart: nothing depends on a device's time for ordering. Changes reach the
registry and the other device in the order the registry took them (its sequence), and a later
change is not lost for carrying an earlier time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest

import jipp_desktop.db.tables as tables
from jipp_desktop.syncstate import resolve_conflict
from tests.sync.test_client_support import (
    Device,
    assert_agree,
    device_maker,
    new_innovation,
    registry_records,
    update,
)


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


@contextmanager
def clock(offset: timedelta) -> Iterator[None]:
    """This process's clock (tables.utcnow, used by every write and the sync) moved."""
    real = tables.datetime

    class Skewed(real):  # type: ignore[misc,valid-type]
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return real.now(tz) + offset

    tables.datetime = Skewed  # type: ignore[misc]
    try:
        yield
    finally:
        tables.datetime = real  # type: ignore[misc]


AHEAD = timedelta(days=6)
BEHIND = -timedelta(days=5)


def on(device: Device, offset: timedelta, action, *args, **kw):
    with clock(offset):
        return action(*args, **kw)


def test_device_clocks_days_apart(devices, registry):
    a, b = devices("a", "b")
    op, op2 = a.officer("op"), b.officer("op2")
    record_id = on(a, AHEAD, new_innovation, a, op, title="Inovasi Dengan Jam Yang Berbeda")
    on(a, AHEAD, a.sync, "op")
    on(b, BEHIND, b.sync, "op2")
    assert b.get(record_id).created_at - tables.utcnow() > timedelta(days=5)

    # B, eleven days "earlier", changes the summary after A did: the registry took A's first,
    # so B's is a conflict for B, not a silent win of the newer clock.
    on(a, AHEAD, update, a, op, record_id, summary="Ringkasan A dengan jam yang maju.")
    on(a, AHEAD, a.sync, "op")
    on(b, BEHIND, update, b, op2, record_id, summary="Ringkasan B dengan jam yang mundur.")
    on(b, BEHIND, update, b, op2, record_id, impact="Dampak B dengan jam yang mundur.")
    result = on(b, BEHIND, b.sync, "op2")
    assert [p["kind"] for p in result.problems if p["id"] == record_id] == ["conflict"]
    with clock(BEHIND), b.write() as s:
        resolve_conflict(s, op2, "innovation", record_id, {"summary": "mine"})
    on(b, BEHIND, b.sync, "op2")
    # A pulls B's later change although it carries a time days before A's own.
    on(a, AHEAD, a.sync, "op")
    found = a.get(record_id)
    assert found.summary == "Ringkasan B dengan jam yang mundur."
    assert found.impact == "Dampak B dengan jam yang mundur."

    # A record made "in the past" on B still reaches A.
    other = on(b, BEHIND, new_innovation, b, op2, title="Inovasi Dari Masa Lalu")
    on(b, BEHIND, b.sync, "op2")
    on(a, AHEAD, a.sync, "op")
    assert a.get(other).title == "Inovasi Dari Masa Lalu"
    on(b, BEHIND, b.sync, "op2")
    assert_agree(a, b, registry_records=registry_records(registry))
