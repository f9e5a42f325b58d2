"""Every write of a syncable record goes through services.changes.record_changes: the audit
entries, the version bump and the outbox row, in the same transaction.

The guard is a set of SQLite triggers installed in the test store: any insert or content update
of a syncable row (or of its children: awards, spokes, signatories) notes the record; the version
bump of record_changes clears the note. After each user action the notes must be empty, so a
path that writes a record without recording the change fails here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, text

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import AuditEntry, Innovation, OutboxChange
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.documents.letterhead import Letterhead, save_letterhead
from jipp_desktop.services import (
    agencies,
    attachments,
    commitments,
    hubs,
    innovations,
    replications,
    verification,
)
from jipp_desktop.services.changes import SYNCED
from jipp_desktop.services.officers import Actor
from jipp_desktop.services.stats import store_stats
from jipp_desktop.spreadsheets.columns import FIELD_COLUMNS
from jipp_desktop.spreadsheets.importer import import_spreadsheet
from jipp_desktop.spreadsheets.template import EXAMPLE, write_template
from tests.conftest import BALI, DENPASAR

CHILDREN = {"awards": "innovation_id", "hub_spokes": "hub_id", "signatories": "commitment_id"}
SYNC_METADATA = ("synced_version", "server_revision", "sync_base")


def install_guard(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE unrecorded (tbl TEXT, id TEXT)")
    for model in SYNCED.values():
        t = model.__table__.name
        unchanged_meta = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in SYNC_METADATA)
        con.executescript(
            f"""
            CREATE TRIGGER guard_{t}_insert AFTER INSERT ON {t}
            BEGIN INSERT INTO unrecorded VALUES ('{t}', NEW.id); END;
            CREATE TRIGGER guard_{t}_update AFTER UPDATE ON {t}
            WHEN NEW.local_version = OLD.local_version AND {unchanged_meta}
            BEGIN INSERT INTO unrecorded VALUES ('{t}', NEW.id); END;
            CREATE TRIGGER guard_{t}_bump AFTER UPDATE OF local_version ON {t}
            WHEN NEW.local_version > OLD.local_version
            BEGIN DELETE FROM unrecorded WHERE id = NEW.id; END;
            """
        )
    for child, parent in CHILDREN.items():
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
            con.execute(
                f"CREATE TRIGGER guard_{child}_{event.lower()} AFTER {event} ON {child} "
                f"BEGIN INSERT INTO unrecorded VALUES ('{child}', {row}.{parent}); END"
            )
    con.commit()
    con.close()


def unrecorded(db: Database) -> list[tuple[str, str]]:
    with db.session() as s:
        return [tuple(r) for r in s.execute(text("SELECT DISTINCT tbl, id FROM unrecorded"))]


@pytest.fixture
def guarded(db: Database) -> Database:
    install_guard(db.path)
    return db


def test_every_service_records_its_changes(
    guarded: Database, officers: dict[str, Actor], make_values, tmp_path: Path
) -> None:
    db, operator, verifier, admin = (
        guarded,
        officers["operator"],
        officers["verifier"],
        officers["admin"],
    )
    evidence = tmp_path / "sk.pdf"
    evidence.write_bytes(b"%PDF-1.4 surat keputusan")

    def action(fn) -> None:
        with db.transaction() as s:
            fn(s)
        assert unrecorded(db) == [], fn.__name__

    ids: dict[str, str] = {}

    def create(s) -> None:
        award = innovations.AwardInput(2023, "KIPP 2023", "Top 99")
        ids["i"] = innovations.create_innovation(s, operator, make_values(), [award]).id
        ids["j"] = innovations.create_innovation(
            s, operator, make_values(title="Gerai Kartu Identitas Anak Keliling")
        ).id

    def edit(s) -> None:
        innovations.update_innovation(s, operator, ids["i"], {"phase": "development"}, awards=[])

    def attach(s) -> None:
        a = attachments.add_attachment(
            s, operator, db.path.parent / "attachments", "innovation", ids["i"], evidence
        )
        attachments.remove_attachment(s, operator, a.id)

    def submit(s) -> None:
        verification.submit(s, operator, ids["i"])

    def verify(s) -> None:
        verification.verify(
            s, verifier, ids["i"], verification.VerificationInput("valid_continuing", "desk")
        )

    def replicate(s) -> None:
        r = replications.start_replication(s, operator, ids["i"], BALI)
        replications.advance_replication(s, operator, r.id, "agreed", agreement_number="1/BK")

    def agency_and_hub(s) -> None:
        a = agencies.create_agency(
            s,
            admin,
            {"name": "Dinas Kesehatan Kota Denpasar", "kind": "other", "region_code": "51.71"},
        )
        agencies.update_agency(s, admin, a.id, {"address": "Jl. Contoh No. 1, Denpasar"})
        h = hubs.create_hub(
            s, admin, {"agency_id": DENPASAR, "decree": "SK Contoh 1/2025", "year": 2025}
        )
        hubs.update_hub(s, admin, h.id, {"cohort": "2025-a"})
        hubs.set_spokes(s, admin, h.id, [BALI])
        agencies.delete_agency(s, admin, a.id)

    def commit_letter(s) -> None:
        signer = commitments.SignatoryInput(
            agency_name="Pemerintah Kota Denpasar",
            official_name="I Made Contoh",
            official_position="Wali Kota",
            agency_id=DENPASAR,
        )
        data = commitments.CommitmentInput(
            number="1/PK/2025",
            title="Pernyataan Komitmen Replikasi Inovasi",
            place="Denpasar",
            signed_on=date(2025, 3, 12),
            clauses=("Mereplikasi inovasi.",),
            signatories=(signer,),
        )
        c = commitments.create_commitment(s, admin, data)
        # Only a signatory's agency changes: it is a change too (it once skipped the log).
        moved = replace(data, signatories=(replace(signer, agency_id=BALI),))
        commitments.update_commitment(s, admin, c.id, moved)
        commitments.delete_commitment(s, admin, c.id)

    def delete(s) -> None:
        innovations.delete_innovation(s, operator, ids["j"])

    def letterhead(s) -> None:
        save_letterhead(s, admin, Letterhead("Pemerintah Kota Denpasar", "Jl. Contoh 2", None))

    for fn in (
        create,
        edit,
        attach,
        submit,
        verify,
        replicate,
        agency_and_hub,
        commit_letter,
        delete,
        letterhead,
    ):
        action(fn)

    template = tmp_path / "templat.xlsx"
    with db.session() as s:
        write_template(s, template)
    wb = openpyxl.load_workbook(template)
    for i, col in enumerate(FIELD_COLUMNS, 1):
        wb["Data"].cell(2, i, EXAMPLE.get(col.key))
    wb.save(template)
    assert import_spreadsheet(db, operator, template).committed
    assert import_spreadsheet(db, operator, template, on_duplicate="update").committed
    assert unrecorded(db) == []

    add_demo_data(db, 30, seed=3)
    assert unrecorded(db) == []
    with db.session() as s:
        # Every pending record has its queued changes (one per officer in turn) and an audit
        # trail.
        for entity, model in SYNCED.items():
            pending = set(
                s.scalars(
                    select(model.id).where(
                        model.local_version > model.synced_version, model.is_demo.is_(False)
                    )
                )
            )
            queued = list(
                s.scalars(select(OutboxChange.record_id).where(OutboxChange.entity == entity))
            )
            assert set(queued) == pending, entity
            for rid in pending:
                assert s.scalar(select(func.count()).where(AuditEntry.record_id == rid)), rid
        queued_records = s.scalar(select(func.count(func.distinct(OutboxChange.record_id))))
        assert store_stats(s)["pending_changes"] == queued_records > 0


def test_a_row_written_around_record_changes_is_caught(guarded: Database, operator: Actor) -> None:
    with guarded.transaction() as s:
        s.add(Innovation(title="Layanan Tanpa Catatan", title_key="x", agency_id=DENPASAR))
    assert [t for t, _ in unrecorded(guarded)] == ["innovations"]


def test_unsent_changes_fold_and_sent_ones_are_frozen(
    db: Database, operator: Actor, make_values
) -> None:
    with db.transaction() as s:
        rid = innovations.create_innovation(s, operator, make_values()).id
    with db.transaction() as s:
        innovations.update_innovation(s, operator, rid, {"phase": "creation"})
    with db.session() as s:
        rows = s.scalars(select(OutboxChange)).all()
        assert [(r.operation, r.upto_version) for r in rows] == [("create", 2)]
    with db.transaction() as s:
        s.execute(text("UPDATE sync_outbox SET sent_at = '2025-01-01 00:00:00'"))
    with db.transaction() as s:
        innovations.update_innovation(s, operator, rid, {"phase": "institutionalisation"})
    with db.transaction() as s:
        innovations.update_innovation(s, operator, rid, {"unit_name": "Bagian Organisasi"})
    with db.session() as s:
        rows = s.scalars(select(OutboxChange).order_by(OutboxChange.seq)).all()
        assert [(r.operation, r.upto_version) for r in rows] == [("create", 2), ("update", 4)]
        assert rows[1].old == {
            "phase": "creation",
            "unit_name": make_values()["unit_name"],
        }
        record = s.get(Innovation, rid)
        assert (record.local_version, record.synced_version) == (4, 0)


def test_demo_data_is_marked_and_never_queued(db: Database) -> None:
    add_demo_data(db, 20, seed=5)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxChange)) == 0
        assert s.scalar(select(func.count()).where(Innovation.is_demo.is_(False))) == 0
        assert store_stats(s)["pending_changes"] == 0


def test_another_officers_change_is_queued_after_not_folded(
    db: Database, officers: dict[str, Actor], make_values
) -> None:
    operator, verifier = officers["operator"], officers["verifier"]
    with db.transaction() as s:
        rid = innovations.create_innovation(s, operator, make_values()).id
        verification.submit(s, operator, rid)
    with db.transaction() as s:
        verification.verify(
            s, verifier, rid, verification.VerificationInput("valid_continuing", "desk")
        )
    with db.session() as s:
        rows = s.scalars(
            select(OutboxChange)
            .where(OutboxChange.entity == "innovation")
            .order_by(OutboxChange.seq)
        ).all()
        assert [(r.operation, r.officer_id) for r in rows] == [
            ("create", operator.id),
            ("update", verifier.id),
        ]
