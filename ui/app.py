"""Starting the GUI: the QApplication, the language, the main window, then the store and the
officer.

The main window shows first, with the innovation list's first rows read without SQLAlchemy
(see ``jipp_desktop.db.first_page``); once it has painted, the store is opened (loading
SQLAlchemy, migrating when needed) and the officer chosen, and the context says ``ready``.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from jipp_desktop.db.schema import StoreError
from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.paths import APP_AUTHOR, APP_NAME
from ui.context import AppContext

if TYPE_CHECKING:
    from jipp_desktop.services.officers import Actor

LANG_KEY = "lang"
# When no paint arrives (e.g. a window started minimised), the start-up finishes anyway.
FINISH_AFTER_MS = 1000
# Exit code when the store cannot be used (as in the command line).
STORE_FAILED = 3


def app_settings() -> QSettings:
    """The QSettings of the app (layout, filters, language, last officer)."""
    return QSettings(APP_AUTHOR, APP_NAME)


def choose_language(args: argparse.Namespace, settings: QSettings) -> str:
    """``--lang`` when given, else the language chosen in Settings, else Indonesian."""
    lang = args.lang or str(settings.value(LANG_KEY, "id"))
    return lang if lang in ("id", "en") else "id"


class FinishStart(QObject):
    """Opens the store and chooses the officer right after the main window's first paint.

    Attributes:
        exit_code: set when the start-up ends the app (store unusable, profile dialog
            cancelled).
        failure: an error to report on the command line after the event loop (e.g. an
            unknown ``--as``).

    Signals:
        ended(code): the app cannot go on; ``run_gui`` ends its event loop with ``code``.
    """

    ended = Signal(int)

    def __init__(self, ctx: AppContext, window: QMainWindow, as_officer: str | None) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self._as_officer = as_officer
        self._started = False
        self.exit_code: int | None = None
        self.failure: ServiceError | None = None
        window.installEventFilter(self)
        QTimer.singleShot(FINISH_AFTER_MS, self, self._finish)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Schedules the rest of the start-up once the window has painted."""
        if event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self, self._finish)
        return False

    def _finish(self) -> None:
        if self._started:
            return
        self._started = True
        self._window.removeEventFilter(self)
        # The window stays usable (the list scrolls) while the store opens in the background.
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._ctx.open_in_background(self._store_opened, self._store_failed)

    def _store_failed(self, error: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        self._end(_start_failed(error, self._window))

    def _store_opened(self) -> None:
        """Chooses the officer: ``--as`` when given (no dialog; remembered as the last used on
        the write thread), else the one chosen in the profile dialog."""
        QApplication.restoreOverrideCursor()
        if self._as_officer:
            from jipp_desktop.services.officers import use_officer

            self._ctx.writes.run(
                None,
                use_officer,
                self._as_officer,
                done=self._chosen,
                failed=self._not_chosen,
            )
            return
        from ui.profile_dialog import choose_profile

        try:
            actor = choose_profile(self._ctx, self._window)
        except Exception as exc:
            self._not_chosen(exc)
            return
        self._chosen(actor)

    def _chosen(self, actor: Actor | None) -> None:
        if actor is None:  # the profile dialog was cancelled
            self._end(0)
            return
        self._ctx.set_actor(actor)

    def _not_chosen(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):  # e.g. an unknown --as: one line, exit 1
            self.failure = error
            self._end(1)
            return
        # Nothing is usable without the store and the officer: say why and end.
        self._end(_start_failed(error, self._window))

    def _end(self, code: int) -> None:
        self.exit_code = code
        self.ended.emit(code)


def run_gui(args: argparse.Namespace) -> int:
    """Opens the main window on the store named by the options; returns the exit code.

    Raises:
        ServiceError: ``--as`` names no officer profile.
    """
    from jipp_desktop.paths import default_database_path
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    sys.excepthook = _report_unexpected
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    settings = app_settings()
    lang = choose_language(args, settings)
    install_language(lang)
    path = Path(args.db or default_database_path()).expanduser().resolve()
    ctx = AppContext(None, None, settings, lang, store_path=path)
    try:
        # Without a kept first page for the remembered view, the list opens the store here.
        window = MainWindow(ctx)
    except Exception as exc:
        return _start_failed(exc, None)
    start = FinishStart(ctx, window, args.as_officer)
    start.ended.connect(app.exit)
    probe = os.environ.get("JIPP_STARTUP_PROBE")
    if probe:
        from ui.startup_probe import install

        install(window, probe, ctx)
    window.show()
    code = app.exec()
    ctx.jobs.wait_idle()
    if ctx.store_open:
        ctx.db.close()
    if start.failure is not None:
        raise start.failure
    return start.exit_code if start.exit_code is not None else code


def _start_failed(exc: BaseException, parent: QWidget | None) -> int:
    """Reports why the store could not be opened (exit code 3) or another failure at start
    (the traceback to stderr too, exit code 1); returns the exit code."""
    from jipp_desktop.db.schema import describe_failure, is_database_error

    if isinstance(exc, StoreError):
        text, code = str(exc), STORE_FAILED
    else:
        code = STORE_FAILED if is_database_error(exc) else 1
        if code == 1:
            traceback.print_exception(exc)
        text = describe_failure(exc)
    QMessageBox.critical(parent, "JIPP Desktop", text)
    return code


def _report_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Shows an error no page handled (e.g. the store locked by another program) instead of
    letting the action fail in silence: the crash dialog (the windows stay open), the traceback
    in the log and on stderr for support."""
    from ui.crash_dialog import report_unexpected

    if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal: end, as the CLI does
        print("jipp-desktop: dibatalkan / cancelled", file=sys.stderr)
        QApplication.exit(130)
        return
    traceback.print_exception(kind, exc, tb)
    report_unexpected(exc)
