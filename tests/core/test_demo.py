"""The demo data: realistic, complete, consistent with every rule, and additive."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Date, DateTime, func, select

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.db.models import (
    Agency,
    AuditEntry,
    Award,
    Base,
    Commitment,
    HubSpoke,
    Innovation,
    Officer,
    Replication,
    UTCDateTime,
    Verification,
)
from jipp_desktop.demo.commitments import JOINT_TITLE
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.demo.vocabulary import THEMES
from jipp_desktop.domain.validation import nip_error, validate_innovation
from jipp_desktop.progress import Cancelled
from jipp_desktop.reference.codes import CONTINUATION, WORKFLOW
from jipp_desktop.reference.hubs import JOINT_COMMITMENT_DATE, MINISTRIES_2023
from jipp_desktop.reference.seed import reference_id
from jipp_desktop.services.innovations import innovation_values
from jipp_desktop.services.lookup import StoreLookup
from jipp_desktop.services.officers import Actor


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    add_demo_data(db, 600)
    return db


def test_every_workflow_state_and_continuation_is_present(demo_db: Database) -> None:
    with demo_db.session() as s:
        workflows = Counter(s.scalars(select(Innovation.workflow)))
        continuations = Counter(s.scalars(select(Innovation.continuation)))
    assert set(workflows) == set(WORKFLOW.codes())
    assert set(continuations) == set(CONTINUATION.codes())
    assert workflows["verified"] > workflows["rejected"] > 0


def test_every_record_keeps_the_rules(demo_db: Database) -> None:
    with demo_db.session() as s:
        lookup = StoreLookup(s)
        for innovation in s.scalars(select(Innovation)):
            values = innovation_values(innovation)
            _, errors = validate_innovation(
                values, lookup, submit=innovation.workflow != "draft", record_id=innovation.id
            )
            assert errors == [], (innovation.title, errors)
            assert len(innovation.summary.split()) <= 200
            assert innovation.contact_email.endswith("@contoh.example")
            assert innovation.contact_phone.startswith("+62 800 0000 ")


def test_innovators_carry_the_titles_real_ones_have(demo_db: Database) -> None:
    with demo_db.session() as s:
        innovators = list(s.scalars(select(Innovation.innovators)))
        health = list(s.scalars(select(Innovation.innovators).where(Innovation.sector == "health")))
    titled = [i for i in innovators if ", S." in i or ", M." in i or i.startswith(("dr. ", "Ir. "))]
    assert len(titled) > len(innovators) * 0.5
    assert any(i.startswith("dr. ") or "M.Kes." in i for i in health)


def test_titles_read_like_registry_titles(demo_db: Database) -> None:
    with demo_db.session() as s:
        titles = list(s.scalars(select(Innovation.title)))
    styles = set()
    for title in titles:
        # "ACRONYM (Kepanjangan)": an acronym that reads as a word, the description in brackets.
        acronym, _, description = title.partition(" (")
        assert description.endswith(")") and len(description.split()) >= 3, title
        assert acronym.replace("-", "").isalpha() and " " not in acronym, title
        styles.add("upper" if acronym.isupper() else "word")
    assert styles == {"upper", "word"}  # "SIPEGIBA (…)" and "SiPandu (…)" alike
    assert len(set(titles)) > len(titles) * 0.9


def test_innovations_come_from_real_regional_governments_and_hub_ministries(
    demo_db: Database,
) -> None:
    with demo_db.session() as s:
        rows = s.execute(
            select(Agency.name, Agency.kind, Agency.region_code, Innovation.region_code).join(
                Innovation, Innovation.agency_id == Agency.id
            )
        ).all()
    kinds = Counter(kind for _, kind, _, _ in rows)
    assert kinds["regency"] and kinds["city"] and kinds["province"] and kinds["ministry"]
    for name, _kind, agency_region, region in rows:
        assert reference_id("agency", name)  # a seeded reference agency
        if agency_region:
            assert region == agency_region or region.startswith(agency_region + "."), name


def test_verifications_are_never_by_the_author(demo_db: Database) -> None:
    with demo_db.session() as s:
        pairs = s.execute(
            select(Verification.verifier_id, Innovation.created_by, Innovation.submitted_by).join(
                Innovation, Innovation.id == Verification.innovation_id
            )
        ).all()
        roles = dict(s.execute(select(Officer.id, Officer.role)).all())
        outcomes = Counter(s.scalars(select(Verification.outcome)))
    assert pairs
    for verifier, author, submitter in pairs:
        assert verifier not in (author, submitter)
        assert roles[verifier] == "verifier"
    assert {"valid_continuing", "valid_stopped", "needs_revision", "rejected"} <= set(outcomes)


def test_verified_records_carry_their_verification(demo_db: Database) -> None:
    with demo_db.session() as s:
        verified = s.scalars(select(Innovation).where(Innovation.workflow == "verified")).all()
        for innovation in verified:
            last = s.scalars(
                select(Verification)
                .where(Verification.innovation_id == innovation.id)
                .order_by(Verification.verified_at.desc())
            ).first()
            assert last is not None and last.outcome.startswith("valid_")
            assert innovation.last_verified_at == last.verified_at
            assert innovation.continuation == last.continuation


def test_replications_awards_and_spokes(demo_db: Database) -> None:
    with demo_db.session() as s:
        replications = s.scalars(select(Replication)).all()
        awards = s.scalars(select(Award)).all()
        spokes = s.scalar(select(func.count()).select_from(HubSpoke))
        sources = {
            r.source_innovation_id: s.get(Innovation, r.source_innovation_id) for r in replications
        }
    assert replications and awards and spokes
    for r in replications:
        assert r.adopting_agency_id != sources[r.source_innovation_id].agency_id
        assert (r.agreement_number is not None) == (r.status in ("agreed", "implemented"))
    assert {a.stage_reached for a in awards} == {"Top 99", "Top 45"}


def test_joint_commitment_of_20_october_2023(demo_db: Database) -> None:
    with demo_db.session() as s:
        joint = s.scalars(select(Commitment).where(Commitment.title == JOINT_TITLE)).one()
        signers = [x for x in joint.signatories if not x.is_witness]
    assert joint.signed_on == JOINT_COMMITMENT_DATE and joint.place == "Jakarta"
    assert [x.agency_name for x in signers] == [name for name, _ in MINISTRIES_2023]
    for signer in signers:
        assert signer.agency_id == reference_id("agency", signer.agency_name)
        assert signer.nip is None or nip_error(signer.nip) is None
    assert len(joint.clauses) >= 3


def test_demo_officers_have_valid_nips(demo_db: Database) -> None:
    with demo_db.session() as s:
        officers = s.scalars(select(Officer)).all()
    assert {o.role for o in officers} == {"operator", "verifier", "admin"}
    assert all(o.nip and nip_error(o.nip) is None for o in officers)


def test_every_record_is_in_the_audit_log(demo_db: Database) -> None:
    with demo_db.session() as s:
        logged = Counter(s.scalars(select(AuditEntry.entity).where(AuditEntry.action == "create")))
        counts = {
            "innovation": s.scalar(select(func.count()).select_from(Innovation)),
            "verification": s.scalar(select(func.count()).select_from(Verification)),
            "replication": s.scalar(select(func.count()).select_from(Replication)),
        }
    for entity, n in counts.items():
        assert logged[entity] == n


def test_a_second_run_adds_and_keeps_one_joint_commitment(tmp_path: Path) -> None:
    db = open_database(tmp_path / "twice.db")
    first = add_demo_data(db, 40)
    second = add_demo_data(db, 30)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 70
        numbers = list(s.scalars(select(Innovation.registration_number)))
        joint = s.scalars(select(Commitment).where(Commitment.title == JOINT_TITLE)).all()
        officers = s.scalar(select(func.count()).select_from(Officer))
    assert len(set(numbers)) == 70
    assert len(joint) == 1
    assert officers == len(first.officers) == len(second.officers)
    assert second.commitments >= 2  # provincial hub commitments on every run
    db.close()


def test_same_seed_same_store_gives_the_same_data(tmp_path: Path) -> None:
    titles = []
    for name in ("a.db", "b.db"):
        db = open_database(tmp_path / name)
        add_demo_data(db, 50, seed=7)
        with db.session() as s:
            titles.append(
                list(s.scalars(select(Innovation.title).order_by(Innovation.registration_number)))
            )
        db.close()
    assert titles[0] == titles[1]
    db = open_database(tmp_path / "c.db")
    add_demo_data(db, 50, seed=8)
    with db.session() as s:
        other = list(s.scalars(select(Innovation.title).order_by(Innovation.registration_number)))
    assert other != titles[0]
    db.close()


def test_progress_is_reported_and_cancel_keeps_nothing(db: Database) -> None:
    seen: list[tuple[int, int]] = []

    def cancel_after_first_chunk(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0:
            raise Cancelled()

    with pytest.raises(Cancelled):
        add_demo_data(db, 6000, progress=cancel_after_first_chunk)
    assert seen[0] == (0, 6000) and seen[-1][0] == 5000
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Innovation)) == 0
        assert s.scalar(select(func.count()).select_from(Officer)) == 0
        assert s.scalar(select(func.count()).select_from(Commitment)) == 0


def test_nothing_is_dated_after_the_moment_the_demo_runs(tmp_path: Path) -> None:
    db = open_database(tmp_path / "now.db")
    started = datetime.now(UTC)
    add_demo_data(db, 400, seed=12)
    done = datetime.now(UTC)
    dated = []
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, Date | DateTime | UTCDateTime):
                    latest = session.scalar(select(func.max(column)))
                    if latest is not None:
                        dated.append((f"{table.name}.{column.name}", latest))
        verified = session.scalar(select(func.count()).where(Innovation.workflow == "verified"))
    names = {name for name, _ in dated}
    assert {"verifications.verified_at", "innovations.last_verified_at"} <= names
    assert {"commitments.signed_on", "replications.interest_date"} <= names
    for name, latest in dated:
        if isinstance(latest, datetime):
            latest = latest if latest.tzinfo else latest.replace(tzinfo=UTC)
            assert latest <= done, f"{name} {latest} is after the demo ran ({started}–{done})"
        else:
            assert latest <= done.date(), f"{name} {latest} is after today"
    assert verified > 0
    db.close()


def test_each_sent_record_has_its_submission_dated_before_its_first_decision(
    demo_db: Database,
) -> None:
    from jipp_desktop.services.verification_desk import queue_entries

    with demo_db.session() as s:
        sent = dict(
            s.execute(
                select(AuditEntry.record_id, func.min(AuditEntry.at))
                .where(AuditEntry.field == "workflow", AuditEntry.after == "submitted")
                .group_by(AuditEntry.record_id)
            ).all()
        )
        workflows = dict(s.execute(select(Innovation.id, Innovation.workflow)).all())
        first_decision = dict(
            s.execute(
                select(Verification.innovation_id, func.min(Verification.verified_at)).group_by(
                    Verification.innovation_id
                )
            ).all()
        )
        verifier = s.scalar(select(Officer).where(Officer.role == "verifier"))
        queue = queue_entries(s, Actor.of(verifier))
    assert set(sent) == {i for i, w in workflows.items() if w != "draft"}
    for record_id, at in first_decision.items():
        assert sent[record_id] <= at
    assert queue and all(e.submitted_at is not None for e in queue)


def test_each_summary_tells_the_story_of_one_case(demo_db: Database) -> None:
    # The title's topic, the problem, what residents can now do and what improved belong to one
    # case: a record about child nutrition does not answer queues for medicine.
    cases = {(t.sector, c.topic): c for t in THEMES for c in t.cases}
    with demo_db.session() as s:
        rows = s.execute(
            select(Innovation.sector, Innovation.title, Innovation.summary, Innovation.novelty)
        ).all()
    assert rows
    for sector, title, summary, novelty in rows:
        description = title.partition(" (")[2]
        [case] = [
            c for (code, topic), c in cases.items() if code == sector and topic in description
        ]
        assert f"Sebelumnya, {case.problem}. Melalui " in summary, (title, summary)
        assert f" kini dapat {case.action}. " in summary, (title, summary)
        assert f", {case.outcome} membaik " in summary, (title, summary)
        [channel] = [c for c in case.channels if f"Melalui {c}, warga " in summary]
        assert novelty.endswith(f"melalui {channel}."), (title, novelty)


def test_each_record_history_runs_in_order_and_not_after_the_demo(tmp_path: Path) -> None:
    db = open_database(tmp_path / "history.db")
    add_demo_data(db, 400, seed=5)
    done = datetime.now(UTC)
    with db.session() as s:
        entries = s.execute(
            select(AuditEntry.record_id, AuditEntry.entity, AuditEntry.action, AuditEntry.at)
            .where(AuditEntry.entity.in_(("innovation", "verification", "replication")))
            .order_by(AuditEntry.id)
        ).all()
        made = dict(s.execute(select(Innovation.id, Innovation.created_at)).all())
        decided = dict(s.execute(select(Verification.id, Verification.verified_at)).all())
        first_decision = dict(
            s.execute(
                select(Verification.innovation_id, func.min(Verification.verified_at)).group_by(
                    Verification.innovation_id
                )
            ).all()
        )
    db.close()
    history: dict[str, list[tuple[str, str, datetime]]] = {}
    for record_id, entity, action, at in entries:
        history.setdefault(record_id, []).append((entity, action, at))
    assert set(made) | set(decided) <= set(history)
    for record_id, steps in history.items():
        (entity, first_action, created), *_ = steps
        assert first_action == "create", (entity, record_id, steps)
        times = [at for _, _, at in steps]
        assert times == sorted(times), (entity, record_id, steps)  # id order is time order
        assert times[-1] <= done, (entity, record_id, steps)
        if entity == "innovation":
            assert created == made[record_id]
            if record_id in first_decision:
                # Created, then sent in, then decided on when its verification says.
                actions = [action for _, action, _ in steps]
                assert actions[1] == "update" and "decide" in actions, steps
                decisions = [at for _, action, at in steps if action == "decide"]
                assert decisions[0] == first_decision[record_id]
        elif entity == "verification":
            assert created == decided[record_id]
