"""Resolving a conflict: for each field both sides changed, the base, the officer's value and
the registry's, side by side; the officer chooses per field and the choice is sent as a new
change on the registry's revision (jipp_desktop.syncstate.problems.resolve_conflict)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.syncstate.merge import DELETED
from jipp_desktop.syncstate.problems import MINE, THEIRS, SyncIssue


def shown(value: Any) -> str:
    """A field's value as the table shows it ("—" for nothing)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictDialog(QDialog):
    """One conflicting record: a row per field with the three versions and a choice.

    Attributes:
        table: field | base | mine | registry | choice.
    """

    def __init__(self, issue: SyncIssue, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Selesaikan konflik: %1").replace("%1", issue.label or ""))
        self._names = list(issue.fields)
        intro = QLabel(
            self.tr(
                "Isian di bawah diubah di komputer ini dan juga di registri, dengan nilai "
                "berbeda. Pilih nilai yang berlaku untuk setiap isian; pilihan Anda dikirim "
                "ke registri pada sinkronisasi berikutnya. Isian lain sudah digabung."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._names), 5)
        self.table.setObjectName("conflict_fields")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Isian"),
                self.tr("Versi dasar"),
                self.tr("Versi saya"),
                self.tr("Versi registri"),
                self.tr("Pakai"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._choices: dict[str, QComboBox] = {}
        for row, name in enumerate(self._names):
            sides = issue.fields[name]
            label = (
                self.tr("Dihapus")
                if name == DELETED
                else FIELDS_BY_NAME[name].label(lang)
                if name in FIELDS_BY_NAME
                else name
            )
            cells = (label, sides.get("base"), sides.get("mine"), sides.get("theirs"))
            for column, value in enumerate(cells):
                text = value if column == 0 else shown(value)
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            choice = QComboBox()
            choice.addItem(self.tr("— pilih —"), None)
            choice.addItem(self.tr("Versi saya"), MINE)
            choice.addItem(self.tr("Versi registri"), THEIRS)
            choice.currentIndexChanged.connect(self._update_ok)
            self.table.setCellWidget(row, 4, choice)
            self._choices[name] = choice
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 360)
        self._update_ok()

    def choose(self, name: str, side: str) -> None:
        """Chooses ``side`` (mine or theirs) for field ``name``."""
        box = self._choices[name]
        box.setCurrentIndex(box.findData(side))

    def choices(self) -> dict[str, str]:
        """Field → "mine" or "theirs", for every field chosen."""
        return {n: b.currentData() for n, b in self._choices.items() if b.currentData()}

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(len(self.choices()) == len(self._names))
