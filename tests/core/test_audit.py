"""The audit log: who changed which record and field, when, before and after — committed or
rolled back together with the change itself."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import AuditEntry, Innovation
from jipp_desktop.services.audit import audit_text, history
from jipp_desktop.services.innovations import create_innovation, update_innovation
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.verification import VerificationInput, submit, verify


def test_audit_text_forms() -> None:
    assert audit_text(None) is None
    assert audit_text(date(2023, 10, 20)) == "2023-10-20"
    assert audit_text(datetime(2023, 10, 20, 1, 2, tzinfo=UTC)) == "2023-10-20T01:02:00+00:00"
    assert audit_text([3, 16]) == "[3, 16]"
    assert audit_text({"a": "ü"}) == '{"a": "ü"}'
    assert audit_text(True) == "true"
    assert audit_text(2021) == "2021"


def test_the_whole_life_of_a_record_is_logged(
    db: Database, operator: Actor, verifier: Actor, make_values
) -> None:
    with db.transaction() as s:
        iid = create_innovation(s, operator, make_values()).id
    with db.transaction() as s:
        update_innovation(s, operator, iid, {"sdg_goals": [3, 16], "is_digital": True})
    with db.transaction() as s:
        submit(s, operator, iid)
    with db.transaction() as s:
        verify(s, verifier, iid, VerificationInput("valid_continuing", "field_visit"))
    with db.session() as s:
        entries = list(reversed(history(s, iid)))
    rows = [(e.officer_name, e.action, e.field, e.before, e.after) for e in entries]
    assert rows[0] == ("Dewi Lestari", "create", None, None, make_values()["title"])
    assert ("Dewi Lestari", "update", "sdg_goals", "[]", "[3, 16]") in rows
    assert ("Dewi Lestari", "update", "is_digital", "false", "true") in rows
    assert ("Dewi Lestari", "update", "workflow", "draft", "submitted") in rows
    assert ("Bambang Sutrisno", "decide", "workflow", "submitted", "verified") in rows
    assert ("Bambang Sutrisno", "decide", "continuation", "unknown", "continuing") in rows
    assert all(e.at.tzinfo is not None for e in entries)
    assert [e.officer_id for e in entries].count(verifier.id) == 3  # workflow, continuation, time


def test_a_change_that_rolls_back_leaves_no_audit_entry(
    db: Database, operator: Actor, make_values
) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), db.transaction() as s:
        create_innovation(s, operator, make_values())
        raise Boom
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0
        assert s.scalar(select(func.count()).select_from(Innovation)) == 0
