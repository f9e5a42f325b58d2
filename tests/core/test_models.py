"""The typed models: sync metadata, UTC times, JSON fields, cascades and constraints."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, StatementError

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import (
    SYNCABLE,
    Award,
    Commitment,
    Innovation,
    Officer,
    Signatory,
)
from tests.conftest import DENPASAR


def innovation(**kw) -> Innovation:
    values = {"title": "Gerai Pajak Keliling", "title_key": "gerai pajak keliling"}
    return Innovation(agency_id=DENPASAR, **(values | kw))


def test_sync_metadata_defaults(db: Database) -> None:
    with db.transaction() as s:
        record = innovation()
        s.add(record)
        s.flush()
        rid = record.id
    with db.session() as s:
        stored = s.get(Innovation, rid)
        assert uuid.UUID(stored.id).version == 4
        # A row written without services.changes is at version 0: not pending, and caught by
        # tests/core/test_changes.py.
        assert (stored.local_version, stored.synced_version) == (0, 0)
        assert stored.server_revision is None and stored.sync_base is None and not stored.is_demo
        assert stored.deleted_at is None
        assert stored.updated_at.tzinfo is UTC
        assert datetime.now(UTC) - stored.updated_at < timedelta(minutes=1)
        assert stored.workflow == "draft" and stored.continuation == "unknown"
        assert stored.sdg_goals == [] and stored.is_digital is False
    assert all(hasattr(m, "deleted_at") and hasattr(m, "local_version") for m in SYNCABLE)


def test_times_are_kept_in_utc(db: Database) -> None:
    wita = timezone(timedelta(hours=8))
    with db.transaction() as s:
        record = innovation(last_verified_at=datetime(2023, 10, 20, 9, 30, tzinfo=wita))
        s.add(record)
        s.flush()
        rid = record.id
    with db.session() as s:
        assert s.get(Innovation, rid).last_verified_at == datetime(2023, 10, 20, 1, 30, tzinfo=UTC)


def test_a_naive_time_is_refused(db: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"), db.transaction() as s:
        s.add(innovation(last_verified_at=datetime(2023, 10, 20, 9, 30)))
        s.flush()


def test_json_lists_and_awards_round_trip(db: Database) -> None:
    with db.transaction() as s:
        record = innovation(sdg_goals=[3, 16])
        record.awards = [Award(year=2023, competition="KIPP 2023", stage_reached="Top 45")]
        s.add(record)
        s.flush()
        rid = record.id
    with db.transaction() as s:
        stored = s.get(Innovation, rid)
        assert stored.sdg_goals == [3, 16]
        assert [a.stage_reached for a in stored.awards] == ["Top 45"]
        s.delete(stored)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Award)) == 0


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(Innovation(title="Tanpa Instansi", title_key="tanpa instansi", agency_id="nope"))
        s.flush()


def test_nip_and_registration_number_are_unique(db: Database) -> None:
    with db.transaction() as s:
        s.add(Officer(name="Ayu", role="operator", nip="198503122010012003"))
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(Officer(name="Budi", role="operator", nip="198503122010012003"))
    with db.transaction() as s:
        s.add(innovation(registration_number="JIPP-2023-000001"))
    with pytest.raises(IntegrityError), db.transaction() as s:
        s.add(innovation(registration_number="JIPP-2023-000001"))


def test_signatories_come_in_their_order(db: Database) -> None:
    with db.transaction() as s:
        c = Commitment(number="1", title="Komitmen", place="Jakarta", signed_on=date(2023, 10, 20))
        c.signatories = [
            Signatory(position=2, agency_name="B", official_name="Y", official_position="P"),
            Signatory(position=1, agency_name="A", official_name="X", official_position="P"),
        ]
        s.add(c)
        s.flush()
        cid = c.id
    with db.session() as s:
        assert [x.agency_name for x in s.get(Commitment, cid).signatories] == ["A", "B"]
