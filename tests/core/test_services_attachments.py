"""Evidence files: stored once by content hash, checked, tombstoned, exported, and carried by
backup and restore."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from jipp_desktop.db.engine import Database
from jipp_desktop.domain.errors import NotFound, PermissionDenied, ValidationFailed
from jipp_desktop.services import attachments as attachments_module
from jipp_desktop.services.attachments import (
    add_attachment,
    attachments_of,
    blob_path,
    export_attachment,
    remove_attachment,
    store_folder,
)
from jipp_desktop.services.audit import history
from jipp_desktop.services.backup import backup_database, restore_database
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.officers import Actor

PDF = b"%PDF-1.4 SK Bupati tentang inovasi\n"


@pytest.fixture
def record(db: Database, operator: Actor, make_values) -> str:
    with db.transaction() as s:
        return create_innovation(s, operator, make_values()).id


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    path = tmp_path / "SK Inovasi.pdf"
    path.write_bytes(PDF)
    return path


def attach(db: Database, actor: Actor, record: str, source: Path) -> str:
    with db.transaction() as s:
        return add_attachment(s, actor, store_folder(db.path), "innovation", record, source).id


def test_a_file_is_stored_once_by_its_hash(
    db: Database, operator: Actor, verifier: Actor, record: str, evidence: Path, tmp_path: Path
) -> None:
    first = attach(db, operator, record, evidence)
    copy = tmp_path / "salinan.pdf"
    copy.write_bytes(PDF)
    attach(db, verifier, record, copy)
    sha = hashlib.sha256(PDF).hexdigest()
    folder = store_folder(db.path)
    assert blob_path(folder, sha).read_bytes() == PDF
    assert [p for p in folder.rglob("*") if p.is_file()] == [blob_path(folder, sha)]
    with db.session() as s:
        found = attachments_of(s, record)
        assert [(a.original_name, a.media_type, a.size) for a in found] == [
            ("SK Inovasi.pdf", "application/pdf", len(PDF)),
            ("salinan.pdf", "application/pdf", len(PDF)),
        ]
        out = export_attachment(folder, found[0], tmp_path / "keluar.pdf")
        assert out.read_bytes() == PDF
        assert [e.action for e in history(s, first)] == ["create"]


def test_missing_and_oversized_files_are_refused(
    db: Database, operator: Actor, record: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValidationFailed, match="berkas tidak ada"):
        attach(db, operator, record, tmp_path / "tidak-ada.pdf")
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(attachments_module, "MAX_BYTES", 1024)
    with pytest.raises(ValidationFailed, match=r"video\.mp4: berkas lebih dari"):
        attach(db, operator, record, big)
    folder = store_folder(db.path)
    assert not [p for p in folder.rglob("*") if p.is_file()]  # no partial copy left behind
    with db.session() as s:
        assert attachments_of(s, record) == []


def test_remove_is_a_tombstone_and_needs_a_role(
    db: Database, operator: Actor, record: str, evidence: Path
) -> None:
    aid = attach(db, operator, record, evidence)
    with pytest.raises(PermissionDenied), db.transaction() as s:
        remove_attachment(s, Actor("x", "Tamu", "guest"), aid)
    with db.transaction() as s:
        remove_attachment(s, operator, aid)
    with db.session() as s:
        assert attachments_of(s, record) == []
    with pytest.raises(NotFound), db.transaction() as s:
        remove_attachment(s, operator, aid)


def test_export_of_a_lost_file_says_so(
    db: Database, operator: Actor, record: str, evidence: Path, tmp_path: Path
) -> None:
    attach(db, operator, record, evidence)
    folder = store_folder(db.path)
    blob_path(folder, hashlib.sha256(PDF).hexdigest()).unlink()
    with db.session() as s, pytest.raises(NotFound, match="hilang"):
        export_attachment(folder, attachments_of(s, record)[0], tmp_path / "x.pdf")


def test_backup_and_restore_carry_the_files(
    db: Database, operator: Actor, record: str, evidence: Path, tmp_path: Path
) -> None:
    attach(db, operator, record, evidence)
    away = tmp_path / "flashdisk"
    away.mkdir()
    backup = backup_database(db, away / "cadangan.db")
    sha = hashlib.sha256(PDF).hexdigest()
    assert blob_path(store_folder(backup), sha).read_bytes() == PDF
    # A new computer: an empty store, restored from the flash disk.
    other = tmp_path / "laptop-baru" / "jipp.db"
    result = restore_database(backup, other)
    assert result.attachments == 1
    assert blob_path(store_folder(other), sha).read_bytes() == PDF
