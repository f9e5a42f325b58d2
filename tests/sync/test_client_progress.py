"""What the GUI sees of an exchange: progress by stage, and a cancel between batches that keeps
what was done and leaves the rest for the next sync."""

from __future__ import annotations

import pytest

from jipp_desktop.services.innovations import insert_innovations
from sync.client.engine import STAGES
from tests.conftest import innovation_values
from tests.sync.test_client_support import device_maker


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def test_progress_goes_through_the_stages_and_cancel_keeps_what_was_done(devices):
    (a,) = devices("a")
    op = a.officer("op")
    with a.write() as s:
        insert_innovations(
            s, op, [innovation_values(title=f"Inovasi Dibatalkan {i}") for i in range(650)]
        )
    seen: list[tuple[str, int, int]] = []

    def cancel() -> bool:
        pushes = [done for stage, done, _ in seen if stage == "push"]
        return bool(pushes) and max(pushes) > 0

    result = a.sync("op", progress=lambda *step: seen.append(step), cancel=cancel)
    assert result.cancelled
    first = result.pushed
    assert 0 < first < 650 and result.pending == 650 - first
    assert [s for s, *_ in seen][:3] == ["status", "login", "push"]
    assert all(total == 650 for stage, _, total in seen if stage == "push")

    seen.clear()
    result = a.sync("op", progress=lambda *step: seen.append(step))
    assert not result.cancelled and result.pending == 0
    assert result.pushed == 650 - first  # the rest, once
    stages = list(dict.fromkeys(s for s, *_ in seen))
    assert stages == [s for s in STAGES if s in stages]
    assert {"status", "login", "push", "reference", "pull"} <= set(stages)
