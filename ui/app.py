"""Starting the GUI: the QApplication, the language, the store, the officer and the main window."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QSettings

from jipp_desktop.paths import APP_AUTHOR, APP_NAME

LANG_KEY = "lang"


def app_settings() -> QSettings:
    """The QSettings of the app (layout, filters, language, last officer)."""
    return QSettings(APP_AUTHOR, APP_NAME)


def choose_language(args: argparse.Namespace, settings: QSettings) -> str:
    """``--lang`` when given, else the language chosen in Settings, else Indonesian."""
    lang = args.lang or str(settings.value(LANG_KEY, "id"))
    return lang if lang in ("id", "en") else "id"


def run_gui(args: argparse.Namespace) -> int:
    """Opens the main window on the store named by the options; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from jipp_desktop.db.engine import StoreError, open_database
    from jipp_desktop.paths import default_database_path
    from ui.i18n import install_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    sys.excepthook = _report_unexpected
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    settings = app_settings()
    lang = choose_language(args, settings)
    install_language(lang)
    try:
        db = open_database(args.db or default_database_path())
    except StoreError as exc:
        QMessageBox.critical(None, "JIPP Desktop", str(exc))
        return 3
    actor = _actor(args, db, settings)
    if actor is None:
        return 0
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(db, actor, settings, lang)
    window = MainWindow(ctx)
    probe = os.environ.get("JIPP_STARTUP_PROBE")
    if probe:
        from ui.startup_probe import install

        install(window, probe)
    window.show()
    code = app.exec()
    ctx.jobs.wait_idle()
    db.close()
    return code


def _report_unexpected(
    kind: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """Shows an error no page handled (e.g. the store locked by another program) instead of
    letting the action fail in silence; the traceback goes to stderr for support."""
    from PySide6.QtWidgets import QApplication, QMessageBox
    from sqlalchemy.exc import DBAPIError

    from jipp_desktop.db.engine import describe_database_error

    traceback.print_exception(kind, exc, tb)
    text = (
        describe_database_error(exc) if isinstance(exc, DBAPIError) else f"{kind.__name__}: {exc}"
    )
    QMessageBox.critical(QApplication.activeWindow(), "JIPP Desktop", text)


def _actor(args: argparse.Namespace, db: object, settings: QSettings) -> object:
    """``--as`` when given (no dialog), else the officer chosen in the profile dialog."""
    if args.as_officer:
        from jipp_desktop.services.officers import use_officer

        with db.transaction() as s:  # type: ignore[attr-defined]
            return use_officer(s, args.as_officer)
    from ui.profile_dialog import choose_profile

    return choose_profile(db, settings)  # type: ignore[arg-type]
