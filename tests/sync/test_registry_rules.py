"""The registry re-checks every rule against its own state: scope, roles, workflow, the
four-eyes rule by its audit trail across devices, and each entity's domain rules."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.sync.servers import (
    DENPASAR,
    Client,
    Registry,
    author,
    change,
    innovation_fields,
    new_id,
    reference_agency,
)

BADUNG = reference_agency("Pemerintah Kabupaten Badung")
OP, OP2 = author("op", "operator"), author("op2", "operator")
VER, VER2 = author("ver", "verifier"), author("ver2", "verifier")
ADMIN, ADMIN_BALI = author("admin", "admin"), author("admin_bali", "admin")


def outcome(result: dict[str, Any]) -> tuple[str, str | None]:
    return result["outcome"], result["code"]


def submitted(client: Client, by: dict[str, Any] = OP, **fields: Any) -> str:
    """A new innovation, submitted; returns its id (revision 2)."""
    record = new_id()
    results = client.push(
        [
            change("innovation", record, "create", innovation_fields(**fields), by=by),
            change(
                "innovation",
                record,
                "update",
                {"workflow": "submitted"},
                base=1,
                old={"workflow": "draft"},
                by=by,
            ),
        ]
    )
    assert [r["outcome"] for r in results] == ["applied", "applied"], results
    return record


def verification(
    innovation: str, by: dict[str, Any], outcome_: str = "valid_continuing", **more: Any
) -> dict[str, Any]:
    fields = {"innovation_id": innovation, "method": "desk", "outcome": outcome_, **more}
    return change("verification", new_id(), "create", fields, by=by)


def test_scope_of_agencies_and_regions(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    record = new_id()
    op.push([change("innovation", record, "create", innovation_fields(), by=OP)])
    edit = {"unit_name": "Unit lain"}
    other = any_registry.as_("op_badung")
    [result] = other.push([change("innovation", record, "update", edit, base=1)])
    assert outcome(result) == ("rejected", "out_of_scope")
    [result] = other.push([change("innovation", new_id(), "create", innovation_fields())])
    assert outcome(result) == ("rejected", "out_of_scope")
    [result] = other.push(
        [
            change(
                "innovation",
                new_id(),
                "create",
                innovation_fields(agency_id=BADUNG, region_code="51.03"),
            )
        ]
    )
    assert outcome(result) == ("applied", None)
    # Moving a record to another agency needs both in scope.
    [result] = op.push(
        [
            change(
                "innovation",
                record,
                "update",
                {"agency_id": BADUNG, "region_code": "51.03"},
                base=1,
            )
        ]
    )
    assert outcome(result) == ("rejected", "out_of_scope")
    [result] = any_registry.as_("admin_jatim").push(
        [change("innovation", record, "update", edit, base=1)]
    )
    assert outcome(result) == ("rejected", "out_of_scope")
    [result] = any_registry.as_("admin_bali").push(
        [change("innovation", record, "update", edit, base=1, by=ADMIN_BALI)]
    )
    assert outcome(result) == ("applied", None)
    [result] = any_registry.as_("admin").push(
        [change("innovation", record, "update", {"stakeholders": "Warga"}, base=2, by=ADMIN)]
    )
    assert outcome(result) == ("applied", None)


def test_roles_per_entity(any_registry: Registry) -> None:
    record = submitted(any_registry.as_("op"))
    [result] = any_registry.as_("op2").push([verification(record, OP2)])
    assert outcome(result) == ("rejected", "forbidden")
    [result] = any_registry.as_("ver").push(
        [change("innovation", new_id(), "create", innovation_fields(), by=VER)]
    )
    assert outcome(result) == ("rejected", "forbidden")
    [result] = any_registry.as_("ver").push(
        [change("innovation", record, "update", {"summary": "Diubah verifikator."}, base=2, by=VER)]
    )
    assert outcome(result) == ("rejected", "forbidden")


@pytest.mark.parametrize(
    ("maker", "editor", "submitter", "decider", "expected"),
    [
        ("admin", None, "op", "admin", "four_eyes"),  # the author
        ("op", None, "admin_bali", "admin_bali", "four_eyes"),  # the submitter
        ("op", "admin_bali", "op", "admin_bali", "four_eyes"),  # an editor, on another device
        ("op", "admin_bali", "op", "ver", None),
        ("op", "op2", "op", "ver2", None),
    ],
)
def test_four_eyes_by_the_audit_trail(
    any_registry: Registry,
    maker: str,
    editor: str | None,
    submitter: str,
    decider: str,
    expected: str | None,
) -> None:
    people = {
        "op": OP,
        "op2": OP2,
        "admin": ADMIN,
        "admin_bali": ADMIN_BALI,
        "ver": VER,
        "ver2": VER2,
    }
    record = new_id()
    [made] = any_registry.as_(maker).push(
        [change("innovation", record, "create", innovation_fields(), by=people[maker])]
    )
    assert made["outcome"] == "applied", made
    revision = 1
    if editor:
        [edited] = any_registry.as_(editor).push(
            [
                change(
                    "innovation",
                    record,
                    "update",
                    {"stakeholders": "Puskesmas"},
                    base=1,
                    by=people[editor],
                )
            ]
        )
        assert edited["outcome"] == "applied", edited
        revision = 2
    [sent] = any_registry.as_(submitter).push(
        [
            change(
                "innovation",
                record,
                "update",
                {"workflow": "submitted"},
                base=revision,
                old={"workflow": "draft"},
                by=people[submitter],
            )
        ]
    )
    assert sent["outcome"] == "applied", sent
    # A new device of the deciding account: the registry's trail, not the device, decides.
    [result] = any_registry.as_(decider, device_id=str(uuid.uuid4())).push(
        [verification(record, people[decider])]
    )
    assert outcome(result) == (("rejected", expected) if expected else ("applied", None))


def test_four_eyes_sees_the_edits_of_the_same_batch(any_registry: Registry) -> None:
    """An account that edits and submits a record and decides it in one batch is refused; the
    trail of its edits stays when that decision is refused (SQLite writes a batch's audit
    entries at its end, the four-eyes rule's query first)."""
    record = new_id()
    any_registry.as_("op").push([change("innovation", record, "create", innovation_fields())])
    admin = any_registry.as_("admin_bali")
    edit = change("innovation", record, "update", {"stakeholders": "Puskesmas"}, base=1, by=OP)
    submit = change(
        "innovation",
        record,
        "update",
        {"workflow": "submitted"},
        base=2,
        by=OP,
        old={"workflow": "draft"},
    )
    results = admin.push([edit, submit, verification(record, ADMIN_BALI)])
    assert [outcome(r) for r in results] == [
        ("applied", None),
        ("applied", None),
        ("rejected", "four_eyes"),
    ]
    [again] = any_registry.as_("admin_bali", device_id=str(uuid.uuid4())).push(
        [verification(record, ADMIN_BALI)]
    )
    assert outcome(again) == ("rejected", "four_eyes")
    [other] = any_registry.as_("ver").push([verification(record, VER)])
    assert outcome(other) == ("applied", None)


def test_the_verifier_is_not_the_officer_who_entered_it(any_registry: Registry) -> None:
    """Four eyes by officer too: the verifier account acting as the record's author."""
    record = submitted(any_registry.as_("op"), by=VER2)
    [result] = any_registry.as_("ver2").push([verification(record, VER2)])
    assert outcome(result) == ("rejected", "four_eyes")


def test_workflow_transitions(any_registry: Registry) -> None:
    op, ver = any_registry.as_("op"), any_registry.as_("ver")
    record = submitted(op)
    # Under review: no edits, no going back.
    [result] = op.push([change("innovation", record, "update", {"unit_name": "X"}, base=2)])
    assert outcome(result) == ("rejected", "under_review")
    back = change(
        "innovation", record, "update", {"workflow": "draft"}, base=2, old={"workflow": "submitted"}
    )
    assert outcome(op.push([back])[0]) == ("rejected", "workflow")
    # Notes are needed for a revision request.
    [result] = ver.push([verification(record, VER, "needs_revision")])
    assert outcome(result) == ("rejected", "invalid") and "notes" in result["fields"]
    [result] = ver.push([verification(record, VER, "needs_revision", notes="Lengkapi dasar hukum")])
    assert outcome(result) == ("applied", None)
    # needs_revision: the operator edits and resubmits; an already decided record cannot be
    # verified twice.
    [result] = ver.push([verification(record, VER)])
    assert outcome(result) == ("rejected", "workflow")
    [result] = op.push(
        [
            change(
                "innovation",
                record,
                "update",
                {"workflow": "resubmitted", "stakeholders": "RSUD Wangaya"},
                base=3,
                old={"workflow": "needs_revision"},
            )
        ]
    )
    assert outcome(result) == ("applied", None)
    assert result["record"]["data"]["workflow"] == "resubmitted"
    [result] = ver.push(
        [verification(record, VER, "valid_stopped", notes="Layanan dihentikan 2024")]
    )
    assert outcome(result) == ("applied", None)
    # Editing a verified record sends it back to draft.
    [result] = op.push(
        [change("innovation", record, "update", {"unit_name": "Disdukcapil Denpasar"}, base=5)]
    )
    assert outcome(result) == ("applied", None)
    data = result["record"]["data"]
    assert data["workflow"] == "draft"
    assert data["continuation"] == "stopped"
    assert data["continuation_reason"] == "Layanan dihentikan 2024"
    # A draft cannot be verified; a create cannot be verified already.
    [result] = ver.push([verification(record, VER)])
    assert outcome(result) == ("rejected", "workflow")
    [result] = op.push(
        [change("innovation", new_id(), "create", innovation_fields(workflow="verified"))]
    )
    assert outcome(result) == ("rejected", "workflow")


def test_submission_needs_a_complete_record(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    record = new_id()
    draft = {"title": "Inovasi setengah jadi", "agency_id": DENPASAR}
    assert op.push([change("innovation", record, "create", draft)])[0]["outcome"] == "applied"
    [result] = op.push(
        [
            change(
                "innovation",
                record,
                "update",
                {"workflow": "submitted"},
                base=1,
                old={"workflow": "draft"},
            )
        ]
    )
    assert outcome(result) == ("rejected", "invalid")
    assert {"summary", "innovators", "sector"} <= set(result["fields"])


def test_domain_rules_of_the_desktop(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    cases = [
        ({"launch_date": "2019-01-01", "trial_date": "2020-01-01"}, "launch_date"),
        ({"region_code": "35.78"}, "region_code"),  # outside the agency's region
        ({"contact_email": "not-an-email"}, "contact_email"),
        ({"launch_date": "2999-01-01"}, "launch_date"),
        ({"continuation": "stopped"}, "continuation_reason"),
        ({"awards": [{"year": 1990, "competition": "KIPP", "stage_reached": "Top 45"}]}, "awards"),
        ({"replicated_from_id": str(uuid.uuid4())}, "replicated_from_id"),
    ]
    results = op.push(
        [change("innovation", new_id(), "create", innovation_fields(**bad)) for bad, _ in cases]
    )
    for (_, field), result in zip(cases, results, strict=True):
        assert outcome(result) == ("rejected", "invalid"), result
        assert field in result["fields"], (field, result["fields"])


def test_replications(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    source = new_id()
    op.push([change("innovation", source, "create", innovation_fields())])
    replication = new_id()
    fields = {"source_innovation_id": source, "adopting_agency_id": BADUNG, "status": "waiting"}
    results = op.push(
        [
            change("replication", replication, "create", fields),
            change("replication", new_id(), "create", {**fields, "adopting_agency_id": DENPASAR}),
            change("replication", replication, "update", {"status": "implemented"}, base=1),
            change("replication", replication, "update", {"status": "agreed"}, base=1),
            change(
                "replication",
                replication,
                "update",
                {"status": "agreed", "agreement_number": "PKS/12/2025"},
                base=1,
            ),
        ]
    )
    assert [outcome(r) for r in results] == [
        ("applied", None),
        ("rejected", "invalid"),
        ("rejected", "workflow"),
        ("rejected", "invalid"),
        ("applied", None),
    ]
    [result] = any_registry.as_("op_badung").push(
        [change("replication", replication, "update", {"notes": "x"}, base=2)]
    )
    assert outcome(result) == ("rejected", "out_of_scope")


def test_agencies_hubs_commitments(any_registry: Registry) -> None:
    op, admin = any_registry.as_("op"), any_registry.as_("admin")
    # The session's registry is shared: other tests may have edited Denpasar's agency already.
    records, _ = op.pull_all()
    [denpasar] = [r for r in records if r["entity"] == "agency" and r["id"] == DENPASAR]
    base = denpasar["revision"]
    [result] = op.push(
        [change("agency", DENPASAR, "update", {"address": "Jl. Majapahit 1"}, base=base)]
    )
    assert outcome(result) == ("applied", None)
    [result] = any_registry.as_("op_badung").push(
        [change("agency", DENPASAR, "update", {"address": "Jl. Lain"}, base=base + 1)]
    )
    assert outcome(result)[0] == "rejected"
    name = f"Dinas Uji {uuid.uuid4().hex[:8]}"
    agency = new_id()
    made = {"name": name, "kind": "agency", "region_code": None}
    results = admin.push(
        [
            change("agency", agency, "create", made, by=ADMIN),
            change("agency", new_id(), "create", {**made, "name": name.upper()}, by=ADMIN),
            change("agency", new_id(), "create", {**made, "kind": "city"}, by=ADMIN),
        ]
    )
    assert [outcome(r) for r in results] == [
        ("applied", None),
        ("rejected", "invalid"),
        ("rejected", "invalid"),
    ]
    [result] = op.push([change("agency", new_id(), "create", {**made, "name": name + " 2"})])
    assert outcome(result) == ("rejected", "out_of_scope")
    hub = new_id()
    hub_fields = {
        "agency_id": agency,
        "decree": "SK MenPANRB 1/2025",
        "year": 2025,
        "spokes": [DENPASAR, BADUNG],
    }
    [result] = admin.push([change("hub", hub, "create", hub_fields, by=ADMIN)])
    assert outcome(result) == ("applied", None)
    assert result["record"]["data"]["cohort"] == "2025"
    commitment = {
        "number": "001/PK/2025",
        "title": "Komitmen replikasi",
        "place": "Denpasar",
        "signed_on": "2025-02-01",
        "clauses": ["Kami berkomitmen mereplikasi inovasi."],
        "signatories": [
            {
                "agency_name": "Pemkot Denpasar",
                "official_name": "I Gusti",
                "official_position": "Wali Kota",
            }
        ],
        "hub_id": None,
    }
    results = admin.push(
        [
            change("commitment", new_id(), "create", commitment, by=ADMIN),
            change("commitment", new_id(), "create", {**commitment, "clauses": []}, by=ADMIN),
            change(
                "commitment",
                new_id(),
                "create",
                {**commitment, "letterhead_agency": "Pemprov Bali"},
                by=ADMIN,
            ),
            change(
                "commitment",
                new_id(),
                "create",
                {
                    **commitment,
                    "letterhead_agency": "pemkot  denpasar",
                    "letterhead_address": " Jl. Contoh 1 \n\n Denpasar ",
                },
                by=ADMIN,
            ),
        ]
    )
    assert [outcome(r) for r in results] == [
        ("applied", None),
        ("rejected", "invalid"),
        ("rejected", "invalid"),  # a letterhead no signatory signs for
        ("applied", None),
    ]
    # The letterhead is stored as a device stores it: the first signing agency's when none
    # was chosen, the chosen one as the signatories spell it.
    assert results[0]["record"]["data"]["letterhead_agency"] == "Pemkot Denpasar"
    assert results[3]["record"]["data"]["letterhead_agency"] == "Pemkot Denpasar"
    assert results[3]["record"]["data"]["letterhead_address"] == "Jl. Contoh 1\nDenpasar"
    [result] = op.push([change("commitment", new_id(), "create", commitment)])
    assert outcome(result) == ("rejected", "out_of_scope")
    # Reference records go to every account.
    pulled = {r["id"] for r in any_registry.as_("op_badung").pull_all()[0]}
    assert {agency, hub, results[0]["record"]["id"]} <= pulled
