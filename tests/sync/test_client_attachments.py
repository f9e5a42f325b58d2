"""Attachment files travel by hash: uploaded before the records that name them (only those the
registry lacks), downloaded into the other device's store after the pull."""

from __future__ import annotations

import hashlib

import pytest

from jipp_desktop.services.attachments import add_attachment, blob_path, store_folder
from tests.sync.test_client_support import assert_agree, device_maker, new_innovation


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


def test_files_go_up_once_and_come_down_on_the_other_device(devices, tmp_path):
    a, b = devices("a", "b")
    op = a.officer("op")
    record_id = new_innovation(a, op, title="Inovasi Dengan Lampiran Bukti")
    evidence = tmp_path / "bukti.pdf"
    evidence.write_bytes(b"%PDF-1.4 bukti " + bytes(range(256)) * 40)
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(evidence.read_bytes())
    with a.write() as s:
        add_attachment(s, op, store_folder(a.path), "innovation", record_id, evidence)
        add_attachment(s, op, store_folder(a.path), "innovation", record_id, copy)
    result = a.sync("op")
    assert (result.uploaded, result.pushed, result.problems) == (1, 3, [])
    sha = hashlib.sha256(evidence.read_bytes()).hexdigest()

    result = b.sync("op2")
    assert result.downloaded == 1
    stored = blob_path(store_folder(b.path), sha)
    assert stored.read_bytes() == evidence.read_bytes()
    assert b.sync("op2").downloaded == 0
    assert_agree(a, b)


def test_a_file_missing_here_leaves_its_record_waiting(devices, tmp_path):
    (a,) = devices("a")
    op = a.officer("op")
    record_id = new_innovation(a, op, title="Inovasi Dengan Lampiran Hilang")
    evidence = tmp_path / "hilang.pdf"
    evidence.write_bytes(b"%PDF-1.4 berkas yang akan hilang dari penyimpanan")
    with a.write() as s:
        attachment = add_attachment(
            s, op, store_folder(a.path), "innovation", record_id, evidence
        ).id
    sha = hashlib.sha256(evidence.read_bytes()).hexdigest()
    blob_path(store_folder(a.path), sha).unlink()
    result = a.sync("op")
    kinds = {p["id"]: p["kind"] for p in result.problems}
    assert kinds[attachment] in ("retrying", "rejected", "quarantined")
    assert result.pending == 1
