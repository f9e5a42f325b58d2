"""`jipp-desktop --screenshot DIR`: renders each main screen over the data in ``--db`` to
DIR/<screen>.png without a display, and exits.

No dialog is shown and no officer profile is created: the last profile used acts (or, on a
store without profiles, a nameless operator who changes nothing).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def run_screenshots(args: argparse.Namespace) -> int:
    """Renders every page (and the innovation form) to PNG files; returns the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from jipp_desktop.db.engine import open_database
    from jipp_desktop.paths import default_database_path
    from ui.i18n import install_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(args.screenshot)
    out.mkdir(parents=True, exist_ok=True)
    lang = args.lang or "id"
    install_language(lang)
    db = open_database(args.db or default_database_path())
    with tempfile.TemporaryDirectory() as tmp:
        # Fresh settings: screenshots show the default layout, not the officer's.
        settings = QSettings(str(Path(tmp) / "screenshot.ini"), QSettings.Format.IniFormat)
        written = render_screens(app, db, settings, lang, out)
    db.close()
    for path in written:
        print(path)
    return 0


def _profiles(db: object) -> list[object]:
    from jipp_desktop.services.officers import Actor, list_officers

    with db.session() as s:  # type: ignore[attr-defined]
        return [Actor.of(o) for o in list_officers(s)]  # the most recently used first


def _actor(db: object) -> object:
    """The last profile used, or a nameless operator on a store without profiles."""
    from jipp_desktop.services.officers import Actor

    profiles = _profiles(db)
    return profiles[0] if profiles else Actor("", "—", "operator")


def _verifier(db: object, actor: object) -> object:
    """A verifier profile to show the verification queue with (None when the acting officer
    may verify already, or there is none)."""
    if getattr(actor, "role", None) in ("verifier", "admin"):
        return None
    return next((p for p in _profiles(db) if getattr(p, "role", None) == "verifier"), None)


def render_screens(app: object, db: object, settings: object, lang: str, out: Path) -> list[Path]:
    """Shows each page in a 1280×800 main window and saves it; returns the files written."""
    from jipp_desktop.outputs import check_output
    from ui.context import AppContext
    from ui.main_window import PAGES, MainWindow

    ctx = AppContext(db, _actor(db), settings, lang)  # type: ignore[arg-type]
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    written = []

    def settle() -> None:
        for _ in range(3):
            app.processEvents()  # type: ignore[attr-defined]
            ctx.jobs.wait_idle()
        app.processEvents()  # type: ignore[attr-defined]

    own = ctx.actor
    verifier = _verifier(db, own)
    for spec in PAGES:
        # The queue is empty for an operator; the verification screen shows a verifier's view.
        acting = verifier if spec.key == "verification" and verifier else own
        if acting is not ctx.actor:
            ctx.set_actor(acting)
        window.show_page(spec.key)
        settle()
        path = check_output(out / f"{spec.key}.png")
        window.grab().save(str(path))
        written.append(path)
    if ctx.actor is not own:
        ctx.set_actor(own)
    page = window.show_page("innovations")
    if page.model.rowCount():  # type: ignore[attr-defined]
        page.table.selectRow(0)  # type: ignore[attr-defined]
    form = page.open_selected() or page.new_innovation()  # type: ignore[attr-defined]
    settle()
    path = check_output(out / "innovation_form.png")
    form.grab().save(str(path))
    written.append(path)
    form.close()
    window.close()
    settle()
    return written
