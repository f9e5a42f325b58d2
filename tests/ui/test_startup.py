"""Start-up: the main window shows the list's first rows before the store is opened (with the
plain SQL kept from the last run), then opens the store, chooses the officer and carries on as
usual; a kept query that no longer fits is replaced; a real process proves the first screen
loads no SQLAlchemy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from jipp_desktop.cli.main import build_parser
from jipp_desktop.db import engine
from jipp_desktop.db.engine import Database
from jipp_desktop.db.schema import StoreError
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services.search import list_innovations
from tests.ui.conftest import add_innovations, settle
from ui.app import FinishStart, run_gui
from ui.context import AppContext
from ui.main_window import PAGE_KEY, MainWindow
from ui.models.innovation_list import FIRST_PAGE_KEY, PAGE
from ui.profile_dialog import ProfileDialog

COUNT = PAGE + 30


@pytest.fixture
def kept(ctx, operator, qtbot):
    """A store of COUNT records that a first run has shown (so its first page SQL is kept)."""
    add_innovations(ctx.db, operator, COUNT)
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    settle(ctx)
    first.close()
    assert json.loads(ctx.settings.value(FIRST_PAGE_KEY))["view"]
    ctx.db.close()
    return ctx


def starting(ctx: AppContext, qtbot) -> tuple[AppContext, MainWindow]:
    """The next run's context and window, as ``run_gui`` makes them before the store opens."""
    again = AppContext(None, None, ctx.settings, "id", store_path=ctx.db.path)
    window = MainWindow(again)
    qtbot.addWidget(window)
    return again, window


def first_ids(db: Database, n: int) -> list[str]:
    with db.session() as s:
        return [r[0] for r in list_innovations(s, InnovationFilter(), limit=n)]


def test_first_rows_show_before_the_store_opens_then_everything_carries_on(kept, operator, qtbot):
    ctx, window = starting(kept, qtbot)
    page = window.page("innovations")
    assert not ctx.store_open
    assert page.model.rowCount() == COUNT
    assert page.count_label.text() == f"{COUNT} inovasi"
    assert page.model.data(page.model.index(0, 1)).startswith("Inovasi Contoh Nomor")
    assert window.windowTitle() == f"JIPP Desktop — {ctx.store_path.name}"
    assert window.status.currentMessage() == "Membuka basis data…"

    ids = []
    page.model.ids_loaded.connect(lambda: ids.append(True))
    FinishStart(ctx, window, operator.name)
    window.show()
    qtbot.waitUntil(lambda: ctx.is_ready)
    settle(ctx)
    # Read in the background once the store is open; on a loaded machine it may come later.
    qtbot.waitUntil(lambda: bool(ids), timeout=15_000)
    assert ids, "the ids of the whole list are read once the store is open"
    assert window.windowTitle().startswith(f"JIPP Desktop — {operator.name} (Operator)")
    assert window.status.currentMessage() == ""
    qtbot.waitUntil(lambda: window.status.pending.text() == f"Belum disinkronkan: {COUNT}")
    qtbot.waitUntil(lambda: page.filters.province.count() > 1)
    shown = [page.model.innovation_id(r) for r in range(PAGE + 10)]
    assert shown == first_ids(ctx.db, PAGE + 10)


def test_kept_sql_that_is_not_what_the_app_compiles_now_is_read_again(kept, operator, qtbot):
    # A kept query from another version: same view, but another order among equal times.
    query = json.loads(kept.settings.value(FIRST_PAGE_KEY))
    assert "innovations.id\n LIMIT" in query["page_sql"]
    query["page_sql"] = query["page_sql"].replace("innovations.id\n", "innovations.id DESC\n")
    kept.settings.setValue(FIRST_PAGE_KEY, json.dumps(query))
    ctx, window = starting(kept, qtbot)
    model = window.page("innovations").model
    assert not ctx.store_open
    newest = first_ids(kept.db, 1)[0]
    assert model.innovation_id(0) != newest
    ctx.db  # noqa: B018 - opens the store, as the start-up does
    qtbot.waitUntil(lambda: model.innovation_id(0) == newest)
    assert json.loads(ctx.settings.value(FIRST_PAGE_KEY))["page_sql"].count("DESC") == 1


def test_without_a_kept_query_the_list_fills_once_the_store_is_open(ctx, operator, qtbot):
    add_innovations(ctx.db, operator, 3)
    ctx.db.close()
    again, window = starting(ctx, qtbot)
    page = window.page("innovations")
    # The window shows at once; the store (maybe a migration) opens in the background.
    assert not again.store_open
    assert page.model.rowCount() == 0 and page.count_label.text() == "Memuat…"
    again.open_in_background(lambda: None, lambda _e: None)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count_label.text() == "3 inovasi"
    assert again.settings.value(FIRST_PAGE_KEY)


def test_a_filtered_view_is_kept_and_shown_at_the_next_start(kept, qtbot):
    ctx, window = starting(kept, qtbot)
    ctx.db  # noqa: B018
    page = window.page("innovations")
    page.filters.search.setText("Nomor 0001")
    page.filters.search.returnPressed.emit()
    settle(ctx)
    assert page.model.rowCount() == 10
    ctx.db.close()
    again, window = starting(ctx, qtbot)
    assert not again.store_open
    assert window.page("innovations").model.rowCount() == 10


def test_without_as_the_profile_dialog_asks_over_the_window(kept, operator, qtbot):
    ctx, window = starting(kept, qtbot)
    seen: list[tuple[object, str]] = []

    def choose() -> None:
        # Runs inside the dialog's own event loop, as the officer would click.
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileDialog)]
        # The status bar reads its counts off the GUI thread: while the dialog is up they
        # arrive (a loaded machine may take a moment).
        if not found or not found[0].isVisible() or window.status.pending.text() == "Memuat…":
            QTimer.singleShot(20, choose)
            return
        chooser = found[0]
        names = [chooser.profiles.item(i).text() for i in range(chooser.profiles.count())]
        # Over the main window, whose status bar no longer says the store is being opened and
        # shows the changes not yet synced.
        seen.append((chooser.parent(), window.status.currentMessage()))
        seen.append((None, window.status.pending.text()))
        chooser.profiles.setCurrentRow(next(i for i, n in enumerate(names) if operator.name in n))
        chooser.accept()

    QTimer.singleShot(0, choose)
    start = FinishStart(ctx, window, None)
    window.show()
    qtbot.waitUntil(lambda: ctx.is_ready)
    assert seen == [(window, ""), (None, f"Belum disinkronkan: {COUNT}")]
    assert ctx.actor.id == operator.id
    assert start.exit_code is None


def run_app(store: Path, config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        JIPP_STARTUP_PROBE="first-rows",
    )
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", str(store), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_real_start_shows_the_first_rows_without_sqlalchemy(db, operator, tmp_path):
    add_innovations(db, operator, 5)
    db.close()
    first = run_app(db.path, tmp_path / "config", "--as", operator.name)
    assert first.returncode == 0, first.stderr
    # The first run ever has no kept query: it opens the store to show the list.
    assert first.stdout.split() == ["first-rows", "sqlalchemy-loaded", "1"]
    again = run_app(db.path, tmp_path / "config", "--as", operator.name)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == ["first-rows", "sqlalchemy-loaded", "0"]


def test_an_unknown_officer_is_one_line_and_exit_1(db, tmp_path):
    db.close()
    done = run_app(db.path, tmp_path / "config", "--as", "Tidak Ada")
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("jipp-desktop:")]
    assert len(lines) == 1 and "Tidak Ada" in lines[0]


def test_cancelling_the_profile_dialog_ends_the_app(kept, qtbot):
    ctx, window = starting(kept, qtbot)

    def cancel() -> None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ProfileDialog)]
        if found and found[0].isVisible():
            found[0].reject()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(0, cancel)
    start = FinishStart(ctx, window, None)
    window.show()
    qtbot.waitUntil(lambda: start.exit_code is not None)
    assert start.exit_code == 0
    assert not ctx.is_ready


def test_a_file_that_is_not_a_store_is_a_message_and_exit_3(tmp_path, qapp, monkeypatch):
    bad = tmp_path / "catatan.db"
    bad.write_text("bukan basis data")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    args = build_parser().parse_args(["--db", str(bad), "--as", "Siapa Saja"])
    assert run_gui(args) == 3
    assert len(shown) == 1 and "catatan.db" in shown[0] and "SQLite" in shown[0]
    assert bad.read_text() == "bukan basis data"


def test_another_remembered_page_shows_once_the_officer_is_chosen(kept, operator, qtbot):
    kept.settings.setValue(PAGE_KEY, "settings")
    ctx, window = starting(kept, qtbot)
    assert window.current_page_key() == "settings"
    assert window.stack.count() == 0  # nothing that needs the officer is built yet
    FinishStart(ctx, window, operator.name)
    window.show()
    qtbot.waitUntil(lambda: ctx.is_ready)
    page = window.stack.currentWidget()
    assert page is window.page("settings")
    assert operator.name in {label.text().split(" — ")[0] for label in page.findChildren(QLabel)}


def slow_open(monkeypatch, calls: list[Path]) -> None:
    """Makes opening the store take 0.4 s longer (a big store, a migration), counting opens."""
    real = engine.open_database

    def opening(path, **kwargs):
        calls.append(Path(path))
        time.sleep(0.4)
        return real(path, **kwargs)

    monkeypatch.setattr(engine, "open_database", opening)


def test_the_window_keeps_working_while_the_store_opens(kept, operator, qtbot, monkeypatch):
    calls: list[Path] = []
    slow_open(monkeypatch, calls)
    ctx, window = starting(kept, qtbot)
    ticks: list[bool] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(ctx.store_open))
    timer.start(20)
    FinishStart(ctx, window, operator.name)
    window.show()
    qtbot.waitUntil(lambda: ctx.is_ready, timeout=10000)
    # The GUI thread went on handling events all the while the store was being opened.
    assert ticks.count(False) >= 10
    assert calls == [ctx.store_path]


def test_the_list_waits_for_the_store_being_opened_instead_of_opening_it_twice(
    kept, operator, qtbot, monkeypatch
):
    calls: list[Path] = []
    slow_open(monkeypatch, calls)
    ctx, window = starting(kept, qtbot)
    opened: list[bool] = []
    ctx.open_in_background(lambda: opened.append(True), lambda e: opened.append(False))
    model = window.page("innovations").model
    # Scrolling past the first page needs the store now: it waits for the one being opened.
    assert model.innovation_id(PAGE + 5) is not None
    assert ctx.store_open
    qtbot.waitUntil(lambda: opened == [True])
    assert len(calls) == 1


def test_actions_before_the_officer_is_chosen_wait_for_it(kept, operator, qtbot):
    from ui.forms.innovation_form import InnovationForm

    ctx, window = starting(kept, qtbot)
    window.show()
    # Pressed while the store is still opening: nothing fails, nothing is lost.
    window.new_action.trigger()
    window.new_action.trigger()
    window.nav.setCurrentRow(0)  # Beranda
    assert window.stack.count() == 1  # only the list so far
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, InnovationForm)]
    ctx.db  # noqa: B018
    ctx.set_actor(operator)
    forms = [w for w in QApplication.topLevelWidgets() if isinstance(w, InnovationForm)]
    assert len(forms) == 1 and forms[0].isVisible()  # pressed twice, opened once
    assert window.current_page_key() == "dashboard"
    assert window.stack.currentWidget() is window.page("dashboard")


def test_a_store_that_fails_to_open_after_the_first_rows_ends_the_app(
    kept, operator, qtbot, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))

    def refuse(path, **_kwargs):
        raise StoreError(f"{path}: skema 0999 lebih baru dari aplikasi ini")

    monkeypatch.setattr(engine, "open_database", refuse)
    ctx, window = starting(kept, qtbot)
    assert window.page("innovations").model.rowCount() == COUNT
    start = FinishStart(ctx, window, operator.name)
    codes: list[int] = []
    start.ended.connect(codes.append)
    window.show()
    qtbot.waitUntil(lambda: codes != [])
    assert codes == [3] and start.exit_code == 3
    assert len(shown) == 1 and "0999" in shown[0]
    assert not ctx.is_ready


def test_an_unknown_officer_with_a_kept_first_page_is_one_line_and_exit_1(db, operator, tmp_path):
    add_innovations(db, operator, 2)
    db.close()
    assert run_app(db.path, tmp_path / "config", "--as", operator.name).returncode == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", str(db.path), "--as", "Tidak Ada"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("jipp-desktop:")]
    assert len(lines) == 1 and "Tidak Ada" in lines[0]


def test_ctrl_c_in_the_terminal_ends_the_app_with_130(qapp, monkeypatch, capsys):
    from ui import app

    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: codes.append(code))
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: boxes.append(args[2]))
    app._report_unexpected(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert codes == [130] and boxes == []
    assert capsys.readouterr().err == "jipp-desktop: dibatalkan / cancelled\n"
