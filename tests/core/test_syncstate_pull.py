"""Pulled pages: inserted, taken, merged or made a conflict, never overwriting a pending edit;
each page in one transaction with its cursor."""

from __future__ import annotations

from pathlib import Path

import pytest

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.db.models import Innovation
from jipp_desktop.services.innovations import (
    AwardInput,
    create_innovation,
    delete_innovation,
    update_innovation,
)
from jipp_desktop.services.officers import Actor, create_officer
from jipp_desktop.services.settings import get_setting
from jipp_desktop.syncstate import pending_count
from jipp_desktop.syncstate.pull import apply_page
from jipp_desktop.syncstate.transaction import remote_transaction
from tests.conftest import innovation_values
from tests.core.test_syncstate_support import batch, outbox, problem, remote, versions


@pytest.fixture
def other(tmp_path: Path):
    """A second device with an operator of its own."""
    database = open_database(tmp_path / "other.db")
    with database.transaction() as s:
        actor = Actor.of(create_officer(s, "Made Wirawan", "operator"))
    yield database, actor
    database.close()


def pull(db: Database, *records, cursor: str = "c1"):
    with remote_transaction(db) as s:
        return apply_page(s, records, cursor)


def get(db: Database, record_id: str) -> Innovation:
    with db.session() as s:
        return s.get(Innovation, record_id)


@pytest.fixture
def shared(db, operator, other):
    """A record made on ``db``, known to the registry as revision 1 and pulled by ``other``."""
    with db.transaction() as s:
        record_id = create_innovation(
            s, operator, innovation_values(), awards=[AwardInput(2023, "KIPP", "Top 45")]
        ).id
    copy = remote(db, "innovation", record_id, 1)
    counts = pull(other[0], copy)
    assert counts.inserted == 1
    return record_id, copy


def test_a_new_record_is_inserted_as_the_registry_has_it(shared, other):
    record_id, _ = shared
    device, _ = other
    found = get(device, record_id)
    assert found.title == innovation_values()["title"]
    assert found.title_key  # derived here, not sent
    assert [(a.year, a.competition, a.stage_reached) for a in found.awards] == [
        (2023, "KIPP", "Top 45")
    ]
    assert versions(device, "innovation", record_id) == (0, 0, 1)
    assert found.sync_base["title"] == found.title
    with device.session() as s:
        assert get_setting(s, "sync.cursor") == "c1"
        assert pending_count(s) == 0
    # Nothing was queued or audited as the officer's change.
    assert outbox(device) == []


def test_a_record_without_pending_changes_takes_the_registrys_copy(shared, other):
    record_id, copy = shared
    device, _ = other
    newer = copy.model_copy(
        update={"revision": 2, "data": {**copy.data, "summary": "Dari registri.", "awards": []}}
    )
    assert pull(device, newer).updated == 1
    found = get(device, record_id)
    assert found.summary == "Dari registri." and found.awards == []
    assert versions(device, "innovation", record_id) == (0, 0, 2)
    # The same revision again (this device's own push coming back) is skipped.
    assert pull(device, newer).skipped == 1


def test_fields_the_officer_did_not_touch_take_theirs(shared, other):
    record_id, copy = shared
    device, actor = other
    with device.transaction() as s:
        update_innovation(s, actor, record_id, {"summary": "Ringkasan dari perangkat dua."})
    newer = copy.model_copy(update={"revision": 2, "data": {**copy.data, "impact": "Dampak."}})
    assert pull(device, newer).merged == 1
    found = get(device, record_id)
    assert (found.summary, found.impact) == ("Ringkasan dari perangkat dua.", "Dampak.")
    assert versions(device, "innovation", record_id) == (1, 0, 2)
    [row] = outbox(device)
    assert row.base_revision == 2 and set(row.old) == {"summary"}
    [change] = batch(device, actor)
    assert set(change["fields"]) == {"summary"} and change["base_revision"] == 2


def test_the_same_field_changed_on_both_sides_is_a_conflict(shared, other):
    record_id, copy = shared
    device, actor = other
    with device.transaction() as s:
        update_innovation(s, actor, record_id, {"summary": "Versi perangkat dua."})
    newer = copy.model_copy(
        update={"revision": 2, "data": {**copy.data, "summary": "Versi registri.", "impact": "X"}}
    )
    assert pull(device, newer).conflicts == 1
    found = get(device, record_id)
    assert found.summary == "Versi perangkat dua."  # never overwritten
    assert found.impact is None  # nothing of the record is written until it is resolved
    state = problem(device, "innovation", record_id)
    assert state.state == "conflict"
    assert state.conflict["fields"] == {
        "summary": {
            "base": innovation_values()["summary"],
            "mine": "Versi perangkat dua.",
            "theirs": "Versi registri.",
        }
    }
    assert state.conflict["theirs"]["revision"] == 2
    assert batch(device, actor) == []  # held


def test_the_same_value_on_both_sides_is_no_conflict(shared, other):
    record_id, copy = shared
    device, actor = other
    with device.transaction() as s:
        update_innovation(s, actor, record_id, {"summary": "Sama di kedua sisi."})
    newer = copy.model_copy(
        update={"revision": 2, "data": {**copy.data, "summary": "Sama di kedua sisi."}}
    )
    assert pull(device, newer).merged == 1
    assert problem(device, "innovation", record_id) is None
    assert outbox(device) == []
    assert versions(device, "innovation", record_id) == (1, 1, 2)


def test_a_tombstone_of_a_settled_record_deletes_it_and_of_a_pending_one_is_a_conflict(
    shared, other
):
    record_id, copy = shared
    device, actor = other
    tombstone = copy.model_copy(update={"revision": 2, "deleted": True})
    with device.transaction() as s:
        update_innovation(s, actor, record_id, {"summary": "Diubah sebelum dihapus."})
    assert pull(device, tombstone).conflicts == 1
    assert get(device, record_id).deleted_at is None
    assert problem(device, "innovation", record_id).conflict["fields"] == {
        "deleted": {"base": False, "mine": False, "theirs": True}
    }


def test_a_tombstone_of_a_settled_record_is_taken(shared, other):
    record_id, copy = shared
    device, _ = other
    tombstone = copy.model_copy(update={"revision": 2, "deleted": True})
    assert pull(device, tombstone).updated == 1
    assert get(device, record_id).deleted_at is not None


def test_a_delete_against_the_registrys_edit_is_a_conflict(shared, other):
    record_id, copy = shared
    device, actor = other
    with device.transaction() as s:
        delete_innovation(s, actor, record_id)
    newer = copy.model_copy(update={"revision": 2, "data": {**copy.data, "impact": "Baru."}})
    assert pull(device, newer).conflicts == 1
    assert problem(device, "innovation", record_id).conflict["fields"] == {
        "deleted": {"base": False, "mine": True, "theirs": False}
    }
    assert get(device, record_id).deleted_at is not None


def test_a_page_and_its_cursor_commit_together(shared, other):
    record_id, copy = shared
    device, _ = other
    newer = copy.model_copy(update={"revision": 2, "data": {**copy.data, "impact": "Baru."}})
    broken = copy.model_copy(update={"id": "x" * 36, "revision": 1, "data": {"title": None}})
    with pytest.raises(Exception):  # noqa: B017 - whatever the store refuses
        pull(device, newer, broken, cursor="c2")
    assert get(device, record_id).impact is None
    with device.session() as s:
        assert get_setting(s, "sync.cursor") == "c1"
