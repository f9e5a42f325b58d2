"""Backup and restore from the Berkas menu: the same checks as the command line, a progress
dialog, and where the replaced store was kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services.backup import check_backup
from jipp_desktop.services.search import count_innovations
from tests.ui.conftest import add_innovation, settle


class Boxes:
    """The message boxes the officer saw (title, text), answering questions with Yes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seen: list[tuple[str, str, str]] = []
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(
                QMessageBox,
                kind,
                lambda _p, title, text, *_a, k=kind, **_k: self.seen.append((k, title, text)),
            )

        def question(_p: Any, title: str, text: str, *_a: Any, **_k: Any) -> Any:
            self.seen.append(("question", title, text))
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", question)


def menu_action(window: Any, text: str) -> Any:
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def wait_done(qtbot: Any, ctx: Any, boxes: Boxes, count: int) -> None:
    qtbot.waitUntil(lambda: len(boxes.seen) >= count, timeout=20_000)
    settle(ctx)


def innovations(ctx: Any) -> int:
    with ctx.db.session() as s:
        return count_innovations(s, InnovationFilter())


def test_a_backup_from_the_menu_is_a_checked_copy_and_says_where(
    ctx, window, qtbot, operator, tmp_path, monkeypatch
):
    add_innovation(ctx.db, operator)
    target = tmp_path / "cadangan" / "jipp-cadangan.db"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    boxes = Boxes(monkeypatch)
    menu_action(window, "Cadangkan basis data…").trigger()
    wait_done(qtbot, ctx, boxes, 1)
    kind, _title, text = boxes.seen[0]
    assert kind == "information"
    assert str(target) in text
    assert check_backup(target)  # an intact store of this app


def test_a_backup_over_the_live_store_is_refused_with_the_reason(ctx, window, qtbot, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(ctx.db.path), ""))
    boxes = Boxes(monkeypatch)
    menu_action(window, "Cadangkan basis data…").trigger()
    wait_done(qtbot, ctx, boxes, 1)
    kind, title, text = boxes.seen[0]
    assert (kind, title) == ("warning", "Cadangan gagal")
    assert "tidak boleh menimpa" in text and " / " not in text  # Indonesian only


def test_a_restore_from_the_menu_replaces_the_data_and_says_where_the_old_store_is(
    ctx, window, qtbot, operator, tmp_path, monkeypatch
):
    add_innovation(ctx.db, operator, title="Inovasi Sebelum Cadangan")
    backup = tmp_path / "cadangan.db"
    from jipp_desktop.services.backup import backup_database

    backup_database(ctx.db, backup)
    add_innovation(ctx.db, operator, title="Inovasi Sesudah Cadangan")
    assert innovations(ctx) == 2
    window.show_page("innovations")
    settle(ctx)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(backup), ""))
    boxes = Boxes(monkeypatch)
    menu_action(window, "Pulihkan dari cadangan…").trigger()
    wait_done(qtbot, ctx, boxes, 2)
    (ask, _t, question), (kind, _t2, text) = boxes.seen[:2]
    assert ask == "question" and str(backup) in question
    assert kind == "information", text
    kept = next(Path(p) for p in text.split("\n") if "before-restore" in p)
    assert kept.is_file()
    assert innovations(ctx) == 1  # the data of the backup, read through the store in use
    page = window.page("innovations")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the list read again
    # The replaced store, with both records, is kept where the message says.
    assert check_backup(kept)


def test_a_file_that_is_no_backup_is_refused_before_anything_changes(
    ctx, window, qtbot, operator, tmp_path, monkeypatch
):
    add_innovation(ctx.db, operator)
    bogus = tmp_path / "bukan.db"
    bogus.write_bytes(b"bukan basis data" * 10)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bogus), ""))
    boxes = Boxes(monkeypatch)
    menu_action(window, "Pulihkan dari cadangan…").trigger()
    wait_done(qtbot, ctx, boxes, 1)
    kind, title, text = boxes.seen[0]
    assert (kind, title) == ("warning", "Tidak dapat dipulihkan")
    assert "bukan basis data SQLite" in text
    assert innovations(ctx) == 1
    assert not list(ctx.db.path.parent.glob("*before-restore*"))
