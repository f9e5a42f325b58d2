"""The app's log: a rotating file in its folder with the start, the store opened and migrated,
imports, files written, failures with their tracebacks; and the details "Salin detail" copies."""

from __future__ import annotations

import logging

import pytest

from jipp_desktop import __version__, app_log
from jipp_desktop.cli.main import main
from jipp_desktop.db.engine import open_database

from .spreadsheet_files import row, write_xlsx
from .test_migrations import make_store_at


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "log"
    monkeypatch.setenv(app_log.LOG_DIR_ENV, str(folder))
    yield folder
    logging.getLogger().removeHandler(app_log._handler)  # the next test starts afresh
    app_log._handler = None


def cli(*args: str) -> int:
    with pytest.raises(SystemExit) as info:
        main(list(args))
    return int(info.value.code or 0)


def log_text(folder) -> str:
    return (folder / app_log.LOG_NAME).read_text(encoding="utf-8")


def test_a_command_logs_its_start_the_store_the_import_and_the_files_it_wrote(
    log_dir, db_path, operator, tmp_path
):
    source = write_xlsx(tmp_path / "kiriman.xlsx", [row(1), row(2, Tahap="Penciptan")])
    errors = tmp_path / "kesalahan.xlsx"

    code = cli("--db", str(db_path), "--as", operator.name, "import", str(source),
               "--errors", str(errors))  # fmt: skip

    assert code == 0
    text = log_text(log_dir)
    assert f"start jipp-desktop {__version__}" in text and "command import" in text
    assert f"store {db_path} opened (schema" in text
    assert "import kiriman.xlsx (xlsx, sheet" in text and f"by {operator.name}" in text
    assert "new 1, updated 0, duplicates 0, invalid 1, verified 0, committed" in text
    assert f"wrote {errors} (" in text
    assert app_log.log_path() == log_dir / app_log.LOG_NAME


def test_an_upgrade_is_logged_with_its_backup(log_dir, tmp_path):
    path = tmp_path / "lama.db"
    make_store_at(path, "0001")
    app_log.start_logging()

    db = open_database(path)
    db.close()

    text = log_text(log_dir)
    assert f"store {path} migrated from 0001 to" in text
    assert f"(backup {db.backup_path})" in text and ".before-0001-" in text


def test_a_failure_is_one_line_on_stderr_and_its_traceback_in_the_log(
    log_dir, db_path, capsys, tmp_path
):
    code = cli("--db", str(db_path), "letter", "tidak-ada", str(tmp_path / "surat.pdf"))

    assert code != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    text = log_text(log_dir)
    assert "WARNING" in text and "failed: " in text and "Traceback (most recent call last)" in text


def test_the_log_rotates_and_keeps_five_older_files(log_dir, monkeypatch):
    monkeypatch.setattr(app_log, "MAX_BYTES", 2000)
    app_log.start_logging()
    for i in range(400):
        logging.getLogger("jipp_desktop.test").info("baris %d %s", i, "x" * 40)

    names = sorted(p.name for p in log_dir.iterdir())
    assert names == [app_log.LOG_NAME] + [f"{app_log.LOG_NAME}.{i}" for i in range(1, 6)]
    assert all(p.stat().st_size <= 2100 for p in log_dir.iterdir())
    assert app_log.last_lines(3)[-1].endswith(f"baris 399 {'x' * 40}")


def test_other_libraries_log_only_warnings(log_dir):
    app_log.start_logging()
    logging.getLogger("sqlalchemy.engine").info("SELECT 1")
    logging.getLogger("urllib3").warning("connection pool is full")
    logging.getLogger("sync.client").info("push batch b-1: 0 changes")

    text = log_text(log_dir)
    assert "SELECT 1" not in text
    assert "connection pool is full" in text and "push batch b-1" in text


def test_details_hold_version_platform_traceback_and_the_last_log_lines(log_dir):
    app_log.start_logging()
    logging.getLogger("ui.forms").info("form opened")
    try:
        {}["judul"]
    except KeyError as exc:
        error = exc

    text = app_log.details(error)

    assert text.startswith(f"JIPP Desktop {__version__}\n")
    assert "Python" in text and str(log_dir / app_log.LOG_NAME) in text
    assert "Traceback (most recent call last)" in text and "KeyError: 'judul'" in text
    assert text.rstrip().endswith("ui.forms: form opened")


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv(app_log.LOG_DIR_ENV, str(blocker / "log"))

    assert app_log.start_logging() is None
    assert "log" in capsys.readouterr().err
