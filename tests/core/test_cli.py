"""The data commands of the command-line contract (docs/ARCHITECTURE.md): names, options, JSON
keys, and a one-line reason with a non-zero exit for every failure."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jipp_desktop import __version__
from jipp_desktop.cli.main import main

STATS_KEYS = {
    "innovations",
    "agencies",
    "hubs",
    "commitments",
    "verifications",
    "provinces",
    "regencies",
    "cities",
    "pending_changes",
    "by_phase",
    "by_workflow",
    "by_continuation",
}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Runs `jipp-desktop ARGS` in this process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


def js(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    return json.loads(out)


def one_line_failure(code: int, err: str) -> None:
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.strip() == f"jipp-desktop {__version__}"


def test_stats_json_keys_and_sums(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    stats = js(capsys, "--db", str(demo_path), "stats", "--json")
    assert set(stats) >= STATS_KEYS
    assert stats["innovations"] == 120
    assert (stats["provinces"], stats["regencies"], stats["cities"]) == (38, 416, 98)
    for key in ("by_phase", "by_workflow", "by_continuation"):
        assert sum(stats[key].values()) == 120
    assert stats["commitments"] >= 3 and stats["verifications"] > 0 and stats["hubs"] == 35
    assert stats["pending_changes"] == 0  # demo data is never pushed, so never pending


def test_stats_human_text(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    code, out, _ = cli(capsys, "--db", str(demo_path), "stats")
    assert code == 0 and "Inovasi: 120" in out and "Provinsi: 38" in out
    code, out, _ = cli(capsys, "--lang", "en", "--db", str(demo_path), "stats")
    assert code == 0 and "Innovations: 120" in out and "Provinces: 38" in out


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("innovations", "title"),
        ("agencies", "name"),
        ("hubs", "name"),
        ("commitments", "title"),
        ("verifications", "title"),
    ],
)
def test_list_each_kind(
    capsys: pytest.CaptureFixture[str], demo_path: Path, kind: str, name: str
) -> None:
    items = js(capsys, "--db", str(demo_path), "list", kind, "--limit", "3", "--json")
    assert 1 <= len(items) <= 3
    for item in items:
        assert item["id"] and item[name]


def test_list_commitments_holds_the_joint_commitment(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    items = js(capsys, "--db", str(demo_path), "list", "commitments", "--json")
    joint = [c for c in items if c["signed_on"] == "2023-10-20"]
    assert len(joint) == 1 and joint[0]["place"] == "Jakarta" and joint[0]["signatories"] == 12


def test_search_finds_a_listed_innovation(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    first = js(capsys, "--db", str(demo_path), "list", "innovations", "--limit", "1", "--json")[0]
    word = max(first["title"].split(), key=len)
    hits = js(capsys, "--db", str(demo_path), "search", word, "--json")
    assert first["id"] in [h["id"] for h in hits]
    assert all(h["title"] for h in hits)
    limited = js(capsys, "--db", str(demo_path), "search", word, "--limit", "1", "--json")
    assert len(limited) == 1


def test_search_without_a_word_is_refused(
    capsys: pytest.CaptureFixture[str], demo_path: Path
) -> None:
    code, _, err = cli(capsys, "--db", str(demo_path), "search", "?!")
    one_line_failure(code, err)
    assert "tidak berisi kata" in err


@pytest.mark.parametrize(
    "args",
    [
        ("list", "officers", "--json"),
        ("list", "innovations", "--limit", "0"),
        ("list", "innovations", "--limit", "many"),
        ("demo", "--innovations", "-5"),
        ("stats", "--bogus"),
        ("restore",),
    ],
)
def test_bad_arguments_give_one_line(
    capsys: pytest.CaptureFixture[str], demo_path: Path, args: tuple[str, ...]
) -> None:
    code, _, err = cli(capsys, "--db", str(demo_path), *args)
    one_line_failure(code, err)
    assert code == 2


def test_corrupt_database_gives_one_line_and_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    code, _, err = cli(capsys, "--db", str(bad), "stats", "--json")
    one_line_failure(code, err)
    assert "bad.db" in err
    assert bad.read_bytes() == b"not a database" * 200


def test_foreign_sqlite_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    code, _, err = cli(capsys, "--db", str(foreign), "--lang", "en", "stats")
    one_line_failure(code, err)
    assert "not a JIPP Desktop database" in err
    tables = sqlite3.connect(foreign).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("customers",)]


def test_jipp_db_environment_variable_chooses_the_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("JIPP_DB", str(path))
    assert js(capsys, "demo", "--innovations", "5", "--json")["database"] == str(path)
    assert js(capsys, "stats", "--json")["innovations"] == 5
    other = tmp_path / "explicit.db"
    assert js(capsys, "--db", str(other), "stats", "--json")["innovations"] == 0


def test_demo_twice_adds(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = str(tmp_path / "twice.db")
    js(capsys, "--db", path, "demo", "--innovations", "10", "--json")
    added = js(capsys, "--db", path, "demo", "--innovations", "15", "--json")
    assert added["innovations"] == 15
    assert js(capsys, "--db", path, "stats", "--json")["innovations"] == 25


def test_backup_and_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    live, copy = str(tmp_path / "live.db"), str(tmp_path / "copy.db")
    js(capsys, "--db", live, "demo", "--innovations", "8", "--json")
    assert js(capsys, "--db", live, "backup", copy, "--json")["backup"] == copy
    js(capsys, "--db", live, "demo", "--innovations", "4", "--json")
    assert js(capsys, "--db", live, "stats", "--json")["innovations"] == 12
    restored = js(capsys, "--db", live, "restore", copy, "--json")
    assert Path(restored["previous_copy"]).is_file()
    assert js(capsys, "--db", live, "stats", "--json")["innovations"] == 8
    assert js(capsys, "--db", restored["previous_copy"], "stats", "--json")["innovations"] == 12


def test_restore_of_a_bad_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    live = str(tmp_path / "live.db")
    js(capsys, "--db", live, "demo", "--innovations", "3", "--json")
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    code, _, err = cli(capsys, "--db", live, "restore", str(junk))
    one_line_failure(code, err)
    assert "bukan basis data SQLite" in err
    assert js(capsys, "--db", live, "stats", "--json")["innovations"] == 3
    assert sorted(p.name for p in tmp_path.glob("live.before-restore*")) == []


def test_the_installed_command_never_prints_a_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("jipp-desktop")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 500)
    p = subprocess.run(
        [str(exe), "--db", str(bad), "list", "innovations", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    one_line_failure(p.returncode, p.stderr)
    assert p.stdout == ""


def test_paths_that_cannot_be_a_store_give_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_path: Path
) -> None:
    blocker = tmp_path / "bukan-folder.txt"
    blocker.write_text("x")
    cases = [
        (("--db", str(tmp_path), "stats"), "ini folder, bukan berkas basis data"),
        (("--db", str(blocker / "jipp.db"), "stats"), "folder tidak dapat dibuat"),
        (("--db", str(demo_path), "backup", str(tmp_path)), "beri nama berkas cadangan"),
        (("--db", str(tmp_path / "x.db"), "restore", str(tmp_path)), "ini folder"),
    ]
    for args, reason in cases:
        code, _, err = cli(capsys, *args)
        one_line_failure(code, err)
        assert reason in err, (args, err)


def test_a_huge_limit_means_all(capsys: pytest.CaptureFixture[str], demo_path: Path) -> None:
    items = js(capsys, "--db", str(demo_path), "list", "innovations", "--limit", "9" * 25, "--json")
    assert len(items) == 120


def test_as_takes_a_whole_name_not_a_pattern(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, sheet = str(tmp_path / "o.db"), str(tmp_path / "t.xlsx")
    assert cli(capsys, "--db", db, "officer", "add", "Dewi Lestari", "--role", "operator")[0] == 0
    assert cli(capsys, "--db", db, "template", sheet)[0] == 0
    for pattern in ("%", "Dewi%", "_ewi Lestari"):
        code, _, err = cli(capsys, "--db", db, "--as", pattern, "import", sheet, "--dry-run")
        one_line_failure(code, err)
        assert "tidak ditemukan" in err
    # the whole name, in any case and spacing, finds the profile (the empty template is then
    # refused for having no data rows, which is another matter)
    _, _, err = cli(capsys, "--db", db, "--as", "dewi  lestari", "import", sheet, "--dry-run")
    assert "tidak ditemukan" not in err and "baris data" in err


def test_a_locked_store_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    db = tmp_path / "l.db"
    assert cli(capsys, "--db", str(db), "stats", "--json")[0] == 0
    monkeypatch.setattr("jipp_desktop.db.engine.BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db)
    holder.isolation_level = None
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = cli(
            capsys, "--db", str(db), "officer", "add", "Budi Santoso", "--role", "verifier"
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    one_line_failure(code, err)
    assert code == 3 and "sedang dipakai" in err
