"""Background work: every job runs off the GUI thread, reports progress, can be cancelled, and
hands its result back to the GUI thread by signal.

Writes to the store go through one single-thread pool so they never race; reads use Qt's global
pool. Only the GUI thread touches widgets: workers emit signals, slots run on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.progress import Cancelled, ProgressFn


class JobSignals(QObject):
    """Signals of one job (a QRunnable cannot carry signals itself).

    Signals:
        progressed(done, total): work done so far.
        succeeded(result): the job's return value.
        failed(error): the exception it raised (Cancelled when cancelled).
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Runs ``work(progress)`` on a pool thread; ``cancel()`` makes the next progress call raise."""

    def __init__(self, work: Callable[[ProgressFn], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        """Asks the job to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        """Runs the work (on a pool thread)."""
        try:
            # Work that returned has finished (a write has committed): it succeeded, even when
            # Cancel was pressed after its last progress report.
            result = self._work(self._progress)
        except Cancelled as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # every failure goes back to the GUI as a message
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            if isinstance(exc, ServiceError):
                # A refusal the officer is shown (a rule, a missing field): no fault to trace.
                logging.getLogger(__name__).info("background job refused: %s", exc)
            else:
                logging.getLogger(__name__).warning("background job failed", exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.done.set()


class JobRunner(QObject):
    """Starts jobs: reads on Qt's global pool, writes one at a time on a pool of their own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self._running: set[Job] = set()

    def start(
        self,
        work: Callable[[ProgressFn], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        writes: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> Job:
        """Runs ``work`` in the background; the callbacks run on the GUI thread.

        Args:
            work: takes a progress callback ``(done, total)``; its return value goes to
                ``on_success``.
            on_success: called with the result.
            on_failure: called with the exception (``Cancelled`` when cancelled).
            writes: the job changes the store (runs on the single write thread).
            progress: called with progress reports.
        """
        job = Job(work)
        self._running.add(job)
        if progress:
            job.signals.progressed.connect(progress, Qt.ConnectionType.QueuedConnection)
        if on_success:
            job.signals.succeeded.connect(on_success, Qt.ConnectionType.QueuedConnection)
        if on_failure:
            job.signals.failed.connect(on_failure, Qt.ConnectionType.QueuedConnection)
        # Queued, so the GUI thread lets go of the job after its result was handled: dropped
        # on the pool thread, the job (and its signals object) could be freed while Qt still
        # delivers its queued signals or finishes the runnable — a crash.
        queued = Qt.ConnectionType.QueuedConnection
        job.signals.succeeded.connect(lambda _r: self._running.discard(job), queued)
        job.signals.failed.connect(lambda _e: self._running.discard(job), queued)
        (self.write_pool if writes else QThreadPool.globalInstance()).start(job)
        return job

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Waits for running jobs (used at shutdown and in tests)."""
        ok = self.write_pool.waitForDone(msecs)
        return QThreadPool.globalInstance().waitForDone(msecs) and ok


def run_with_progress(
    runner: JobRunner,
    parent: QWidget,
    title: str,
    work: Callable[[ProgressFn], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    *,
    writes: bool = False,
    cancellable: bool = True,
) -> Job:
    """Runs a long job behind a progress dialog (shown after 300 ms), with a Cancel button
    unless the work cannot stop midway (``cancellable=False``: a backup's copy, a restore)."""
    cancel = QCoreApplication.translate("run_with_progress", "Batal")
    dialog = QProgressDialog(title, cancel, 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def finish(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def handler(value: Any) -> None:
            dialog.close()
            dialog.deleteLater()
            callback(value)

        return handler

    job = runner.start(
        work, finish(on_success), finish(on_failure), writes=writes, progress=progressed
    )
    dialog.canceled.connect(job.cancel)
    # Tied to the dialog: a job that finishes at once deletes it before this timer fires.
    QTimer.singleShot(0, dialog, lambda: dialog.setValue(0))
    return job
