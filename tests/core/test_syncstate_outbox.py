"""The outbox as pushed: frozen on first send, one row per record per batch, acknowledgements
that keep an edit made during the upload pending."""

from __future__ import annotations

from jipp_desktop.db.engine import Database
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.services.innovations import create_innovation, update_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.syncstate import pending_count
from jipp_desktop.syncstate.records import wire_fields
from sync.protocol import Change, ChangeResult, Text
from tests.conftest import innovation_values
from tests.core.test_syncstate_support import (
    ack,
    applied,
    batch,
    outbox,
    problem,
    remote,
    versions,
)


def _create(db: Database, actor: Actor, **values: object) -> str:
    with db.transaction() as s:
        return create_innovation(s, actor, innovation_values(**values)).id


def _edit(db: Database, actor: Actor, record_id: str, **changes: object) -> None:
    with db.transaction() as s:
        update_innovation(s, actor, record_id, changes)


def test_a_create_is_frozen_with_every_field_and_is_a_valid_change(db, operator):
    record_id = _create(db, operator)
    [change] = batch(db, operator)
    Change.model_validate(change)  # what the engine sends
    assert change["operation"] == "create"
    assert change["base_revision"] is None
    assert set(change["fields"]) == set(wire_fields("innovation"))
    assert change["fields"]["title"] == {"old": None, "new": innovation_values()["title"]}
    assert change["author"]["id"] == operator.id
    [row] = outbox(db)
    assert row.sent_at is not None and row.fields == change["fields"]
    # Sent again (no answer came): the same id and content.
    assert batch(db, operator) == [change]
    assert versions(db, "innovation", record_id) == (1, 0, None)


def test_an_update_sends_only_what_differs_and_a_reverted_one_is_dropped(db, operator):
    record_id = _create(db, operator)
    [create] = batch(db, operator)
    applied(db, create, 1)
    assert pending_count_of(db) == 0
    _edit(db, operator, record_id, summary="Ringkasan baru yang cukup panjang.")
    _edit(db, operator, record_id, unit_name="Dinas Baru")
    [change] = batch(db, operator)
    assert change["operation"] == "update"
    assert change["base_revision"] == 1
    assert set(change["fields"]) == {"summary", "unit_name"}
    assert change["fields"]["unit_name"] == {
        "old": "Dinas Kependudukan dan Pencatatan Sipil",
        "new": "Dinas Baru",
    }
    applied(db, change, 2)
    # Changed and changed back before it was sent: nothing to send, nothing pending.
    _edit(db, operator, record_id, unit_name="Dinas Lain")
    _edit(db, operator, record_id, unit_name="Dinas Baru")
    assert pending_count_of(db) == 1
    assert batch(db, operator) == []
    assert outbox(db) == []
    assert pending_count_of(db) == 0


def pending_count_of(db: Database) -> int:
    with db.session() as s:
        return pending_count(s)


def test_an_edit_made_while_the_push_is_in_flight_stays_pending(db, operator):
    record_id = _create(db, operator)
    [create] = batch(db, operator)  # frozen and committed: now "on the wire"
    _edit(db, operator, record_id, summary="Diubah selama pengiriman berlangsung.")
    applied(db, create, 1, registration_number="JIPP-2026-000001")
    local, synced, revision = versions(db, "innovation", record_id)
    assert (local, synced, revision) == (2, 0, 1)  # acknowledged only where unchanged since
    assert pending_count_of(db) == 1
    [row] = outbox(db)
    assert row.base_revision == 1 and row.sent_at is None
    # The registry's number is taken; the officer's edit is kept and sent next.
    [change] = batch(db, operator)
    assert set(change["fields"]) == {"summary"}
    assert change["fields"]["summary"]["new"] == "Diubah selama pengiriman berlangsung."
    with db.session() as s:
        from jipp_desktop.db.models import Innovation

        record = s.get(Innovation, record_id)
        assert record.registration_number == "JIPP-2026-000001"
        assert record.summary == "Diubah selama pengiriman berlangsung."
    applied(db, change, 2)
    assert versions(db, "innovation", record_id) == (2, 2, 2)
    assert pending_count_of(db) == 0


def test_one_row_per_record_per_batch_and_the_batch_keeps_the_order(db, operator):
    first = _create(db, operator, title="Inovasi Pertama Untuk Antrean")
    [create] = batch(db, operator)
    _edit(db, operator, first, summary="Perubahan kedua yang menunggu.")
    second = _create(db, operator, title="Inovasi Kedua Untuk Antrean")
    # The sent create first; the record's next change waits for its answer, and so does
    # every change made after it (the registry sees them in the order they were made).
    assert [c["record_id"] for c in batch(db, operator)] == [first]
    applied(db, create, 1)
    assert [(c["record_id"], c["operation"]) for c in batch(db, operator)] == [
        (first, "update"),
        (second, "create"),
    ]


def test_other_officers_changes_wait_for_their_own_account(db, operator, officers):
    mine = _create(db, operator, title="Inovasi Milik Operator Satu")
    theirs = _create(db, officers["operator2"], title="Inovasi Milik Operator Dua")
    assert [c["record_id"] for c in batch(db, operator)] == [mine]
    assert [c["record_id"] for c in batch(db, officers["operator2"], exclude=set())] == [theirs]


def test_a_batch_holds_at_most_the_limit_and_demo_records_never_go(db, operator):
    add_demo_data(db, 5, seed=3)
    ids = [_create(db, operator, title=f"Inovasi Nomor {i} Untuk Batas") for i in range(7)]
    assert pending_count_of(db) == 7  # demo data is never pending
    assert [c["record_id"] for c in batch(db, operator, limit=5)] == ids[:5]
    assert len(batch(db, operator)) == 7


def test_rejected_is_quarantined_and_retry_counts_up_to_quarantine(db, operator):
    record_id = _create(db, operator)
    [change] = batch(db, operator)
    reason = Text(id="tidak boleh", en="not allowed")
    ack(
        db,
        ChangeResult(
            change_id=change["change_id"], outcome="rejected", code="scope", reason=reason
        ),
    )
    found = problem(db, "innovation", record_id)
    assert (found.state, found.code, found.reason_en) == ("quarantined", "scope", "not allowed")
    assert batch(db, operator) == []  # held until the officer acts
    assert pending_count_of(db) == 1

    other = _create(db, operator, title="Inovasi Yang Dicoba Lagi")
    for attempt in range(1, 6):
        [sent] = batch(db, operator)
        ack(db, ChangeResult(change_id=sent["change_id"], outcome="retry", code="busy"))
        state = problem(db, "innovation", other)
        assert state.attempts == attempt
        assert state.state == ("quarantined" if attempt == 5 else "retrying")
    assert batch(db, operator) == []


def test_a_retry_waits_for_the_next_exchange(db, operator):
    _create(db, operator)
    [sent] = batch(db, operator)
    ack(db, ChangeResult(change_id=sent["change_id"], outcome="retry", code="not_found"))
    assert batch(db, operator, exclude={sent["change_id"]}) == []
    assert batch(db, operator) == [sent]


def test_a_merged_answer_takes_the_registrys_other_fields(db, operator):
    record_id = _create(db, operator)
    [create] = batch(db, operator)
    applied(db, create, 1)
    _edit(db, operator, record_id, summary="Ringkasan dari perangkat ini saja.")
    [change] = batch(db, operator)
    record = remote(db, "innovation", record_id, 3, impact="Dampak dari perangkat lain.")
    ack(
        db, ChangeResult(change_id=change["change_id"], outcome="merged", revision=3, record=record)
    )
    with db.session() as s:
        from jipp_desktop.db.models import Innovation

        found = s.get(Innovation, record_id)
        assert found.impact == "Dampak dari perangkat lain."
        assert found.summary == "Ringkasan dari perangkat ini saja."
    assert versions(db, "innovation", record_id) == (2, 2, 3)


def test_while_a_batch_is_in_flight_the_next_stops_at_a_later_change_of_its_records(db, operator):
    first = _create(db, operator, title="Inovasi Pertama Yang Sedang Dikirim")
    [create] = batch(db, operator)
    _edit(db, operator, first, summary="Perubahan yang menunggu jawaban pertama.")
    later = _create(db, operator, title="Inovasi Yang Dibuat Sesudahnya")
    # The create is on the wire: its record's edit waits, and so does what came after it.
    assert batch(db, operator, in_flight={create["change_id"]}) == []
    applied(db, create, 1)
    assert [c["record_id"] for c in batch(db, operator)] == [first, later]
