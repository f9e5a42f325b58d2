"""Background jobs: results come back on the GUI thread; cancel stops at the next progress
report; work that finished is reported as done even if Cancel came after its last report."""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.progress import Cancelled
from ui.jobs import JobRunner, run_with_progress


def test_result_and_progress_reach_the_gui_thread(qapp, qtbot) -> None:
    runner = JobRunner()
    seen: list[tuple[int, int]] = []
    threads: list[bool] = []
    results: list[int] = []

    def work(progress: Any) -> int:
        for i in range(3):
            progress(i + 1, 3)
        return 42

    def progressed(done: int, total: int) -> None:
        seen.append((done, total))

    def succeeded(value: int) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        results.append(value)

    runner.start(work, succeeded, progress=progressed)
    qtbot.waitUntil(lambda: results == [42])
    assert threads == [True]
    qtbot.waitUntil(lambda: seen[-1:] == [(3, 3)])


def test_cancel_stops_at_the_next_progress_report(qapp, qtbot) -> None:
    runner = JobRunner()
    started = threading.Event()
    go_on = threading.Event()
    reached: list[int] = []

    def work(progress: Any) -> None:
        started.set()
        go_on.wait(5)
        for i in range(100):
            progress(i, 100)
            reached.append(i)

    job = runner.start(work)
    started.wait(5)
    job.cancel()
    with qtbot.waitSignal(job.signals.failed) as failed:
        go_on.set()
    assert isinstance(failed.args[0], Cancelled)
    assert reached == []


def test_work_that_finished_is_done_even_if_cancel_came_late(qapp, qtbot) -> None:
    runner = JobRunner()
    holder: dict[str, Any] = {}
    committed = threading.Event()
    ready = threading.Event()

    def work(progress: Any) -> str:
        ready.wait(5)
        progress(1, 1)
        holder["job"].cancel()  # the officer presses Cancel after the last report
        committed.set()
        return "committed"

    job = runner.start(work, writes=True)
    holder["job"] = job
    # Listening before the work may finish: its result could otherwise come first.
    with qtbot.waitSignal(job.signals.succeeded) as done:
        ready.set()
    assert done.args == ["committed"] and committed.is_set()
    runner.wait_idle()


def test_a_refusal_is_logged_without_a_traceback_and_a_fault_with_one(qapp, qtbot, caplog):
    runner = JobRunner()
    failures: list[Exception] = []

    def refused(progress: Any) -> None:
        raise ServiceError("judul wajib diisi", "the title is required")

    def broken(progress: Any) -> None:
        raise ZeroDivisionError("division by zero")

    with caplog.at_level(logging.INFO, logger="ui.jobs"):
        runner.start(refused, lambda _: None, failures.append)
        runner.start(broken, lambda _: None, failures.append)
        qtbot.waitUntil(lambda: len(failures) == 2)
    by_level = {r.levelno: r for r in caplog.records if r.name == "ui.jobs"}
    assert "judul wajib diisi" in by_level[logging.INFO].getMessage()
    assert by_level[logging.INFO].exc_info is None
    assert by_level[logging.WARNING].exc_info[0] is ZeroDivisionError


def test_work_that_cannot_stop_midway_shows_no_cancel_button(qapp, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = JobRunner()
    release = threading.Event()
    results: list[int] = []
    job = run_with_progress(
        runner, parent, "Memulihkan", lambda _p: release.wait(5) and 1, results.append,
        lambda _e: None, cancellable=False,
    )  # fmt: skip
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    assert not [b for b in dialog.findChildren(QPushButton) if b.isVisible() or b.text()]
    release.set()
    qtbot.waitUntil(lambda: results == [1])
    assert job.done.is_set()
