"""Two (or three) devices editing offline and syncing through a real registry: what merges,
what conflicts and how the officer resolves it, deletions against edits, records made on each
side, a verification against an edit, and refusals by the registry's rules."""

from __future__ import annotations

import json

import pytest

from jipp_desktop.services.innovations import delete_innovation, get_innovation
from jipp_desktop.services.verification import VerificationInput, submit, verify
from jipp_desktop.syncstate import discard, resolve_conflict
from tests.sync.test_client_support import (
    assert_agree,
    device_maker,
    new_innovation,
    registry_records,
    update,
)


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def test_a_record_made_on_one_device_reaches_the_other_with_its_number(devices, registry):
    a, b = devices("a", "b")
    record_id = new_innovation(a, a.officer("op"), title="Inovasi Dari Perangkat A Saja")
    result = a.sync("op")
    assert (result.pushed, result.pending, result.problems) == (1, 0, [])
    number = a.get(record_id).registration_number
    assert number and number.startswith("JIPP-")
    b.sync("op2")
    assert b.get(record_id).registration_number == number
    assert b.get(record_id).title == "Inovasi Dari Perangkat A Saja"
    assert_agree(a, b, registry_records=registry_records(registry))


def test_different_fields_of_one_record_merge(devices, registry):
    a, b = devices("a", "b")
    record_id = new_innovation(a, a.officer("op"), title="Inovasi Untuk Digabung Dua Sisi")
    a.sync("op")
    b.sync("op2")
    update(a, a.officer("op"), record_id, summary="Ringkasan yang ditulis di perangkat A.")
    update(b, b.officer("op2"), record_id, impact="Dampak yang ditulis di perangkat B.")
    assert a.sync("op").pushed == 1
    result = b.sync("op2")
    assert (result.pushed, result.merged, result.conflicts) == (1, 1, 0)
    a.sync("op")
    for device in (a, b):
        found = device.get(record_id)
        assert found.summary == "Ringkasan yang ditulis di perangkat A."
        assert found.impact == "Dampak yang ditulis di perangkat B."
    assert_agree(a, b, registry_records=registry_records(registry))


def test_the_same_field_is_a_conflict_resolved_from_either_side(devices, registry):
    a, b = devices("a", "b")
    record_id = new_innovation(a, a.officer("op"), title="Inovasi Dengan Konflik Ringkasan")
    a.sync("op")
    b.sync("op2")

    # B keeps its own value.
    update(a, a.officer("op"), record_id, summary="Versi perangkat A yang pertama.")
    update(b, b.officer("op2"), record_id, summary="Versi perangkat B yang pertama.")
    a.sync("op")
    result = b.sync("op2")
    assert result.conflicts == 1 and result.pending == 1
    [issue] = [p for p in result.problems if p["id"] == record_id]
    assert issue["kind"] == "conflict"
    assert issue["fields"]["summary"] == {
        "base": "Orang tua menerima akta kelahiran bayi sebelum pulang dari rumah sakit.",
        "mine": "Versi perangkat B yang pertama.",
        "theirs": "Versi perangkat A yang pertama.",
    }
    with b.write() as s:
        resolve_conflict(s, b.officer("op2"), "innovation", record_id, {"summary": "mine"})
    assert b.sync("op2").pushed == 1
    a.sync("op")
    assert a.get(record_id).summary == "Versi perangkat B yang pertama."
    assert_agree(a, b)

    # A takes the registry's (B's) value.
    update(a, a.officer("op"), record_id, summary="Versi perangkat A yang kedua.")
    update(b, b.officer("op2"), record_id, summary="Versi perangkat B yang kedua.")
    b.sync("op2")
    assert a.sync("op").conflicts == 1
    with a.write() as s:
        resolve_conflict(s, a.officer("op"), "innovation", record_id, {"summary": "theirs"})
    assert a.pending() == 0  # the registry's copy: nothing to send
    a.sync("op")
    assert a.get(record_id).summary == "Versi perangkat B yang kedua."
    assert_agree(a, b, registry_records=registry_records(registry))


def test_a_delete_against_an_edit_is_never_a_silent_loss(devices, registry):
    a, b = devices("a", "b")
    op, op2 = a.officer("op"), b.officer("op2")
    first = new_innovation(a, op, title="Inovasi Dihapus Setelah Diubah")
    second = new_innovation(a, op, title="Inovasi Diubah Setelah Dihapus")
    a.sync("op")
    b.sync("op2")

    # The edit reaches the registry first: the delete is a conflict; the officer keeps it.
    with a.write() as s:
        delete_innovation(s, op, first)
    update(b, op2, first, summary="Diubah sebelum penghapusan sampai.")
    b.sync("op2")
    result = a.sync("op")
    [issue] = [p for p in result.problems if p["id"] == first]
    assert issue["kind"] == "conflict" and issue["code"] == "deleted"
    assert a.get(first).deleted_at is not None
    with a.write() as s:
        resolve_conflict(s, op, "innovation", first, {"deleted": "theirs"})
    assert a.get(first).deleted_at is None
    assert a.get(first).summary == "Diubah sebelum penghapusan sampai."

    # The delete reaches the registry first: the edit is refused; the officer discards it.
    with a.write() as s:
        delete_innovation(s, op, second)
    update(b, op2, second, summary="Diubah setelah dihapus di tempat lain.")
    a.sync("op")
    result = b.sync("op2")
    [issue] = [p for p in result.problems if p["id"] == second]
    assert issue["kind"] == "rejected" and issue["code"] == "deleted"
    assert b.get(second).summary == "Diubah setelah dihapus di tempat lain."  # kept until told
    with b.write() as s:
        discard(s, op2, "innovation", second)
    assert b.get(second).deleted_at is not None
    a.sync("op")
    b.sync("op2")
    assert_agree(a, b, registry_records=registry_records(registry))


def test_a_new_record_on_each_side(devices, registry):
    a, b = devices("a", "b")
    mine = new_innovation(a, a.officer("op"), title="Inovasi Baru Di Perangkat A")
    theirs = new_innovation(b, b.officer("op2"), title="Inovasi Baru Di Perangkat B")
    a.sync("op")
    b.sync("op2")
    a.sync("op")
    for device in (a, b):
        assert device.get(mine).title == "Inovasi Baru Di Perangkat A"
        assert device.get(theirs).title == "Inovasi Baru Di Perangkat B"
    assert a.get(mine).registration_number != a.get(theirs).registration_number
    assert_agree(a, b, registry_records=registry_records(registry))


def test_a_verification_on_one_device_and_an_edit_on_the_other(devices, registry):
    a, b, c = devices("a", "b", "c")
    op, op2, ver = a.officer("op"), b.officer("op2"), c.officer("ver2")
    record_id = new_innovation(a, op, title="Inovasi Diverifikasi Sambil Diubah")
    a.sync("op")
    b.sync("op2")  # B has it as a draft
    with a.write() as s:
        submit(s, op, record_id)
    a.sync("op")
    c.sync("ver2")
    with c.write() as s:
        verify(s, ver, record_id, VerificationInput("valid_continuing", "desk"))
    update(b, op2, record_id, impact="Dampak ditambahkan saat verifikasi berjalan.")
    assert c.sync("ver2").problems == []
    result = b.sync("op2")
    # The edit touched another field: merged into the verified record, which the edit sends
    # back to draft (its content must be verified again); the verification stays.
    assert [p for p in result.problems if p["id"] == record_id] == []
    assert result.merged == 1
    for device, key in ((a, "op"), (b, "op2"), (c, "ver2"), (a, "op")):
        device.sync(key)
    for device in (a, b, c):
        found = device.get(record_id)
        assert found.impact == "Dampak ditambahkan saat verifikasi berjalan."
        assert (found.workflow, found.continuation) == ("draft", "continuing")
        assert found.last_verified_at is not None
    assert_agree(a, b, c, registry_records=registry_records(registry))


def test_the_registrys_rules_refuse_with_reasons(devices, registry):
    (a,) = devices("a")
    # An operator of Kabupaten Badung cannot change records of Kota Denpasar.
    outsider = a.officer("op_badung")
    foreign = new_innovation(a, outsider, title="Inovasi Denpasar Dari Operator Badung")
    result = a.sync("op_badung")
    [issue] = [p for p in result.problems if p["id"] == foreign]
    assert (issue["kind"], issue["code"]) == ("rejected", "out_of_scope")
    assert issue["message"]
    assert result.rejected == 1 and result.pending == 1

    # An account that entered a record cannot verify it, whichever local profile it uses.
    admin = a.officer("admin_bali")
    record_id = new_innovation(a, admin, title="Inovasi Yang Diverifikasi Sendiri")
    with a.write() as s:
        submit(s, admin, record_id)
    assert a.sync("admin_bali").problems == [issue]
    second = a.officer("admin_bali", profile="kedua")
    with a.write() as s:
        verification = verify(
            s, second, record_id, VerificationInput("valid_continuing", "desk")
        ).id
        assert get_innovation(s, record_id).workflow == "verified"
    result = a.sync("admin_bali", profile="kedua")
    kinds = {p["id"]: (p["kind"], p["code"], p["message"]) for p in result.problems}
    assert kinds[verification][:2] == ("rejected", "four_eyes")
    assert kinds[verification][2]
    assert result.rejected >= 1


def test_stats_counts_nothing_pending_after_a_full_sync(devices):
    (a,) = devices("a")
    op = a.officer("op")
    for i in range(3):
        new_innovation(a, op, title=f"Inovasi Statistik Nomor {i}")
    stats = a.cli("stats", "--json")
    out, _ = stats.communicate(timeout=120)
    assert json.loads(out)["pending_changes"] == 3
    code, body, err = a.cli_sync("op")
    assert code == 0, err
    assert {"pushed", "pulled", "merged", "conflicts", "rejected", "quarantined", "pending",
            "problems"} <= set(body)  # fmt: skip
    assert body["pushed"] == 3 and body["pending"] == 0
    stats = a.cli("stats", "--json")
    out, _ = stats.communicate(timeout=120)
    assert json.loads(out)["pending_changes"] == 0
