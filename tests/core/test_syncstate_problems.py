"""The officer's answers to what the sync could not settle: resolve a conflict field by field,
retry or discard a quarantined change."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from jipp_desktop.db.models import AuditEntry, Innovation
from jipp_desktop.domain.errors import NotFound, ValidationFailed
from jipp_desktop.services.innovations import (
    create_innovation,
    delete_innovation,
    update_innovation,
)
from jipp_desktop.syncstate import discard, list_problems, pending_count, resolve_conflict, retry
from jipp_desktop.syncstate.pull import apply_page
from jipp_desktop.syncstate.transaction import remote_transaction
from sync.protocol import ChangeResult, Text
from tests.conftest import innovation_values
from tests.core.test_syncstate_support import ack, applied, batch, outbox, problem, remote, versions


@pytest.fixture
def synced(db, operator):
    """A record the registry has as revision 1."""
    with db.transaction() as s:
        record_id = create_innovation(s, operator, innovation_values()).id
    [create] = batch(db, operator)
    applied(db, create, 1)
    return record_id


def _conflict(db, operator, record_id, mine: dict, theirs: dict, revision: int = 2):
    with db.transaction() as s:
        update_innovation(s, operator, record_id, mine)
    copy = remote(db, "innovation", record_id, revision)
    base = get(db, record_id).sync_base
    copy = copy.model_copy(update={"data": {**base, **theirs}})
    with remote_transaction(db) as s:
        apply_page(s, [copy], "c")
    return copy


def get(db, record_id) -> Innovation:
    with db.session() as s:
        return s.get(Innovation, record_id)


def test_a_conflict_is_listed_with_base_mine_and_theirs(db, operator, synced):
    _conflict(db, operator, synced, {"summary": "Milik saya."}, {"summary": "Milik registri."})
    [issue] = list_problems_of(db)
    assert (issue.kind, issue.entity, issue.record_id) == ("conflict", "innovation", synced)
    assert issue.label == innovation_values()["title"]
    assert issue.fields["summary"]["mine"] == "Milik saya."
    assert "Ringkasan" in issue.message("id") and "Summary" in issue.message("en")
    assert issue.as_json()["id"] == synced


def list_problems_of(db):
    with db.session() as s:
        return list_problems(s)


def test_resolving_with_theirs_settles_the_record(db, operator, synced):
    _conflict(
        db,
        operator,
        synced,
        {"summary": "Milik saya."},
        {"summary": "Milik registri.", "impact": "Dampak registri."},
    )
    with db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {"summary": "theirs"})
    found = get(db, synced)
    assert (found.summary, found.impact) == ("Milik registri.", "Dampak registri.")
    assert outbox(db) == []
    assert problem(db, "innovation", synced) is None
    local, synced_version, revision = versions(db, "innovation", synced)
    assert local == synced_version and revision == 2
    with db.session() as s:
        assert pending_count(s) == 0
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.record_id == synced)))
    assert "resolve" in actions


def test_resolving_with_mine_sends_one_change_on_their_revision(db, operator, synced):
    _conflict(
        db,
        operator,
        synced,
        {"summary": "Milik saya."},
        {"summary": "Milik registri.", "impact": "Dampak registri."},
    )
    with db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {"summary": "mine"})
    found = get(db, synced)
    assert (found.summary, found.impact) == ("Milik saya.", "Dampak registri.")
    [row] = outbox(db)
    assert row.base_revision == 2 and row.sent_at is None
    [change] = batch(db, operator)
    assert change["fields"] == {"summary": {"old": "Milik registri.", "new": "Milik saya."}}


def test_resolving_with_a_value_records_the_officers_change(db, operator, synced):
    _conflict(db, operator, synced, {"summary": "Milik saya."}, {"summary": "Milik registri."})
    with db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {"summary": "Gabungan keduanya."})
    assert get(db, synced).summary == "Gabungan keduanya."
    [change] = batch(db, operator)
    assert change["fields"] == {"summary": {"old": "Milik registri.", "new": "Gabungan keduanya."}}
    with db.session() as s:
        fields = list(s.scalars(select(AuditEntry.after).where(AuditEntry.field == "summary")))
    assert fields[-1] == "Gabungan keduanya."


def test_every_conflicting_field_needs_a_choice(db, operator, synced):
    _conflict(db, operator, synced, {"summary": "Milik saya."}, {"summary": "Milik registri."})
    with pytest.raises(ValidationFailed), db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {})
    with pytest.raises(ValidationFailed), db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {"summary": "mine", "nope": "mine"})
    with pytest.raises(NotFound), db.transaction() as s:
        resolve_conflict(s, operator, "innovation", "missing", {})


def test_my_delete_against_their_edit_resolved_either_way(db, operator, synced):
    with db.transaction() as s:
        delete_innovation(s, operator, synced)
    copy = remote(db, "innovation", synced, 2, impact="Diubah di registri.")
    with remote_transaction(db) as s:
        apply_page(s, [copy], "c")
    with db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {"deleted": "theirs"})
    found = get(db, synced)
    assert found.deleted_at is None and found.impact == "Diubah di registri."
    assert outbox(db) == []

    with db.transaction() as s:
        delete_innovation(s, operator, synced)
    copy = remote(db, "innovation", synced, 3, impact="Lagi.")
    copy = copy.model_copy(update={"deleted": False})
    with remote_transaction(db) as s:
        apply_page(s, [copy], "c")
    with db.transaction() as s:
        resolve_conflict(s, operator, "innovation", synced, {"deleted": "mine"})
    [change] = batch(db, operator)
    assert (change["operation"], change["base_revision"]) == ("delete", 3)


def test_retry_and_discard_of_a_quarantined_change(db, operator, synced):
    with db.transaction() as s:
        update_innovation(s, operator, synced, {"summary": "Ditolak registri."})
    [change] = batch(db, operator)
    ack(
        db,
        ChangeResult(
            change_id=change["change_id"],
            outcome="rejected",
            code="scope",
            reason=Text(id="di luar wilayah", en="out of scope"),
        ),
    )
    [issue] = list_problems_of(db)
    assert (issue.kind, issue.code, issue.message("en")) == ("rejected", "scope", "out of scope")
    with db.transaction() as s:
        retry(s, operator, "innovation", synced)
    [again] = batch(db, operator)  # the same change, re-evaluated as the record is now
    assert again["fields"] == change["fields"] and again["base_revision"] == 1
    ack(db, ChangeResult(change_id=again["change_id"], outcome="rejected", code="scope"))
    with db.transaction() as s:
        discard(s, operator, "innovation", synced)
    assert get(db, synced).summary == innovation_values()["summary"]
    assert outbox(db) == [] and list_problems_of(db) == []
    with db.session() as s:
        assert pending_count(s) == 0


def test_discarding_a_record_the_registry_never_had_tombstones_it(db, operator):
    with db.transaction() as s:
        record_id = create_innovation(s, operator, innovation_values()).id
    [change] = batch(db, operator)
    ack(db, ChangeResult(change_id=change["change_id"], outcome="rejected", code="scope"))
    with db.transaction() as s:
        discard(s, operator, "innovation", record_id)
    assert get(db, record_id).deleted_at is not None
    assert outbox(db) == []
    with db.session() as s:
        assert pending_count(s) == 0


def test_a_record_corrected_after_its_rejection_is_sent_as_corrected(db, operator):
    with db.transaction() as s:
        record_id = create_innovation(s, operator, innovation_values()).id
    [create] = batch(db, operator)
    ack(
        db,
        ChangeResult(
            change_id=create["change_id"],
            outcome="rejected",
            code="invalid",
            fields={"unit_name": Text(id="tidak dikenal", en="unknown")},
        ),
    )
    [issue] = list_problems_of(db)
    assert issue.message("en").endswith("unit_name: unknown")
    with db.transaction() as s:
        update_innovation(s, operator, record_id, {"unit_name": "Dinas Yang Benar"})
    assert batch(db, operator) == []  # held until the officer retries
    with db.transaction() as s:
        retry(s, operator, "innovation", record_id)
    [again] = batch(db, operator)
    assert again["operation"] == "create" and again["change_id"] != create["change_id"]
    assert again["fields"]["unit_name"]["new"] == "Dinas Yang Benar"
    applied(db, again, 1)
    with db.session() as s:
        assert pending_count(s) == 0
