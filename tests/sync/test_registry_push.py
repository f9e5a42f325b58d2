"""Push as docs/SYNC.md describes it: idempotent by change id, base and field revisions,
merged versus conflict, deletes, one transaction per change (a savepoint per change in the
batch's transaction on SQLite), attachments by hash."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import select

from sync.registry import models
from sync.registry.db import make_engine
from tests.sync.servers import Registry, author, change, innovation_fields, new_id

VERIFIER = author("Bambang Sutrisno", "verifier")


def test_same_batch_twice_is_applied_once(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    ids = [new_id() for _ in range(5)]
    batch = [
        change("innovation", i, "create", innovation_fields(title=f"Inovasi ulang {n}"))
        for n, i in enumerate(ids)
    ]
    first = op.push(batch)
    again = op.push(batch)
    assert [r["outcome"] for r in first] == ["applied"] * 5
    assert [r["outcome"] for r in again] == ["duplicate"] * 5
    assert [r["was"] for r in again] == ["applied"] * 5
    assert [r["record"] for r in again] == [r["record"] for r in first]
    records, _ = op.pull_all()
    assert sorted(r["id"] for r in records if r["id"] in ids) == sorted(ids)


def test_one_batch_creates_edits_and_repeats_a_record(any_registry: Registry) -> None:
    # On SQLite a batch is one transaction with a savepoint per change: later changes see the
    # earlier ones, and a change sent twice in the batch is answered from the first.
    op = any_registry.as_("op")
    record = new_id()
    made = change("innovation", record, "create", innovation_fields(title="Inovasi satu batch"))
    edit = change("innovation", record, "update", {"unit_name": "Bidang Baru"}, base=1)
    refused = change("innovation", new_id(), "create", innovation_fields(sector="nope"))
    results = op.push([made, refused, edit, made])
    assert [r["outcome"] for r in results] == ["applied", "rejected", "applied", "duplicate"]
    assert results[2]["revision"] == 2 and results[3]["was"] == "applied"
    records, _ = op.pull_all()
    [stored] = [r for r in records if r["id"] == record]
    assert stored["revision"] == 2 and stored["data"]["unit_name"] == "Bidang Baru"
    assert not [r for r in records if r["id"] == refused["record_id"]]


def test_change_id_reused_for_other_content_is_rejected(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    record = new_id()
    made = change("innovation", record, "create", innovation_fields())
    assert op.push([made])[0]["outcome"] == "applied"
    other = change(
        "innovation", record, "update", {"unit_name": "Lain"}, base=1, change_id=made["change_id"]
    )
    [result] = op.push([other])
    assert (result["outcome"], result["code"]) == ("rejected", "change_id_reused")


def test_merged_and_conflict_by_field_revisions(any_registry: Registry) -> None:
    op, op2 = any_registry.as_("op"), any_registry.as_("op2")
    record = new_id()
    op.push([change("innovation", record, "create", innovation_fields())])
    [theirs] = op2.push(
        [change("innovation", record, "update", {"title": "Judul dari perangkat lain"}, base=1)]
    )
    assert (theirs["outcome"], theirs["revision"]) == ("applied", 2)
    # Same field, other value, on the old base: a conflict with the registry's copy.
    [clash] = op.push(
        [change("innovation", record, "update", {"title": "Judul dari perangkat ini"}, base=1)]
    )
    assert clash["outcome"] == "conflict" and clash["conflicting"] == ["title"]
    assert clash["record"]["revision"] == 2
    assert clash["record"]["data"]["title"] == "Judul dari perangkat lain"
    # Another field on the old base: merged; the same value as the registry's: no conflict.
    [merged] = op.push(
        [
            change(
                "innovation",
                record,
                "update",
                {"unit_name": "Bagian Umum", "title": "Judul dari perangkat lain"},
                base=1,
            )
        ]
    )
    assert (merged["outcome"], merged["revision"]) == ("merged", 3)
    assert merged["record"]["data"]["unit_name"] == "Bagian Umum"
    # A conflict is not stored: sent again on the new base, the same change id applies.
    clash_change = change(
        "innovation", record, "update", {"title": "Judul dari perangkat ini"}, base=1
    )
    assert op.push([clash_change])[0]["outcome"] == "conflict"
    clash_change["base_revision"] = 3
    assert op.push([clash_change])[0]["outcome"] == "applied"


def test_delete_against_a_newer_edit_is_a_conflict(any_registry: Registry) -> None:
    op, op2 = any_registry.as_("op"), any_registry.as_("op2")
    record = new_id()
    op.push([change("innovation", record, "create", innovation_fields())])
    op2.push([change("innovation", record, "update", {"stakeholders": "Rumah sakit"}, base=1)])
    [result] = op.push([change("innovation", record, "delete", base=1)])
    assert (result["outcome"], result["code"]) == ("conflict", "deleted")
    assert result["conflicting"] == ["stakeholders"]
    assert result["record"]["deleted"] is False
    [deleted] = op.push([change("innovation", record, "delete", base=2)])
    assert deleted["outcome"] == "applied"
    # An edit of a deleted record is refused; deleting it again changes nothing.
    [edit] = op2.push([change("innovation", record, "update", {"unit_name": "X"}, base=2)])
    assert (edit["outcome"], edit["code"]) == ("rejected", "deleted")
    assert op.push([change("innovation", record, "delete", base=3)])[0]["outcome"] == "applied"


def test_each_change_stands_alone(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    good, bad, later = new_id(), new_id(), new_id()
    refused = change("innovation", bad, "create", innovation_fields(title="abc", sector="nope"))
    results = op.push(
        [
            change("innovation", good, "create", innovation_fields(title="Inovasi yang baik")),
            refused,
            change("innovation", new_id(), "create", innovation_fields(bogus=1)),
            change("innovation", new_id(), "create", innovation_fields(year_started="2020")),
            change("innovation", new_id(), "update", {"title": "Belum ada"}, base=1),
            change("innovation", later, "create", innovation_fields(title="Inovasi berikutnya")),
        ]
    )
    outcomes = [(r["outcome"], r["code"]) for r in results]
    assert outcomes == [
        ("applied", None),
        ("rejected", "invalid"),
        ("rejected", "invalid"),
        ("rejected", "invalid"),
        ("retry", "not_found"),
        ("applied", None),
    ]
    assert set(results[1]["fields"]) == {"title", "sector"}
    assert results[1]["fields"]["title"]["id"] and results[1]["fields"]["title"]["en"]
    assert set(results[2]["fields"]) == {"bogus"}
    assert set(results[3]["fields"]) == {"year_started"}
    # The rejected change was not stored: fixed, the same change id is applied.
    refused["fields"]["title"]["new"] = "Judul yang benar"
    refused["fields"]["sector"]["new"] = "civil_registration"
    assert op.push([refused])[0]["outcome"] == "applied"


def _seqs(registry: Registry, record_ids: list[str]) -> tuple[int, list[int]]:
    """The commit counter and the sequence numbers of these records, read in the database."""
    engine = make_engine(registry.db_url, pool_size=1)
    try:
        with engine.connect() as connection:
            counter = connection.scalar(
                select(models.counters.c.value).where(models.counters.c.name == "seq")
            )
            seq = dict(
                connection.execute(
                    select(models.records.c.id, models.records.c.seq).where(
                        models.records.c.id.in_(record_ids)
                    )
                ).all()
            )
    finally:
        engine.dispose()
    return int(counter), [seq[i] for i in record_ids if i in seq]


def test_refused_changes_in_a_batch_take_no_numbers(any_registry: Registry) -> None:
    # Changes refused between applied ones leave no gap in the commit sequence (a pull cursor
    # steps over nothing) nor in the registration numbers, and leave no claim behind: the same
    # change id, fixed, applies later in the same batch.
    op = any_registry.as_("op")
    first, second, third = new_id(), new_id(), new_id()
    made = change("innovation", first, "create", innovation_fields(title="Inovasi pertama"))
    refused = change("innovation", new_id(), "create", innovation_fields(sector="nope"))
    fixed = dict(
        refused, fields={**refused["fields"], "sector": {"old": None, "new": "civil_registration"}}
    )
    reused = dict(made, record_id=new_id())
    before, _ = _seqs(any_registry, [])
    results = op.push(
        [
            made,
            refused,
            change("innovation", new_id(), "update", {"title": "Belum ada"}, base=1),
            change("innovation", second, "create", innovation_fields(title="Inovasi kedua")),
            made,
            reused,
            fixed,
            change("innovation", third, "create", innovation_fields(title="Inovasi ketiga")),
        ]
    )
    assert [(r["outcome"], r["code"]) for r in results] == [
        ("applied", None),
        ("rejected", "invalid"),
        ("retry", "not_found"),
        ("applied", None),
        ("duplicate", None),
        ("rejected", "change_id_reused"),
        ("applied", None),
        ("applied", None),
    ]
    after, seqs = _seqs(any_registry, [first, second, fixed["record_id"], third])
    assert seqs == list(range(before + 1, before + 5)) and after == before + 4
    applied = [results[i]["record"]["data"]["registration_number"] for i in (0, 3, 6, 7)]
    numbers = [int(n.rsplit("-", 1)[1]) for n in applied]
    assert numbers == list(range(numbers[0], numbers[0] + 4))
    assert [r["outcome"] for r in op.push([made, fixed])] == ["duplicate", "duplicate"]


def test_registration_numbers_are_unique(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    number = f"JIPP-2020-{uuid.uuid4().int % 10**6:06d}"
    first, second = op.push(
        [
            change("innovation", new_id(), "create", innovation_fields(registration_number=number)),
            change("innovation", new_id(), "create", innovation_fields(registration_number=number)),
        ]
    )
    assert first["outcome"] == "applied"
    assert first["record"]["data"]["registration_number"] == number
    assert (second["outcome"], list(second["fields"])) == ("rejected", ["registration_number"])
    made = op.push(
        [change("innovation", new_id(), "create", innovation_fields()) for _ in range(3)]
    )
    numbers = [r["record"]["data"]["registration_number"] for r in made]
    assert len(set(numbers)) == 3


def test_attachments_by_hash(any_registry: Registry) -> None:
    op = any_registry.as_("op")
    content = b"%PDF-1.4 bukti " + uuid.uuid4().bytes
    sha = hashlib.sha256(content).hexdigest()
    innovation, attachment = new_id(), new_id()
    fields = {
        "owner_kind": "innovation",
        "owner_id": innovation,
        "sha256": sha,
        "original_name": "bukti.pdf",
        "media_type": "application/pdf",
        "size": len(content),
    }
    made = change("attachment", attachment, "create", fields)
    results = op.push([change("innovation", innovation, "create", innovation_fields()), made])
    assert (results[1]["outcome"], results[1]["code"]) == ("retry", "file_missing")
    api = any_registry.api
    missing = op.http.post(api + "/attachments/missing", json={"sha256": [sha, sha]}, timeout=10)
    assert missing.json() == {"missing": [sha]}
    wrong = op.http.put(f"{api}/attachments/{sha}", data=content + b"x", timeout=10)
    assert wrong.status_code == 422 and wrong.json()["code"] == "hash_mismatch"
    assert op.http.put(f"{api}/attachments/{sha}", data=content, timeout=10).status_code == 204
    assert op.http.put(f"{api}/attachments/{sha}", data=content, timeout=10).status_code == 204
    assert op.http.post(
        api + "/attachments/missing", json={"sha256": [sha]}, timeout=10
    ).json() == {"missing": []}
    [applied] = op.push([made])
    assert applied["outcome"] == "applied"
    got = op.http.get(f"{api}/attachments/{sha}", timeout=10)
    assert got.status_code == 200 and got.content == content
    other = any_registry.as_("op_badung")
    assert other.http.get(f"{api}/attachments/{sha}", timeout=10).status_code == 404
    wrong_size = change("attachment", new_id(), "create", {**fields, "size": 1})
    assert op.push([wrong_size])[0]["fields"].keys() == {"size"}


def test_verification_decides_and_the_echo_merges(any_registry: Registry) -> None:
    op, ver = any_registry.as_("op"), any_registry.as_("ver")
    record, decision = new_id(), new_id()
    op.push(
        [
            change("innovation", record, "create", innovation_fields()),
            change(
                "innovation",
                record,
                "update",
                {"workflow": "submitted"},
                base=1,
                old={"workflow": "draft"},
            ),
        ]
    )
    made = change(
        "verification",
        decision,
        "create",
        {
            "innovation_id": record,
            "verifier_id": VERIFIER["id"],
            "verified_at": "2025-03-02T09:30:00+07:00",
            "method": "desk",
            "outcome": "valid_continuing",
            "continuation": "continuing",
        },
        by=VERIFIER,
    )
    # The device pushes the innovation's decision fields too; before the verification: retry.
    echo = change(
        "innovation",
        record,
        "update",
        {
            "workflow": "verified",
            "continuation": "continuing",
            "last_verified_at": "2025-03-02T02:30:00Z",
        },
        old={"workflow": "submitted", "continuation": "unknown", "last_verified_at": None},
        base=2,
        by=VERIFIER,
    )
    early, applied, late = ver.push([echo, made, echo])
    assert (early["outcome"], early["code"]) == ("retry", "verification_pending")
    assert applied["outcome"] == "applied"
    assert late["outcome"] == "merged" and late["revision"] == 3
    data = late["record"]["data"]
    assert data["workflow"] == "verified" and data["continuation"] == "continuing"
    assert data["last_verified_at"] == "2025-03-02T02:30:00+00:00"
    # An operator cannot send a decision, even one the registry already has.
    [by_operator] = op.push([dict(echo, change_id=str(uuid.uuid4()), author=author())])
    assert (by_operator["outcome"], by_operator["code"]) == ("rejected", "forbidden")
    # Deleting the innovation deletes its verification (the tombstones are pulled).
    op.push([change("innovation", record, "delete", base=3)])
    pulled = {r["id"]: r for r in any_registry.as_("admin").pull_all()[0]}
    assert pulled[record]["deleted"] and pulled[decision]["deleted"]
