"""Start-up measurement for benchmarks/bench_gui.py, switched on by JIPP_STARTUP_PROBE.

"first-rows": prints ``first-rows`` the moment the innovation list first paints with rows, then
``sqlalchemy-loaded 0`` or ``1`` (whether the first screen needed it), then quits. "scroll":
after that, scrolls the list end to end and prints ``peak-rss-kb N`` before quitting. "ready":
after ``first-rows``, prints ``ready`` once the store is open and the officer chosen, then
quits. Without the variable none of this is imported.
"""

from __future__ import annotations

import resource
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView

from ui.context import AppContext


class FirstRowsProbe(QObject):
    """Watches the list's viewport for its first paint with rows."""

    def __init__(self, table: QTableView, mode: str, ctx: AppContext) -> None:
        super().__init__(table)
        self._table = table
        self._mode = mode
        self._ctx = ctx
        self._done = False
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Reports the first paint that shows rows."""
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and self._table.model().rowCount() > 0
        ):
            self._done = True
            print("first-rows", flush=True)
            print(f"sqlalchemy-loaded {int('sqlalchemy' in sys.modules)}", flush=True)
            if self._mode == "ready":
                self._ctx.when_ready(self, self._ready)
            else:
                QTimer.singleShot(0, self._scroll if self._mode == "scroll" else QApplication.quit)
        return False

    def _ready(self) -> None:
        print("ready", flush=True)
        QApplication.quit()

    def _scroll(self) -> None:
        bar = self._table.verticalScrollBar()
        step = max(1, bar.pageStep())
        value = 0
        while value <= bar.maximum():
            bar.setValue(value)
            self._table.viewport().repaint()
            value += step
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"rows {self._table.model().rowCount()}", flush=True)
        print(f"peak-rss-kb {peak}", flush=True)
        QApplication.quit()


def install(window: QObject, mode: str, ctx: AppContext) -> None:
    """Installs the probe on the main window's innovation list."""
    page = window.show_page("innovations")  # type: ignore[attr-defined]
    FirstRowsProbe(page.table, mode, ctx)
    if mode not in ("first-rows", "scroll", "ready"):
        sys.exit(f"JIPP_STARTUP_PROBE: unknown mode {mode!r}")
