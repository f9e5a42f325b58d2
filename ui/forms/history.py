"""A record's change history, read from the audit log: when, who, what, before and after (read
on the read pool: a record edited for years has a long history; an answer for an older request
is dropped)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.services.audit import history
from ui.context import AppContext
from ui.i18n import format_datetime
from ui.store_reads import LatestRead

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Entry = tuple[datetime, str, str, str | None, str | None, str | None]


class HistoryTable(QTableWidget):
    """The audit entries of one record, newest first.

    While the history is read the table holds one line, "Memuat…".

    Attributes:
        reads: the table's reads of the store (``reads.busy`` while one is out).

    Signals:
        loaded(): the history asked for last is shown.
    """

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("history")
        self._ctx = ctx
        self._actions = {
            "create": self.tr("dibuat"),
            "update": self.tr("diubah"),
            "delete": self.tr("dihapus"),
            "decide": self.tr("diputuskan verifikator"),
        }
        self.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Petugas"),
                self.tr("Perubahan"),
                self.tr("Sebelum"),
                self.tr("Sesudah"),
            ]
        )
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.reads = LatestRead(ctx, self)

    def load(self, record_id: str | None) -> None:
        """Shows the history of a record (nothing for an unsaved one), read in the
        background."""
        if record_id is None:
            self.reads.drop()
            self._fill([])
            return

        def read(s: Session) -> list[Entry]:
            return [
                (e.at, e.officer_name, e.action, e.field, e.before, e.after)
                for e in history(s, record_id)
            ]

        self._note(self.tr("Memuat…"))
        self.reads.request(read, self._fill, self._failed)

    def _note(self, text: str) -> None:
        """One line across the table instead of entries."""
        self.clearSpans()
        self.setRowCount(1)
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.setItem(0, 0, item)
        self.setSpan(0, 0, 1, self.columnCount())

    def _failed(self, message: str) -> None:
        self._note(self.tr("Riwayat tidak dapat dibaca: %1").replace("%1", message))
        self.loaded.emit()

    def _fill(self, entries: list[Entry]) -> None:
        lang = self._ctx.lang
        self.clearSpans()
        self.setRowCount(0)
        self.setRowCount(len(entries))
        for row, (at, officer, action, field, before, after) in enumerate(entries):
            what = self._actions.get(action, action)
            if field:
                spec = FIELDS_BY_NAME.get(field)
                what = f"{what}: {spec.label(lang) if spec else field}"
            when = format_datetime(at, lang) if isinstance(at, datetime) else str(at)
            for col, text in enumerate((when, officer, what, before or "", after or "")):
                self.setItem(row, col, QTableWidgetItem(text))
        self.resizeColumnsToContents()
        self.loaded.emit()
