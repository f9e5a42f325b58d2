"""Several selected records sent for verification in one action: the complete drafts go, the
others are named with what they lack and stay as they were, all in one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import AuditEntry
from jipp_desktop.domain.errors import PermissionDenied, ValidationFailed, WorkflowError
from jipp_desktop.services.innovations import create_innovation, get_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.submission import submit_innovations
from jipp_desktop.services.verification import submit


def test_the_complete_drafts_go_and_the_others_say_what_they_lack(
    db: Database, operator: Actor, make_values
) -> None:
    with db.transaction() as s:
        good = [create_innovation(s, operator, make_values(title=f"Inovasi {n}")).id for n in "AB"]
        lacking = create_innovation(
            s, operator, make_values(title="Tanpa ringkasan", summary=None, sector=None)
        ).id
        already = create_innovation(s, operator, make_values(title="Sudah diajukan")).id
        submit(s, operator, already)
    with db.transaction() as s:
        summary = submit_innovations(s, operator, [good[0], lacking, already, good[1]])
    assert summary.submitted == good
    assert [(r.id, r.title) for r in summary.refused] == [
        (lacking, "Tanpa ringkasan"),
        (already, "Sudah diajukan"),
    ]
    first, second = summary.refused
    assert isinstance(first.error, ValidationFailed)
    assert {e.field for e in first.error.errors} == {"summary", "sector"}
    assert isinstance(second.error, WorkflowError)
    with db.session() as s:
        assert [get_innovation(s, i).workflow for i in good] == ["submitted", "submitted"]
        assert get_innovation(s, lacking).workflow == "draft"
        assert get_innovation(s, lacking).submitted_by is None
        # Each submitted record has its submission in the audit log (the queue's date).
        logged = s.scalar(
            select(func.count()).where(
                AuditEntry.record_id.in_(good),
                AuditEntry.field == "workflow",
                AuditEntry.after == "submitted",
            )
        )
        assert logged == 2


def test_a_verifier_may_not_submit_and_nothing_changes(
    db: Database, operator: Actor, verifier: Actor, make_values
) -> None:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values()).id
    with pytest.raises(PermissionDenied), db.transaction() as s:
        submit_innovations(s, verifier, [iid])
    with db.session() as s:
        assert get_innovation(s, iid).workflow == "draft"
