"""The one way the GUI changes data (after Anki's ``CollectionOp``): a use case — a core service
function, e.g. ``save_innovation`` or ``create_agency`` — run on the single write thread, one at
a time, in one transaction (``jipp_desktop.services.change_set.perform``).

``ctx.writes.run(initiator, use_case, *args, done=…, failed=…)`` queues the call and returns at
once: the window keeps repainting while the write waits for the store (another program or the
sync may hold its lock). When it has committed, ``done`` gets the use case's result and the app
context's ``changed`` signal carries the change set (which records of which kinds changed) with
the initiator to every page, the status bar and the dashboard, each deciding itself whether to
read again. A failure goes to ``failed`` (or a message box); nothing of it was stored.
``pending`` counts the writes queued or running (the status bar says "Menyimpan…"); the main
window waits for them before the app exits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import isValid

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.progress import Cancelled, ProgressFn
from ui.jobs import Job, run_with_progress

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import Performed
    from ui.context import AppContext

CORE = "jipp_desktop."


def failure_text(error: BaseException, lang: str) -> str:
    """What the officer reads of a write (or read) that failed, in the officer's language: a
    service's own message, SQLite's in words (:func:`store_refusal`: e.g. another program held
    the store past the busy timeout), or the error's kind and text."""
    from jipp_desktop.db.schema import describe_failure

    if isinstance(error, ServiceError):
        return error.message(lang)
    refusal = store_refusal(error)
    if refusal is not None:
        return refusal.message(lang)
    return describe_failure(error)


def store_refusal(error: BaseException) -> ServiceError | None:
    """SQLite's failure as a refusal with an Indonesian and an English message, as a service
    words its own (None for an error SQLite did not raise).

    ``jipp_desktop.db.schema.describe_database_error`` says both languages in one line (for the
    command line and the log); the GUI shows the officer's language only. "database is locked"
    is what SQLite says when another connection (a sync, an import, another program) kept the
    write lock longer than the store's busy timeout (``db.engine.BUSY_TIMEOUT_MS``).
    """
    from jipp_desktop.db.schema import is_database_error

    if not is_database_error(error):
        return None
    detail = str(getattr(error, "orig", None) or error)
    if "locked" in detail or "busy" in detail:
        return ServiceError(
            "basis data sedang dipakai program lain (mis. sinkronisasi, impor, atau jendela "
            "lain) terlalu lama; coba lagi sebentar lagi",
            "the database was held by another program (e.g. a sync, an import or another "
            "window) for too long; try again shortly",
        )
    if "readonly" in detail or "read-only" in detail:
        return ServiceError(
            "basis data hanya dapat dibaca; periksa izin berkasnya",
            "the database is read-only; check the file's permissions",
        )
    return ServiceError(f"kesalahan basis data: {detail}", f"database error: {detail}")


class WriteQueue(QObject):
    """Runs the GUI's changes on the write thread and tells the app what they changed.

    Attributes:
        refused: how many writes have failed so far (nothing of them was stored).

    Signals:
        pending_changed(count): writes queued or running (0: all done).
    """

    pending_changed = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self._ctx = ctx
        self._pending = 0
        self.refused = 0

    @property
    def pending(self) -> int:
        """How many writes are queued or running."""
        return self._pending

    def run(
        self,
        initiator: QWidget | None,
        use_case: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress_title: str | None = None,
        with_store: bool = False,
        **kwargs: Any,
    ) -> Job:
        """Queues one call of a use case on the write thread.

        Args:
            initiator: the widget the officer acted in (parent of messages and of the progress
                dialog; told with the change set, so that it can tell its own change).
            use_case: a core service function taking the session first (``with_store``: the
                store first, for one that opens its own transaction, like the import).
            *args: the rest of its arguments.
            done: called on the GUI thread with its result once committed.
            failed: called on the GUI thread with the error (nothing was stored); without it,
                a message box says why.
            progress_title: a long use case: it gets a ``progress`` callback, and a progress
                dialog with Cancel shows under this title.
            with_store: see ``use_case``.
            **kwargs: its keyword arguments.

        Raises:
            TypeError: ``use_case`` is not a core service function (a lambda or a GUI function
                assembling a transaction of its own).
        """
        module = getattr(use_case, "__module__", "") or ""
        if not module.startswith(CORE) or getattr(use_case, "__name__", "") == "<lambda>":
            raise TypeError(f"{use_case!r}: a change runs one core service function")
        db = self._ctx.db
        ctx = self._ctx

        def work(progress: ProgressFn) -> Performed[Any]:
            from jipp_desktop.services.change_set import perform, perform_with_store

            call_kwargs = {**kwargs, "progress": progress} if progress_title else kwargs
            run = perform_with_store if with_store else perform
            return run(db, use_case, *args, **call_kwargs)

        # The count drops after the callbacks: whoever waits for the queue to empty (the main
        # window quitting) sees the initiator's own reaction (a form closing itself) first.
        # A window closed meanwhile (its widgets gone) gets no callback; the views are told.
        def succeeded(performed: Performed[Any]) -> None:
            alive = initiator is None or isValid(initiator)
            try:
                if done is not None and alive:
                    done(performed.result)
            finally:
                if performed.changes:
                    ctx.changed.emit(performed.changes, initiator if alive else None)
                self._settle()

        def fell(error: BaseException) -> None:
            self.refused += 1
            alive = initiator is None or isValid(initiator)
            try:
                if failed is not None and alive:
                    failed(error)
                elif not isinstance(error, Cancelled):
                    parent = initiator if alive else None
                    QMessageBox.warning(parent, "JIPP Desktop", failure_text(error, ctx.lang))
            finally:
                self._settle()

        self._pending += 1
        self.pending_changed.emit(self._pending)
        if progress_title is not None and initiator is not None:
            return run_with_progress(
                ctx.jobs, initiator, progress_title, work, succeeded, fell, writes=True
            )
        return ctx.jobs.start(work, succeeded, fell, writes=True)

    def _settle(self) -> None:
        self._pending -= 1
        self.pending_changed.emit(self._pending)
