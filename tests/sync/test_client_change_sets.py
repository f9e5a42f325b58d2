"""What an exchange tells its caller it wrote: after each committed page and batch answer, a
change set (origin "registry") naming the records pulled or acknowledged, so that an open list
or form can show them; and the change set a local use case returns."""

from __future__ import annotations

import pytest

from jipp_desktop.domain.errors import ValidationFailed
from jipp_desktop.services.agencies import create_agency
from jipp_desktop.services.change_set import ChangeSet, collect_changes, perform
from jipp_desktop.services.innovations import update_innovation
from jipp_desktop.services.submission import save_innovation
from tests.conftest import innovation_values
from tests.sync.test_client_support import device_maker, new_innovation


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def test_a_use_case_returns_which_records_it_changed_and_a_refused_one_nothing(devices):
    [a] = devices("a")
    actor = a.officer("op")
    done = perform(a.db, save_innovation, actor, None, innovation_values(), [], then_submit=True)
    assert done.result.workflow == "submitted"
    assert done.changes.ids("innovation") == {done.result.id}
    assert done.changes.sync_state and done.changes.origin == "local"
    assert not done.changes.touches("agency")
    with collect_changes() as collected, pytest.raises(ValidationFailed):
        perform(a.db, create_agency, actor, {"name": "X"})
    assert not collected.changes  # rolled back: nothing to tell


def test_each_pulled_page_is_told_with_the_records_it_wrote(devices):
    a, b = devices("a", "b")
    first = new_innovation(a, a.officer("op"), title="Inovasi Yang Ditarik Perangkat B")
    second = new_innovation(a, a.officer("op"), title="Inovasi Kedua Yang Ditarik")
    a.sync("op")
    told: list[ChangeSet] = []
    b.sync("op2", changed=told.append)
    assert told and all(c.origin == "registry" for c in told)
    pulled = ChangeSet()
    for changes in told:
        pulled = pulled.merged(changes)
    assert {first, second} <= pulled.ids("innovation")
    assert pulled.sync_state  # the cursor and the last sync moved

    # An edit on A: B is told of that record only; A is told its push was answered.
    with a.write() as s:
        update_innovation(s, a.officer("op"), first, {"summary": "Ringkasan yang diperbarui."})
    pushed: list[ChangeSet] = []
    a.sync("op", changed=pushed.append)
    assert any(first in c.ids("innovation") for c in pushed)
    told.clear()
    b.sync("op2", changed=told.append)
    ids = set().union(*(c.ids("innovation") for c in told))
    assert first in ids and second not in ids
