"""Issue 11.10 and the smaller items an officer meets: no traceback and no hang for absurd
options, a restore over a live store that is not SQLite at all, a profile of an old record
with a 400,000-character text, stores and backups on read-only media, an empty --db, and the
temporary files a killed backup or restore left."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from jipp_desktop.cli.main import main
from jipp_desktop.db.engine import open_database
from jipp_desktop.services.innovations import create_innovation
from jipp_desktop.services.verification import VerificationInput, submit, verify

HUGE = " ".join(["layanan akta kelahiran terpadu"] * 13_400)  # 402,000 characters


def cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out, err = capsys.readouterr()
    return info.value.code, out, err


def one_line(code: int, err: str, expected_code: int) -> None:
    assert code == expected_code, err
    assert err.count("\n") == 1 and "Traceback" not in err, err


@pytest.fixture
def store(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "jipp.db"
    assert cli(capsys, "--db", str(path), "demo", "--innovations", "3", "--json")[0] == 0
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("export", "x.xlsx", "--year", "99999999999999999999999"),
        ("report", "recap", "x.pdf", "--year", "-5"),
        ("export", "x.xlsx", "--year", "²"),
        ("demo", "--innovations", "²"),
        ("demo", "--innovations", "10000000000000000000000"),
    ],
)
def test_absurd_numbers_are_bad_arguments(store, capsys, tmp_path, args):
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    code, out, err = cli(capsys, "--db", str(store), *args)
    one_line(code, err, 2)
    assert out == ""


def test_an_empty_db_path_is_a_bad_argument_not_the_default_store(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("JIPP_DB", str(tmp_path / "bawaan.db"))
    code, _, err = cli(capsys, "--db", "", "stats")
    one_line(code, err, 2)
    assert "empty" in err and not (tmp_path / "bawaan.db").exists()


def test_restore_over_a_live_store_that_is_not_sqlite(store, capsys, tmp_path):
    backup = tmp_path / "cadangan.db"
    assert cli(capsys, "--db", str(store), "backup", str(backup))[0] == 0
    for companion in ("-wal", "-shm"):
        Path(f"{store}{companion}").unlink(missing_ok=True)
    store.write_bytes(b"\x00disk error garbage" * 4096)

    code, out, err = cli(capsys, "--db", str(store), "restore", str(backup), "--json")

    assert code == 0, err
    kept = Path(json.loads(out)["previous_copy"])
    assert kept.read_bytes().startswith(b"\x00disk error garbage")
    code, out, _ = cli(capsys, "--db", str(store), "stats", "--json")
    assert code == 0 and json.loads(out)["innovations"] == 3


def test_a_profile_of_an_old_record_with_a_huge_text_is_made_quickly(
    db, db_path, operator, verifier, make_values, capsys, tmp_path
):
    with db.transaction() as s:
        record = create_innovation(s, operator, make_values()).id
        submit(s, operator, record)
    with db.transaction() as s:
        verify(s, verifier, record, VerificationInput("rejected", "desk", notes="Catatan awal"))
    db.close()
    con = sqlite3.connect(db_path)  # as an older app, without the length limits, left it
    con.execute("UPDATE innovations SET summary = ?, title = ? WHERE id = ?", (HUGE, HUGE, record))
    con.execute("UPDATE verifications SET notes = ?", ("x" * 400_000,))
    con.commit()
    con.close()

    for kind in (f"innovation:{record}", "verification"):
        started = time.monotonic()
        code, _, err = cli(capsys, "--db", str(db_path), "report", kind, str(tmp_path / "p.pdf"))
        assert code == 0, err
        assert time.monotonic() - started < 30


def test_leftovers_of_a_killed_restore_go_at_the_next_start(store, capsys):
    dead = store.with_name(f".{store.name}.part-999999999")
    old_style = store.with_name(f".{store.name}.restore-999999998.tmp")
    for leftover in (dead, old_style):
        leftover.write_bytes(b"x" * 1000)
    assert cli(capsys, "--db", str(store), "stats")[0] == 0
    assert not dead.exists() and not old_style.exists()


@pytest.fixture
def read_only_media(tmp_path: Path):
    """A tmpfs mounted read-only, as a write-protected USB stick (needs root)."""
    media = tmp_path / "usb"
    media.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(media)], capture_output=True)
    if mounted.returncode:
        pytest.skip("cannot mount a file system here")
    try:
        yield media
    finally:
        subprocess.run(["umount", "-l", str(media)], capture_output=True)


def remount_read_only(media: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)


def test_stores_and_backups_on_read_only_media(store, read_only_media, capsys, tmp_path):
    wal_store = read_only_media / "wal.db"
    db = open_database(wal_store)  # a live store in WAL mode, as the app keeps it
    db.close()
    assert cli(capsys, "--db", str(wal_store), "demo", "--innovations", "2")[0] == 0
    backup = read_only_media / "cadangan.db"
    assert cli(capsys, "--db", str(store), "backup", str(backup))[0] == 0
    remount_read_only(read_only_media)

    code, _, err = cli(capsys, "--db", str(wal_store), "stats")
    one_line(code, err, 3)
    assert "read-only" in err and "corrupt" not in err

    for source, records in ((backup, 3), (wal_store, 2)):
        live = tmp_path / f"pulih-{source.stem}.db"
        code, out, err = cli(capsys, "--db", str(live), "restore", str(source), "--json")
        assert code == 0, err
        code, out, _ = cli(capsys, "--db", str(live), "stats", "--json")
        assert json.loads(out)["innovations"] == records
