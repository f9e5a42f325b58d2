"""`demo --innovations N`: fills a store with realistic made-up data in one transaction.

Innovations come from the real regional governments and the hub ministries, in every workflow
state, with verifications (never by their author), replications, KIPP awards, hub spokes and
commitments, among them the joint commitment of the 12 ministries of 20 October 2023. Each
record's audit history runs in order: created, sent in, decided on (and sent again after a
revision), never after the moment the demo runs. Rows go in through Core bulk inserts in
chunks, so 100,000 innovations take well under a minute. Run on a populated store it adds to
it: new records; the historic commitments only once.
"""

from __future__ import annotations

import random
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import (
    Agency,
    AuditEntry,
    Hub,
    HubSpoke,
    Innovation,
    Replication,
    Verification,
    new_id,
    utcnow,
)
from jipp_desktop.demo.commitments import add_commitments
from jipp_desktop.demo.records import (
    REJECT_NOTES,
    REVISION_NOTES,
    STOP_REASONS,
    VERIFIED_CONTINUATION,
    WORKFLOW_WEIGHTS,
    Place,
    innovation_row,
    make_nip,
    moment,
    person_name,
    weighted,
)
from jipp_desktop.demo.vocabulary import (
    AWARD_COMPETITION,
    AWARD_STAGES,
    AWARD_YEARS,
    CENTRAL_SECTORS,
    MINISTRY_SECTORS,
    THEMES,
    TOP_45_FROM,
    Theme,
)
from jipp_desktop.domain.errors import NotFound
from jipp_desktop.progress import ProgressFn, no_progress
from jipp_desktop.reference.hubs import MINISTRIES_2023, MINISTRY_OF_REFORM
from jipp_desktop.reference.seed import reference_id, regional_government_name, regions
from jipp_desktop.services.audit import audit_text
from jipp_desktop.services.changes import Change, record_changes
from jipp_desktop.services.innovations import insert_innovations
from jipp_desktop.services.officers import Actor, create_officer, find_officer
from jipp_desktop.services.verification import OUTCOME_EFFECT

CHUNK = 5000
DEFAULT_SEED = 2023
CENTRAL_SHARE = 0.08  # share of innovations from the hub ministries and agencies
METHODS = ("desk", "desk", "phone", "field_visit")


@dataclass
class DemoResult:
    """What one demo run added."""

    innovations: int = 0
    verifications: int = 0
    replications: int = 0
    awards: int = 0
    commitments: int = 0
    spokes: int = 0
    officers: list[str] = field(default_factory=list)


@dataclass
class Staff:
    """The demo officers: operators enter records, verifiers verify them, an admin signs off."""

    operators: list[Actor]
    verifiers: list[Actor]
    admin: Actor


def demo_staff(session: Session, seed: int = DEFAULT_SEED) -> Staff:
    """The demo officers (made-up names, valid NIPs); reused when an earlier run made them."""
    rng = random.Random(f"staff:{seed}")
    taken: set[str] = set()
    provinces = [r for r in regions() if r.level == "province"]
    reform = reference_id("agency", MINISTRY_OF_REFORM)
    out: dict[str, list[Actor]] = defaultdict(list)
    for role, count in (("operator", 6), ("verifier", 3), ("admin", 1)):
        for _ in range(count):
            name, nip = person_name(rng), make_nip(rng, taken)
            agency = (
                reference_id("agency", regional_government_name(rng.choice(provinces)))
                if role == "operator"
                else reform
            )
            try:
                officer = find_officer(session, nip)
            except NotFound:
                officer = create_officer(session, name, role, nip, agency)
            out[role].append(Actor.of(officer))
    return Staff(out["operator"], out["verifier"], out["admin"][0])


def _places() -> tuple[list[Place], list[Place]]:
    """Regional governments (with their region) and the central hub bodies (no region)."""
    regional = []
    for r in regions():
        name = regional_government_name(r)
        short = name.removeprefix("Pemerintah ")
        regional.append(Place(reference_id("agency", name), name, r.code, r.name, short))
    central = [
        Place(reference_id("agency", name), name, None, None, name) for name, _ in MINISTRIES_2023
    ]
    return regional, central


def _next_sequence(session: Session) -> int:
    """The first free serial of the demo registration numbers (JIPP-YYYY-NNNNNN)."""
    last = session.scalar(
        text(
            "SELECT max(CAST(substr(registration_number, 11) AS INTEGER)) FROM innovations "
            "WHERE registration_number LIKE 'JIPP-____-%'"
        )
    )
    return int(last or 0) + 1


class _Builder:
    """Draws one chunk of innovations with their verifications, replications and awards."""

    def __init__(self, rng: random.Random, staff: Staff, today: date) -> None:
        self.rng = rng
        self.staff = staff
        self.today = today
        self.regional, self.central = _places()
        self.provinces = [p for p in self.regional if p.region_code and "." not in p.region_code]
        self.regional_themes = [t for t in THEMES if t.sector not in CENTRAL_SECTORS]
        self.central_themes = {t.sector: t for t in THEMES}
        self.sources: list[tuple[str, str]] = []  # verified (id, agency) of earlier chunks
        self.verifiers = {a.id: a for a in staff.verifiers}
        self.now = utcnow()

    def _place_and_theme(self) -> tuple[Place, Theme]:
        rng = self.rng
        if rng.random() < CENTRAL_SHARE:
            body = rng.choice(self.central)
            office = rng.choice(self.provinces)
            # A ministry's innovation runs in one of its regional offices' provinces.
            place = replace(body, region_code=office.region_code, region_name=office.region_name)
            return place, self.central_themes[MINISTRY_SECTORS[body.agency_name]]
        return rng.choice(self.regional), rng.choice(self.regional_themes)

    def _verification(
        self, row: dict[str, Any], outcome: str, at: Any, **extra: Any
    ) -> dict[str, Any]:
        return {
            "id": new_id(),
            "innovation_id": row["id"],
            "verifier_id": self.rng.choice(self.staff.verifiers).id,
            "verified_at": at,
            "method": self.rng.choice(METHODS),
            "outcome": outcome,
            "continuation": extra.get("continuation"),
            "duplicate_of_id": extra.get("duplicate_of_id"),
            "notes": extra.get("notes"),
            "updated_at": self.now,
        }

    def _decision_times(self, created: datetime, revised: bool) -> tuple[datetime, datetime]:
        """When a record's decisions were made: a first one 3-60 days after ``created`` and,
        after a revision, the next 5-40 days later — squeezed between ``created`` and now when
        they would fall after it (a record made last week was not verified next month)."""
        first = timedelta(days=self.rng.randint(3, 60))
        last = first + (timedelta(days=self.rng.randint(5, 40)) if revised else timedelta())
        room = self.now - created
        if last > room:
            first, last = first * (room / last), room
        return created + first, created + last

    def _history(
        self,
        row: dict[str, Any],
        operator: Actor,
        created: datetime,
        first: datetime,
        checked: datetime,
        decisions: list[dict[str, Any]],
        continuation: str,
    ) -> list[dict[str, Any]]:
        """The audit entries a sent record gets after its creation, in the order the services
        write them: sent in (``services.verification.submit``: the workflow and who submitted)
        before its first decision; each decision (``services.verification.verify``: what it
        set on the record, audited as "decide" under its verifier; ``continuation`` is the
        record's as it was made); and, after a revision and unless left at needs_revision, sent
        again between the two decisions."""

        def between(start: datetime, end: datetime) -> datetime:
            return start + (end - start) * self.rng.uniform(0.2, 0.9)

        def entry(
            at: datetime, officer: Actor, action: str, name: str, change: tuple[Any, Any]
        ) -> dict[str, Any]:
            before, after = change
            return {
                "at": at,
                "officer_id": officer.id,
                "officer_name": officer.name,
                "entity": "innovation",
                "record_id": row["id"],
                "action": action,
                "field": name,
                "before": audit_text(before),
                "after": audit_text(after),
            }

        sent = between(created, first)
        out = [
            entry(sent, operator, "update", "workflow", ("draft", "submitted")),
            entry(sent, operator, "update", "submitted_by", (None, operator.id)),
        ]
        workflow = "submitted"
        for decision in decisions:
            if workflow == "needs_revision":
                again = between(first, checked)
                out.append(entry(again, operator, "update", "workflow", (workflow, "resubmitted")))
                workflow = "resubmitted"
            after, _ = OUTCOME_EFFECT[decision["outcome"]]
            fields: dict[str, tuple[Any, Any]] = {"workflow": (workflow, after)}
            if after == "verified":
                fields["continuation"] = (continuation, decision["continuation"])
                fields["last_verified_at"] = (None, decision["verified_at"])
                if decision["outcome"] == "valid_stopped":
                    fields["continuation_reason"] = (None, decision["notes"])
            verifier = self.verifiers[decision["verifier_id"]]
            at = decision["verified_at"]
            out += [entry(at, verifier, "decide", k, v) for k, v in fields.items() if v[0] != v[1]]
            workflow = after
        if workflow == "needs_revision" and row["workflow"] == "resubmitted":
            again = between(first, checked)
            out.append(entry(again, operator, "update", "workflow", (workflow, "resubmitted")))
        return out

    def chunk(self, first_seq: int, count: int) -> dict[str, list[dict[str, Any]]]:
        """``count`` innovations numbered from ``first_seq``, with what hangs off them."""
        rng, today = self.rng, self.today
        rows: list[dict[str, Any]] = []
        verifications: list[dict[str, Any]] = []
        replications: list[dict[str, Any]] = []
        awards: list[dict[str, Any]] = []
        history: list[dict[str, Any]] = []
        verified_here: list[tuple[str, str]] = []
        for n in range(count):
            place, theme = self._place_and_theme()
            row = innovation_row(rng, first_seq + n, place, theme, today)
            made = row["continuation"]
            operator = rng.choice(self.staff.operators)
            workflow = weighted(rng, WORKFLOW_WEIGHTS)
            # Nothing of the demo is dated after the moment it runs: a record made "today" at
            # office hours still to come is made now.
            created = min(moment(rng, row["launch_date"], today), self.now)
            row.update(
                id=new_id(),
                workflow=workflow,
                created_by=operator.id,
                created_at=created,
                submitted_by=None if workflow == "draft" else operator.id,
            )
            if self.sources and rng.random() < 0.03:
                source_id, source_agency = rng.choice(self.sources)
                if source_agency != place.agency_id:
                    row["replicated_from_id"] = source_id
                    row["competition_category"] = "replication"
            revised = workflow in ("needs_revision", "resubmitted") or (
                workflow == "verified" and rng.random() < 0.2
            )
            first, checked = self._decision_times(created, revised)
            decided = len(verifications)
            if revised:
                verifications.append(
                    self._verification(
                        row, "needs_revision", first, notes=rng.choice(REVISION_NOTES)
                    )
                )
            if workflow == "verified":
                continuation = weighted(rng, VERIFIED_CONTINUATION)
                stopped = continuation == "stopped"
                reason = rng.choice(STOP_REASONS) if stopped else None
                verifications.append(
                    self._verification(
                        row,
                        "valid_stopped" if stopped else "valid_continuing",
                        checked,
                        continuation=continuation,
                        notes=reason,
                    )
                )
                row.update(
                    continuation=continuation, continuation_reason=reason, last_verified_at=checked
                )
                verified_here.append((row["id"], place.agency_id))
                if not stopped:
                    replications += self._replications(row, place)
                if row["competition_category"] != "none" and rng.random() < 0.12:
                    awards.append(self._award(row))
            elif workflow == "rejected":
                if rows and rng.random() < 0.3:
                    other = rng.choice(rows)["id"]
                    verifications.append(
                        self._verification(
                            row,
                            "duplicate",
                            checked,
                            duplicate_of_id=other,
                            notes="Sama dengan inovasi lain yang sudah tercatat",
                        )
                    )
                else:
                    verifications.append(
                        self._verification(row, "rejected", checked, notes=rng.choice(REJECT_NOTES))
                    )
            elif workflow in ("submitted", "draft") and rng.random() < 0.4:
                row["continuation"] = "continuing"
            if workflow != "draft":
                history += self._history(
                    row, operator, created, first, checked, verifications[decided:], made
                )
            rows.append(row)
        self.sources += verified_here
        return {
            "innovations": rows,
            "verifications": verifications,
            "replications": replications,
            "awards": awards,
            "history": history,
        }

    def _replications(self, row: dict[str, Any], place: Place) -> list[dict[str, Any]]:
        rng, out = self.rng, []
        if rng.random() >= 0.08:
            return out
        adopters = {p.agency_id for p in rng.sample(self.regional, 2)} - {place.agency_id}
        for agency_id in adopters:
            status = rng.choices(("waiting", "agreed", "implemented", "refused"), (3, 3, 3, 1))[0]
            interest = row["launch_date"] + timedelta(days=rng.randint(60, 400))
            interest = min(interest, self.today)
            agreed = min(interest + timedelta(days=rng.randint(14, 90)), self.today)
            done = status in ("agreed", "implemented")
            out.append(
                {
                    "id": new_id(),
                    "source_innovation_id": row["id"],
                    "adopting_agency_id": agency_id,
                    "status": status,
                    "interest_date": interest,
                    "agreement_date": agreed if done else None,
                    "agreement_number": (
                        f"{rng.randint(1, 300)}/BK-REP/{agreed.month:02d}/{agreed.year}"
                        if done
                        else None
                    ),
                    "implementation_date": (
                        min(agreed + timedelta(days=rng.randint(30, 180)), self.today)
                        if status == "implemented"
                        else None
                    ),
                    "notes": None,
                    "updated_at": self.now,
                    "_title": row["title"],
                }
            )
        return out

    def _award(self, row: dict[str, Any]) -> dict[str, Any]:
        # Only rounds that were held: KIPP ran to 2023 (none in 2024), the Top 45 from 2019.
        first = max(row["year_started"] + 1, AWARD_YEARS[0])
        year = min(self.rng.randint(first, max(first, AWARD_YEARS[-1])), AWARD_YEARS[-1])
        stages = AWARD_STAGES if year >= TOP_45_FROM else ("Top 99",)
        return {
            "innovation_id": row["id"],
            "year": year,
            "competition": f"{AWARD_COMPETITION} {year}",
            "stage_reached": self.rng.choice(stages),
        }


def _write_chunk(session: Session, staff: Staff, parts: dict[str, list[dict[str, Any]]]) -> None:
    """Bulk-inserts a chunk; each officer's records are logged under their name."""
    by_operator: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in parts["innovations"]:
        by_operator[row["created_by"]].append(row)
    actors = {a.id: a for a in (*staff.operators, *staff.verifiers, staff.admin)}
    awards_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for award in parts["awards"]:
        awards_of[award["innovation_id"]].append(award)
    for officer_id, rows in by_operator.items():
        awards = [a for row in rows for a in awards_of[row["id"]]]
        insert_innovations(session, actors[officer_id], rows, awards=awards, demo=True)
    _date_creations(
        session, "innovation", [(r["id"], r["created_at"]) for r in parts["innovations"]]
    )
    if parts["history"]:
        # Each entry dated when the record was sent in or decided on.
        session.execute(insert(AuditEntry.__table__), parts["history"])
    if parts["verifications"]:
        session.execute(insert(Verification.__table__), parts["verifications"])
        by_verifier: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for v in parts["verifications"]:
            by_verifier[v["verifier_id"]].append(v)
        for officer_id, items in by_verifier.items():
            record_changes(
                session,
                actors[officer_id],
                "verification",
                [Change(v["id"], "create", summary=v["outcome"]) for v in items],
                demo=True,
            )
        _date_creations(
            session, "verification", [(v["id"], v["verified_at"]) for v in parts["verifications"]]
        )
    if parts["replications"]:
        titles = [r.pop("_title") for r in parts["replications"]]
        session.execute(insert(Replication.__table__), parts["replications"])
        record_changes(
            session,
            staff.operators[0],
            "replication",
            [
                Change(r["id"], "create", summary=title)
                for r, title in zip(parts["replications"], titles, strict=True)
            ],
            demo=True,
        )


def _date_creations(session: Session, entity: str, dated: list[tuple[str, datetime]]) -> None:
    """Dates the create entries of the records ``dated`` (id, when) when the demo says they
    were made: the audit service stamps the present moment, which would put a record's
    creation after its back-dated submission and decisions."""
    if not dated:
        return
    table = AuditEntry.__table__
    session.execute(
        update(table)
        .where(
            table.c.entity == entity,
            table.c.action == "create",
            table.c.record_id == bindparam("record"),
        )
        .values(at=bindparam("when", type_=table.c.at.type)),
        [{"record": record_id, "when": when} for record_id, when in dated],
    )


def add_spokes(session: Session, actor: Actor, rng: random.Random) -> int:
    """Gives each provincial hub without spokes some regencies and cities of its province."""
    hubs = session.execute(
        select(Hub.id, Agency.region_code)
        .join(Agency, Agency.id == Hub.agency_id)
        .where(Hub.deleted_at.is_(None), Agency.kind == "province")
        .where(~select(HubSpoke.hub_id).where(HubSpoke.hub_id == Hub.id).exists())
    ).all()
    added = 0
    for hub_id, province in hubs:
        inside = [r for r in regions() if r.parent_code == province]
        chosen = sorted(
            reference_id("agency", regional_government_name(r))
            for r in rng.sample(inside, min(len(inside), rng.randint(3, 6)))
        )
        session.execute(
            insert(HubSpoke.__table__), [{"hub_id": hub_id, "agency_id": a} for a in chosen]
        )
        # The hub is reference data, but its demo spokes are not: it is marked as demo (and so
        # never pushed) rather than sending made-up spokes to the registry.
        record_changes(
            session, actor, "hub", [Change(hub_id, "update", {"spokes": ([], chosen)})], demo=True
        )
        added += len(chosen)
    return added


def add_demo_data(
    db: Database,
    innovations: int,
    *,
    seed: int = DEFAULT_SEED,
    progress: ProgressFn = no_progress,
) -> DemoResult:
    """Adds ``innovations`` made-up innovations and what goes with them, in one transaction.

    The data depends only on ``seed`` and what the store already holds, so the same command on
    the same store gives the same records (ids aside).

    Raises:
        Cancelled: ``progress`` asked to stop; nothing is kept.
    """
    if innovations < 0:
        raise ValueError("innovations must not be negative")
    result = DemoResult()
    with db.transaction() as session:
        staff = demo_staff(session, seed)
        existing = session.scalar(select(func.count()).select_from(Innovation)) or 0
        rng = random.Random(f"{seed}:{existing}")
        builder = _Builder(rng, staff, date.today())
        first = _next_sequence(session)
        progress(0, innovations)
        # The next chunk is drawn on a second thread while SQLite writes this one (sqlite3
        # lets go of the GIL while it works); chunks are still drawn in order, so the data
        # stay the same for a seed.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo") as pool:

            def draw(start: int) -> Future[dict[str, list[dict[str, Any]]]] | None:
                if start >= innovations:
                    return None
                return pool.submit(builder.chunk, first + start, min(CHUNK, innovations - start))

            following = draw(0)
            for start in range(0, innovations, CHUNK):
                assert following is not None
                parts = following.result()
                following = draw(start + CHUNK)
                _write_chunk(session, staff, parts)
                count = len(parts["innovations"])
                result.innovations += count
                result.verifications += len(parts["verifications"])
                result.replications += len(parts["replications"])
                result.awards += len(parts["awards"])
                progress(start + count, innovations)
        result.spokes = add_spokes(session, staff.admin, rng)
        result.commitments = add_commitments(session, staff.admin, rng)
        result.officers = [a.name for a in (*staff.operators, *staff.verifiers, staff.admin)]
    return result
