"""GUI fixtures: an AppContext over a fresh store with settings in a temporary file, the main
window, and helpers to fill the innovation form like an officer would."""

from __future__ import annotations

from collections.abc import Iterator
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


def settle(ctx: AppContext) -> None:
    """Waits for background reads (e.g. the list's filter) and delivers their results."""
    ctx.jobs.wait_idle()
    QApplication.processEvents()
