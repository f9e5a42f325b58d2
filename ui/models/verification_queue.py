"""The verification queue as a Qt list model, and the filter over it (search, province,
regency/city, agency, status, submitted by)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from jipp_desktop.reference.codes import WORKFLOW
from jipp_desktop.services.verification_desk import QueueEntry
from ui.i18n import format_date

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractListModel):
    """The records waiting for verification: title on the first line; agency, submission
    date and submitter on the second."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._entries: list[QueueEntry] = []

    def set_entries(self, entries: list[QueueEntry]) -> None:
        """Replaces the queue."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    @property
    def entries(self) -> list[QueueEntry]:
        """The whole queue (unfiltered)."""
        return self._entries

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Records in the queue."""
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Two lines per record; the id and the entry by their roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{e.title}\n{self.second_line(e)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{e.title}\n{e.agency_name}\n{WORKFLOW.label(e.workflow, self._lang)}"
        if role == ID_ROLE:
            return e.id
        if role == ENTRY_ROLE:
            return e
        return None

    def second_line(self, e: QueueEntry) -> str:
        """Agency · submitted <date> by <officer> (resubmissions say so; no date when the
        store never saw the submission)."""
        again = e.workflow == "resubmitted"
        if e.submitted_at is None:
            text = self.tr("diajukan ulang oleh %2") if again else self.tr("diajukan oleh %2")
        elif again:
            text = self.tr("diajukan ulang %1 oleh %2")
        else:
            text = self.tr("diajukan %1 oleh %2")
        when = format_date(e.submitted_at, self._lang)
        return f"{e.agency_name} · " + text.replace("%1", when).replace(
            "%2", e.submitter_name or "—"
        )


@dataclass(frozen=True)
class QueueCriteria:
    """What the queue's filter keeps (None / "": any)."""

    text: str = ""
    province_code: str | None = None
    region_code: str | None = None
    agency_id: str | None = None
    workflow: str | None = None
    submitted_by: str | None = None

    def keeps(self, e: QueueEntry) -> bool:
        """Whether a record passes every criterion."""
        words = self.text.casefold().split()
        haystack = f"{e.title} {e.agency_name}".casefold()
        return (
            all(w in haystack for w in words)
            and (self.province_code is None or e.province_code == self.province_code)
            and (self.region_code is None or e.region_code == self.region_code)
            and (self.agency_id is None or e.agency_id == self.agency_id)
            and (self.workflow is None or e.workflow == self.workflow)
            and (self.submitted_by is None or e.submitted_by == self.submitted_by)
        )


class QueueFilter(QSortFilterProxyModel):
    """The queue as the filter shows it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = QueueCriteria()

    @property
    def criteria(self) -> QueueCriteria:
        """The criteria applied."""
        return self._criteria

    def set_criteria(self, criteria: QueueCriteria) -> None:
        """Applies new criteria."""
        self.beginFilterChange()
        self._criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Whether the record on ``source_row`` passes the criteria."""
        entry = self.sourceModel().index(source_row, 0, source_parent).data(ENTRY_ROLE)
        return entry is not None and self._criteria.keeps(entry)
