"""The verification workflow: draft → submitted → verified | needs revision (→ resubmitted) |
rejected, and the four-eyes rule."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jipp_desktop.db.engine import Database
from jipp_desktop.domain.errors import PermissionDenied, ValidationFailed, WorkflowError
from jipp_desktop.services.innovations import (
    create_innovation,
    delete_innovation,
    get_innovation,
    insert_innovations,
    update_innovation,
)
from jipp_desktop.services.officers import Actor, create_officer
from jipp_desktop.services.verification import (
    VerificationInput,
    queue,
    submit,
    verifications_of,
    verify,
)


@pytest.fixture
def submitted(db: Database, operator: Actor, make_values) -> str:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values()).id
        submit(s, operator, iid)
    return iid


def decide(db: Database, actor: Actor, iid: str, **kw) -> None:
    data = VerificationInput(**({"method": "desk"} | kw))
    with db.transaction() as s:
        verify(s, actor, iid, data)


def test_submit_needs_a_complete_record(db: Database, operator: Actor, make_values) -> None:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values(summary=None, sector=None)).id
    with pytest.raises(ValidationFailed) as info, db.transaction() as s:
        submit(s, operator, iid)
    assert {e.field for e in info.value.errors} == {"summary", "sector"}
    with db.session() as s:
        assert get_innovation(s, iid).workflow == "draft"


def test_institutionalisation_needs_a_legal_basis_to_submit(
    db: Database, operator: Actor, make_values
) -> None:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values(phase="institutionalisation")).id
    with pytest.raises(ValidationFailed, match="dasar hukum"), db.transaction() as s:
        submit(s, operator, iid)


def test_valid_continuing_verifies_the_record(
    db: Database, verifier: Actor, submitted: str
) -> None:
    at = datetime(2024, 3, 5, 2, 0, tzinfo=UTC)
    with db.transaction() as s:
        verify(s, verifier, submitted, VerificationInput("valid_continuing", "phone"), at=at)
    with db.session() as s:
        innovation = get_innovation(s, submitted)
        assert innovation.workflow == "verified" and innovation.continuation == "continuing"
        assert innovation.last_verified_at == at
        [v] = verifications_of(s, submitted)
        assert (v.verifier_id, v.outcome, v.method) == (verifier.id, "valid_continuing", "phone")


def test_valid_stopped_records_the_reason(db: Database, verifier: Actor, submitted: str) -> None:
    decide(db, verifier, submitted, outcome="valid_stopped", notes="Anggaran tidak ada lagi")
    with db.session() as s:
        innovation = get_innovation(s, submitted)
        assert innovation.continuation == "stopped"
        assert innovation.continuation_reason == "Anggaran tidak ada lagi"


def test_needs_revision_then_resubmitted(
    db: Database, operator: Actor, verifier: Actor, submitted: str
) -> None:
    decide(db, verifier, submitted, outcome="needs_revision", notes="Lengkapi bukti dukung")
    with db.transaction() as s:
        assert get_innovation(s, submitted).workflow == "needs_revision"
        submit(s, operator, submitted)
    with db.session() as s:
        assert get_innovation(s, submitted).workflow == "resubmitted"
    decide(db, verifier, submitted, outcome="rejected", notes="Bukan inovasi pelayanan")
    with db.session() as s:
        assert get_innovation(s, submitted).workflow == "rejected"
        assert [v.outcome for v in verifications_of(s, submitted)] == [
            "rejected",
            "needs_revision",
        ]


def test_the_author_may_not_verify(db: Database, make_values) -> None:
    with db.transaction() as s:
        both = Actor.of(create_officer(s, "Made Wirawan", "admin"))
        iid = create_innovation(s, both, make_values()).id
        submit(s, both, iid)
    with pytest.raises(PermissionDenied, match="sendiri"):
        decide(db, both, iid, outcome="valid_continuing")
    with db.session() as s:
        assert get_innovation(s, iid).workflow == "submitted"
        assert verifications_of(s, iid) == []
        assert queue(s, both) == []


def test_an_operator_may_not_verify(db: Database, officers: dict, submitted: str) -> None:
    with pytest.raises(PermissionDenied):
        decide(db, officers["operator2"], submitted, outcome="valid_continuing")


def test_only_records_waiting_can_be_verified(
    db: Database, operator: Actor, verifier: Actor, make_values
) -> None:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values()).id
    with pytest.raises(WorkflowError, match="tidak sedang menunggu"):
        decide(db, verifier, iid, outcome="valid_continuing")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"outcome": "lulus"}, "outcome"),
        ({"outcome": "valid_continuing", "method": "email"}, "method"),
        ({"outcome": "rejected", "notes": "no"}, "notes"),
        ({"outcome": "valid_continuing", "continuation": "stopped"}, "continuation"),
        ({"outcome": "duplicate", "notes": "sama dengan yang lain"}, "duplicate_of_id"),
    ],
)
def test_a_decision_that_does_not_fit_is_refused(
    db: Database, verifier: Actor, submitted: str, data: dict, field: str
) -> None:
    with pytest.raises(ValidationFailed) as info:
        decide(db, verifier, submitted, **data)
    assert field in {e.field for e in info.value.errors}
    with db.session() as s:
        assert get_innovation(s, submitted).workflow == "submitted"


def test_duplicate_points_at_the_other_record(
    db: Database, operator: Actor, verifier: Actor, submitted: str, make_values
) -> None:
    with db.transaction() as s:
        other = create_innovation(s, operator, make_values(title="Akta Lahir Rumah Sakit")).id
    decide(
        db,
        verifier,
        submitted,
        outcome="duplicate",
        notes="Sama dengan data lama",
        duplicate_of_id=other,
    )
    with db.session() as s:
        [v] = verifications_of(s, submitted)
        assert v.duplicate_of_id == other
        assert get_innovation(s, submitted).workflow == "rejected"


def test_queue_shows_what_this_verifier_may_verify(
    db: Database, verifier: Actor, operator: Actor, submitted: str
) -> None:
    with db.session() as s:
        assert [i.id for i in queue(s, verifier)] == [submitted]
        assert queue(s, operator) == []  # the operator submitted it


def test_an_admin_who_edited_the_record_may_not_verify_it(
    db: Database, operator: Actor, admin: Actor, verifier: Actor, make_values
) -> None:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values()).id
        update_innovation(s, admin, iid, {"summary": "Ringkasan yang ditulis ulang oleh admin."})
        submit(s, operator, iid)
    with db.session() as s:
        assert iid not in [r.id for r in queue(s, admin)]
    with pytest.raises(PermissionDenied, match="ubah"):
        decide(db, admin, iid, outcome="valid_continuing")
    decide(db, verifier, iid, outcome="valid_continuing")  # another verifier may
    with db.session() as s:
        assert get_innovation(s, iid).workflow == "verified"


def test_a_verifier_decides_again_after_a_revision(
    db: Database, operator: Actor, verifier: Actor, submitted: str
) -> None:
    decide(db, verifier, submitted, outcome="needs_revision", notes="Lengkapi dasar hukumnya.")
    with db.transaction() as s:
        update_innovation(s, operator, submitted, {"unit_name": "Dinas Dukcapil"})
        submit(s, operator, submitted)
    decide(db, verifier, submitted, outcome="valid_continuing")  # own earlier decision is fine
    with db.session() as s:
        assert get_innovation(s, submitted).workflow == "verified"


def test_deleting_an_innovation_takes_its_verifications_out_of_the_counts(
    db: Database, operator: Actor, verifier: Actor, submitted: str
) -> None:
    from jipp_desktop.services.stats import store_stats

    decide(db, verifier, submitted, outcome="valid_continuing")
    with db.session() as s:
        assert store_stats(s)["verifications"] == 1
    with db.transaction() as s:
        update_innovation(s, operator, submitted, {"unit_name": "Dinas Dukcapil"})
        delete_innovation(s, operator, submitted)
    with db.session() as s:
        assert store_stats(s)["verifications"] == 0
        assert verifications_of(s, submitted) == []


def test_an_admin_who_changed_the_continuation_may_not_verify(
    db: Database, operator: Actor, admin: Actor, verifier: Actor, make_values
) -> None:
    # The continuation status and reason are fields a decision also sets; changed by an edit
    # they are content all the same (four eyes).
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values()).id
        update_innovation(
            s, admin, iid, {"continuation": "stopped", "continuation_reason": "Anggaran habis."}
        )
        submit(s, operator, iid)
    with db.session() as s:
        assert iid not in [r.id for r in queue(s, admin)]
    with pytest.raises(PermissionDenied, match="ubah"):
        decide(db, admin, iid, outcome="valid_stopped", notes="Sudah berhenti sejak 2024.")


def test_a_verifier_verifies_again_after_the_verified_record_was_edited(
    db: Database, operator: Actor, verifier: Actor, submitted: str
) -> None:
    decide(db, verifier, submitted, outcome="valid_stopped", notes="Berhenti sejak 2024.")
    with db.transaction() as s:
        update_innovation(s, operator, submitted, {"unit_name": "Dinas Dukcapil"})  # to draft
        submit(s, operator, submitted)
    # Their earlier decision set the continuation too, and is no edit of theirs.
    decide(db, verifier, submitted, outcome="valid_continuing")
    with db.session() as s:
        assert get_innovation(s, submitted).workflow == "verified"


def test_the_desk_queue_holds_records_submitted_here_and_imported_as_submitted(
    db: Database, operator: Actor, verifier: Actor, submitted: str, make_values
) -> None:
    from jipp_desktop.domain.validation import validate_innovation
    from jipp_desktop.services.lookup import StoreLookup
    from jipp_desktop.services.verification_desk import queue_entries

    with db.transaction() as s:
        values, errors = validate_innovation(
            make_values(title="Inovasi Diimpor Sudah Diajukan"), StoreLookup(s)
        )
        assert not errors
        [imported] = insert_innovations(s, operator, [values], workflow="submitted")
    with db.session() as s:
        queue = queue_entries(s, verifier)
    # The one whose submission this store never saw first, then by submission.
    assert [e.id for e in queue] == [imported, submitted]
    assert queue[0].submitted_at is None and queue[1].submitted_at is not None
