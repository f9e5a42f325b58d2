"""Reads of the store that grow with it, run on the read pool with the newest request winning.

A view asks for its rows whenever its search changes or a change set arrives; the read runs off
the GUI thread, and only the answer to the view's last request fills it (an older answer that
arrives late is dropped). While a read is out the view says "memuat…".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jipp_desktop.progress import ProgressFn
    from ui.context import AppContext

T = TypeVar("T")


class LatestRead(QObject):
    """One view's background reads: each request supersedes the ones before it.

    The read function gets a session on a pool thread and must return plain values (no ORM
    objects: the session is closed once it returns).

    Signals:
        loading(busy): a read went out (True) or its answer, or failure, arrived (False).
    """

    loading = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QObject) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self.busy = False

    def request(
        self,
        read: Callable[[Session], T],
        shown: Callable[[T], None],
        failed: Callable[[str], None],
    ) -> None:
        """Reads in the background; ``shown`` (or ``failed`` with a message naming the fault, in
        the officer's language) runs on the GUI thread if no newer request was made
        meanwhile."""
        self._generation += 1
        generation = self._generation
        db = self._ctx.db

        def work(_progress: ProgressFn) -> T:
            with db.session() as session:
                return read(session)

        def current() -> bool:
            if not isValid(self) or generation != self._generation:
                return False  # the view is gone, or a newer read will answer
            self.busy = False
            self.loading.emit(False)
            return True

        def done(result: T) -> None:
            if current():
                shown(result)

        def fell(error: BaseException) -> None:
            from ui.writes import failure_text

            if current():
                failed(failure_text(error, self._ctx.lang))

        self.busy = True
        self.loading.emit(True)
        self._ctx.jobs.start(work, done, fell)

    def drop(self) -> None:
        """Forgets the reads out: their answers, when they come, are dropped (the view shows
        something that needs no read, e.g. a new record's empty history)."""
        self._generation += 1
        if self.busy:
            self.busy = False
            self.loading.emit(False)
