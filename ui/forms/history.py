"""A record's change history, read from the audit log: when, who, what, before and after."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from jipp_desktop.domain.fields import FIELDS_BY_NAME
from jipp_desktop.services.audit import history
from ui.context import AppContext
from ui.i18n import format_datetime


class HistoryTable(QTableWidget):
    """The audit entries of one record, newest first."""

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

    def load(self, record_id: str | None) -> None:
        """Shows the history of a record (nothing for an unsaved one)."""
        self.setRowCount(0)
        if record_id is None:
            return
        with self._ctx.db.session() as s:
            entries = [
                (e.at, e.officer_name, e.action, e.field, e.before, e.after)
                for e in history(s, record_id)
            ]
        lang = self._ctx.lang
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
