"""GUI fixtures: an AppContext over a fresh store with settings in a temporary file, the main
window, helpers to fill the innovation form like an officer would, to wait for a queued save,
and a log of the store's writes (which use case, on which thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from jipp_desktop.db.engine import Database
from jipp_desktop.services.innovations import create_innovation, insert_innovations
from jipp_desktop.services.officers import Actor
from tests.conftest import innovation_values
from ui.context import AppContext
from ui.i18n import install_language


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(qapp: QApplication, db: Database, operator: Actor, settings: QSettings) -> Iterator[Any]:
    install_language("id")
    context = AppContext(db, operator, settings, "id")
    yield context
    context.jobs.wait_idle()
    for widget in QApplication.topLevelWidgets():
        widget.close()
    qapp.processEvents()
    context.jobs.wait_idle()


@pytest.fixture
def window(ctx: AppContext, qtbot: Any) -> Any:
    from ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win


def add_innovations(db: Database, actor: Actor, n: int, **changes: Any) -> list[str]:
    """Stores ``n`` complete records through the bulk path (titles numbered)."""
    from jipp_desktop.domain.validation import validate_innovation
    from jipp_desktop.services.lookup import StoreLookup

    with db.transaction() as s:
        lookup = StoreLookup(s)
        rows = []
        for i in range(n):
            values = innovation_values(title=f"Inovasi Contoh Nomor {i:05d}", **changes)
            cleaned, errors = validate_innovation(values, lookup)
            assert not errors, errors
            rows.append(cleaned)
        return insert_innovations(s, actor, rows)


def add_innovation(db: Database, actor: Actor, **changes: Any) -> str:
    """Stores one record through the service (audited like a form save)."""
    with db.transaction() as s:
        return create_innovation(s, actor, innovation_values(**changes)).id


def on_threads(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[bool]:
    """Replaces ``module.name`` by itself noting, for each call, whether it ran on the GUI
    thread (a read the GUI must do in the background)."""
    real = getattr(module, name)
    on_gui: list[bool] = []

    def watched(*args: Any, **kwargs: Any) -> Any:
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, watched)
    return on_gui


def settle(ctx: AppContext) -> None:
    """Waits for background reads (e.g. the list's filter) and delivers their results."""
    ctx.jobs.wait_idle()
    QApplication.processEvents()


def settled(qtbot: Any, widget: Any, start: Callable[[], object], timeout: int = 10_000) -> bool:
    """Starts a queued change of ``widget`` (``start()``, e.g. ``form.save_draft``) and waits for
    its ``settled`` signal; whether the change was stored. A change refused before it is queued
    (``start()`` returns False) is False at once."""
    with qtbot.waitSignal(widget.settled, timeout=timeout, raising=False) as blocker:
        queued = start()
    if queued is False:
        return False
    assert blocker.signal_triggered, "the queued change did not end in time"
    return bool(blocker.args[0])


@dataclass
class WriteLog:
    """The store's writes during a test.

    Attributes:
        use_cases: (use case name, ran on the GUI thread) of each change run through
            ``ui.writes`` (``services.change_set.perform`` / ``perform_with_store``).
        gui_thread_writes: write transactions begun on the GUI thread (by any path).
        changes: each change set the app context announced, with its initiator.
    """

    use_cases: list[tuple[str, bool]] = field(default_factory=list)
    gui_thread_writes: int = 0
    changes: list[tuple[Any, Any]] = field(default_factory=list)
    began: Callable[[Any], None] | None = None

    def clear(self) -> None:
        """Forgets what was logged (the test's own setup writes on the GUI thread)."""
        self.use_cases.clear()
        self.gui_thread_writes = 0
        self.changes.clear()

    def names(self) -> list[str]:
        """The use cases run, in order."""
        return [name for name, _ in self.use_cases]

    def all_off_the_gui_thread(self) -> bool:
        """Whether every change ran on the write thread and no write began on the GUI one."""
        return self.gui_thread_writes == 0 and not any(on_gui for _, on_gui in self.use_cases)


@pytest.fixture
def writes(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[WriteLog]:
    """Logs which use cases the GUI runs, on which thread, and the change sets announced."""
    from sqlalchemy import event

    log = watch_writes(ctx, monkeypatch)
    yield log
    event.remove(ctx.db.engine, "begin", log.began)


def watch_writes(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> WriteLog:
    """A :class:`WriteLog` of ``ctx`` from now on (see the ``writes`` fixture)."""
    from sqlalchemy import event

    from jipp_desktop.db.engine import WRITE_OPTION
    from jipp_desktop.services import change_set

    log = WriteLog()

    def on_gui() -> bool:
        return threading.current_thread() is threading.main_thread()

    def began(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION) and on_gui():
            log.gui_thread_writes += 1

    def spy(real: Callable[..., Any]) -> Callable[..., Any]:
        def run(db: Database, use_case: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            log.use_cases.append((use_case.__name__, on_gui()))
            return real(db, use_case, *args, **kwargs)

        return run

    monkeypatch.setattr(change_set, "perform", spy(change_set.perform))
    monkeypatch.setattr(change_set, "perform_with_store", spy(change_set.perform_with_store))
    log.began = began
    event.listen(ctx.db.engine, "begin", began)
    ctx.changed.connect(lambda changes, initiator: log.changes.append((changes, initiator)))
    return log
