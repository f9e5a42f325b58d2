"""Agencies: a searchable list and the form to create or change one (each change one use case
on the write thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.reference.codes import AGENCY_KINDS
from jipp_desktop.services.agencies import (
    create_agency,
    delete_agency,
    find_agencies,
    get_agency,
    update_agency,
)
from ui.context import AppContext
from ui.widgets.combos import code_combo, searchable_combo
from ui.widgets.field_errors import FieldErrors
from ui.writes import failure_text

if TYPE_CHECKING:
    from jipp_desktop.db.models import Agency
    from jipp_desktop.services.change_set import ChangeSet


class AgencyEditor(QWidget):
    """The agency list (name, kind, region) beside the agency form.

    Attributes:
        search: filters the list by name.
        table: the agencies (item data of column 0: agency id).
        name, kind, region, parent_agency, address: the form.

    Signals:
        settled(done): a queued save or delete ended: committed, or refused (the form says
            why).
    """

    settled = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id: str | None = None
        lang = ctx.lang
        self.search = QLineEdit()
        self.search.setObjectName("agency_search")
        self.search.setPlaceholderText(self.tr("Cari nama instansi…"))
        self.kind_filter = code_combo(AGENCY_KINDS, lang, self.tr("Semua jenis"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("agency_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Nama"), self.tr("Jenis"), self.tr("Wilayah")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setColumnWidth(1, 170)
        self.table.setColumnWidth(2, 190)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.count = QLabel()

        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.name.setObjectName("agency_name")
        self.kind = code_combo(AGENCY_KINDS, lang, "—")
        self.region = searchable_combo(ctx.reference.regions(), "—")
        self.parent_agency = searchable_combo(ctx.reference.agencies(), "—")
        self.address = QLineEdit()
        box = QGroupBox(self.tr("Data instansi"))
        form = QFormLayout(box)
        for label, key, widget in (
            (self.tr("Nama *"), "name", self.name),
            (self.tr("Jenis *"), "kind", self.kind),
            (self.tr("Wilayah"), "region_code", self.region),
            (self.tr("Instansi induk"), "parent_id", self.parent_agency),
            (self.tr("Alamat"), "address", self.address),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.add(key, widget))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Baru"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("agency_save")
        self.delete_button = QPushButton(self.tr("Hapus"))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        form.addRow(self.message)

        left = QVBoxLayout()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind_filter, 1)
        left.addLayout(filters)
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(box, 2)

        self.search.textChanged.connect(self.reload)
        self.kind_filter.currentIndexChanged.connect(self.reload)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        ctx.changed.connect(self._changed)
        self.reload()

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.touches("agency"):
            self.reload()

    def reload(self) -> None:
        """Lists the agencies matching the search."""
        lang = self._ctx.lang
        ref = self._ctx.reference
        with self._ctx.db.session() as s:
            rows = [
                (a.id, a.name, a.kind, a.region_code)
                for a in find_agencies(s, self.search.text(), self.kind_filter.value())
            ]
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, (aid, name, kind, code) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, aid)
            self.table.setItem(i, 0, item)
            self.table.setItem(i, 1, QTableWidgetItem(AGENCY_KINDS.label(kind, lang)))
            self.table.setItem(i, 2, QTableWidgetItem(ref.region_name(code)))
        self.table.blockSignals(False)
        self.count.setText(self.tr("%1 instansi").replace("%1", str(len(rows))))

    def _select(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        with self._ctx.db.session() as s:
            a = get_agency(s, str(item.data(Qt.ItemDataRole.UserRole)))
            self._id = a.id
            self.name.setText(a.name)
            self.kind.set_value(a.kind)
            self.region.set_value(a.region_code)
            self.parent_agency.set_value(a.parent_id)
            self.address.setText(a.address or "")
        self.errors.clear()
        self.message.clear()

    def new(self) -> None:
        """Clears the form for a new agency."""
        self._id = None
        self.table.clearSelection()
        for w in (self.name, self.address):
            w.clear()
        for c in (self.kind, self.region, self.parent_agency):
            c.set_value(None)
        self.errors.clear()
        self.message.setText(self.tr("Instansi baru"))
        self.name.setFocus()

    def values(self) -> dict[str, object]:
        """The form's values."""
        return {
            "name": self.name.text(),
            "kind": self.kind.value(),
            "region_code": self.region.value(),
            "parent_id": self.parent_agency.value(),
            "address": self.address.text(),
        }

    def save(self) -> bool:
        """Queues creating or updating the agency; returns whether it was queued
        (``settled`` tells the outcome)."""
        ctx = self._ctx
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Menyimpan…"))
        if self._id is None:
            ctx.writes.run(
                self,
                create_agency,
                ctx.actor,
                self.values(),
                done=self._saved,
                failed=self._refused,
            )
        else:
            ctx.writes.run(
                self,
                update_agency,
                ctx.actor,
                self._id,
                self.values(),
                done=self._saved,
                failed=self._refused,
            )
        return True

    def _saved(self, agency: Agency) -> None:
        self.save_button.setEnabled(True)
        self._id = agency.id  # only once committed
        self.errors.clear()
        self.message.setText(self.tr("Instansi tersimpan."))
        self.settled.emit(True)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ServiceError):
            self.errors.report(error, self.message, self._ctx.lang)
        else:
            self.message.setText(failure_text(error, self._ctx.lang))
        self.settled.emit(False)

    def delete(self) -> None:
        """Deletes the selected agency (admins only; refused while innovations use it)."""
        if self._id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Hapus instansi"), self.tr("Hapus instansi ini?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._ctx.writes.run(
            self, delete_agency, self._ctx.actor, self._id, done=self._deleted, failed=self._refused
        )

    def _deleted(self, _none: None) -> None:
        self._id = None
        self.new()
        self.message.setText(self.tr("Instansi dihapus."))
        self.settled.emit(True)
