"""Issue 11.2: no command writes onto its input, the store, the store's -wal/-shm or its
attachment folder (compared as files: symbolic and hard links too); every output goes into an
existing folder through a temporary file, with the usual permissions."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from jipp_desktop.cli.main import main
from jipp_desktop.outputs import atomic_output, check_output, sweep_leftovers, temp_name

from .spreadsheet_files import row, write_xlsx


def cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def intact(store: Path) -> None:
    con = sqlite3.connect(store)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM innovations").fetchone()[0] == 3
    finally:
        con.close()


@pytest.fixture
def store(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "data" / "jipp.db"
    path.parent.mkdir()
    assert cli(capsys, "--db", str(path), "demo", "--innovations", "3", "--json")[0] == 0
    return path


def refused(capsys, store: Path, *args: str, reason: str = "tidak boleh") -> str:
    code, out, err = cli(capsys, "--db", str(store), *args)
    assert code != 0 and out == "", (args, out)
    assert err.count("\n") == 1 and reason in err, (args, err)
    return err


def test_import_errors_onto_the_senders_file_or_the_store_is_refused(store, capsys, tmp_path):
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1), row(2, Tahap="Penciptan")])
    before = digest(source)
    refused(capsys, store, "import", str(source), "--dry-run", "--errors", str(source))
    link = tmp_path / "tautan.xlsx"
    link.symlink_to(source)
    refused(capsys, store, "import", str(source), "--dry-run", "--errors", str(link))
    hard = tmp_path / "keras.xlsx"
    os.link(source, hard)
    refused(capsys, store, "import", str(source), "--errors", str(hard))
    assert digest(source) == before
    intact(store)


def test_no_output_goes_onto_the_store_or_its_companions(store, capsys, tmp_path):
    con = sqlite3.connect(store)  # a reader keeps the -wal and -shm files in place
    con.execute("SELECT 1 FROM innovations").fetchall()
    wal, shm = Path(f"{store}-wal"), Path(f"{store}-shm")
    wal.write_bytes(wal.read_bytes()) if wal.exists() else None
    kept = {p: digest(p) for p in (store, wal, shm) if p.exists()}
    try:
        for target in (store, wal, shm):
            refused(capsys, store, "backup", str(target))
        # Its name's attachments would land in the live attachment folder (jipp.bak → jipp-…).
        refused(capsys, store, "backup", str(store.with_suffix(".bak")))
        attachments = store.parent / "jipp-attachments"
        attachments.mkdir(exist_ok=True)
        refused(capsys, store, "backup", str(attachments / "cadangan.db"))
        refused(capsys, store, "report", "recap", str(attachments / "rekap.pdf"))
        refused(capsys, store, "template", str(attachments / "templat.xlsx"))
        refused(capsys, store, "export", str(attachments / "ekspor.xlsx"))
        link = tmp_path / "rekap.pdf"
        link.symlink_to(store)
        refused(capsys, store, "report", "recap", str(link))
    finally:
        con.close()
    for path, value in kept.items():
        if path.exists():  # the -shm may go when the reader closes; it is SQLite's to remove
            assert path != store or digest(path) == value
    intact(store)
    assert list(attachments.iterdir()) == []


def test_a_store_named_like_an_output_is_not_overwritten(tmp_path, capsys):
    for name, args in (
        ("data.xlsx", ("export",)),
        ("data.xlsx", ("template",)),
        ("laporan.pdf", ("report", "recap")),
    ):
        store = tmp_path / name
        assert cli(capsys, "--db", str(store), "demo", "--innovations", "3", "--json")[0] == 0
        before = digest(store)
        refused(capsys, store, *args, str(store))
        assert digest(store) == before
        intact(store)
        store.unlink()


def test_every_output_needs_an_existing_folder_and_gets_the_usual_permissions(
    store, capsys, tmp_path
):
    missing = tmp_path / "tidak" / "ada"
    for args in (
        ("report", "recap", str(missing / "rekap.pdf")),
        ("export", str(missing / "ekspor.xlsx")),
        ("template", str(missing / "templat.xlsx")),
        ("backup", str(missing / "cadangan.db")),
    ):
        refused(capsys, store, *args, reason="folder")
    assert not (tmp_path / "tidak").exists()

    mask = os.umask(0o022)
    try:
        out = tmp_path / "rekap.pdf"
        assert cli(capsys, "--db", str(store), "report", "recap", str(out))[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(mask)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_write_killed_midway_leaves_a_leftover_the_next_write_removes(tmp_path):
    target = tmp_path / "ekspor.xlsx"
    dead = target.with_name(f".{target.name}.part-999999999")
    dead.write_bytes(b"half a file")
    mine = temp_name(target)
    with atomic_output(target) as temp:
        assert temp == mine and not dead.exists()
        temp.write_bytes(b"whole")
    assert target.read_bytes() == b"whole" and not mine.exists()
    assert sweep_leftovers(target) == 0

    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"broken")
        raise RuntimeError
    assert target.read_bytes() == b"whole" and not temp.exists()
    assert check_output(target) == target
