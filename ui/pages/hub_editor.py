"""Hub JIPP designations: the list, and the form for a designation and its spokes (the
agencies the hub mentors), saved together by one use case on the write thread."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.services.hubs import get_hub, list_hubs, save_hub
from ui.context import AppContext
from ui.pages.changed_elsewhere import ChangedElsewhere, Elsewhere
from ui.store_reads import LatestRead
from ui.widgets.combos import searchable_combo
from ui.widgets.field_errors import FieldErrors
from ui.writes import failure_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jipp_desktop.services.change_set import ChangeSet

HubRow = tuple[str, str, int, str, bool, int]


class HubEditor(ChangedElsewhere, QWidget):
    """Hub list beside the hub form.

    The list is read on the read pool ("Memuat…" meanwhile); the designation shown is told when
    it changes elsewhere (a sync pull, another window): a clean form reads it again, one with
    unsaved edits keeps them and offers "Muat ulang".

    Attributes:
        table: the hubs (item data of column 0: hub id).
        count: how many hubs the list shows, or "Memuat…" while it is read.
        agency, decree, year, cohort, active: the designation.
        spokes: the mentored agencies (item data: agency id).
        reload_button: "Muat ulang", shown when the designation changed elsewhere while the
            form holds unsaved edits.

    Signals:
        settled(stored): a queued save ended: committed, or refused (the form says why).
    """

    settled = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._id: str | None = None
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("hub_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Instansi"),
                self.tr("Tahun"),
                self.tr("Angkatan"),
                self.tr("Aktif"),
                self.tr("Dibina"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.count = QLabel()
        self.count.setObjectName("hub_count")
        self.reads = LatestRead(ctx, self)
        self.reads.loading.connect(self._loading)

        self.errors = FieldErrors()
        agencies = ctx.reference.agencies()
        self.agency = searchable_combo(agencies, "—")
        self.decree = QLineEdit()
        self.decree.setObjectName("hub_decree")
        self.year = QSpinBox()
        self.year.setRange(2019, 2100)
        self.year.setValue(date.today().year)
        self.cohort = QLineEdit()
        self.active = QCheckBox(self.tr("Aktif"))
        self.active.setChecked(True)
        self.spokes = QListWidget()
        self.spokes.setObjectName("spokes")
        self.spoke_choice = searchable_combo(agencies, "—")
        self.add_spoke = QPushButton(self.tr("Tambah"))
        self.remove_spoke = QPushButton(self.tr("Lepas"))
        spoke_row = QHBoxLayout()
        spoke_row.addWidget(self.spoke_choice, 1)
        spoke_row.addWidget(self.add_spoke)
        spoke_row.addWidget(self.remove_spoke)
        box = QGroupBox(self.tr("Penetapan hub"))
        form = QFormLayout(box)
        for label, key, widget in (
            (self.tr("Instansi *"), "agency_id", self.agency),
            (self.tr("Dasar penetapan *"), "decree", self.decree),
            (self.tr("Tahun *"), "year", self.year),
            (self.tr("Angkatan"), "cohort", self.cohort),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors.add(key, widget))
        form.addRow("", self.active)
        form.addRow(self.tr("Instansi yang dibina"), self.spokes)
        form.addRow("", self.errors.add("spokes", self.spokes))
        form.addRow("", spoke_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Baru"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("hub_save")
        self.reload_button = QPushButton(self.tr("Muat ulang"))
        self.reload_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reload_button)
        form.addRow(buttons)
        form.addRow(self.message)

        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(box, 2)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.add_spoke.clicked.connect(self._add_spoke)
        self.remove_spoke.clicked.connect(self._remove_spoke)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(self._reload_shown)
        self._dirty = False
        self._showing = False  # the form is being filled from the store, not edited
        for edit in (self.decree, self.cohort):
            edit.textEdited.connect(self._edited)
        self.agency.activated.connect(self._edited)
        self.year.valueChanged.connect(self._edited)
        self.active.clicked.connect(self._edited)
        self.add_spoke.clicked.connect(self._edited)
        self.remove_spoke.clicked.connect(self._edited)
        ctx.changed.connect(self._changed)
        self.reload()

    def _edited(self, *_args: object) -> None:
        if not self._showing:
            self._dirty = True

    def _changed(self, changes: ChangeSet, initiator: object) -> None:
        if not changes.touches("hub", "agency"):
            return
        self.reload()
        if initiator is not self and changes.touches_record("hub", self._id):
            self._shown_changed_elsewhere()

    def elsewhere_text(self, what: Elsewhere) -> str:
        """The words for the designation in the form changed elsewhere."""
        if what == "kept":
            return self.tr(
                "Penetapan hub ini telah diubah di tempat lain (mis. sinkronisasi). "
                "Perubahan Anda belum disimpan dan tidak ditimpa; simpan untuk memakainya, "
                "atau Muat ulang untuk membaca versi tersimpan."
            )
        if what == "deleted":
            return self.tr("Penetapan hub ini telah dihapus di tempat lain.")
        return self.tr("Diperbarui: penetapan hub ini diubah di tempat lain.")

    def reload(self) -> None:
        """Lists the hubs (read in the background; an answer to an older request is
        dropped)."""

        def read(s: Session) -> list[HubRow]:
            return [
                (h.id, h.agency.name, h.year, h.cohort, h.active, len(h.spokes))
                for h in list_hubs(s)
            ]

        self.reads.request(read, self._fill, self._read_failed)

    def _loading(self, busy: bool) -> None:
        if busy:
            self.count.setText(self.tr("Memuat…"))

    def _read_failed(self, message: str) -> None:
        self.count.setText(self.tr("Daftar tidak dapat dibaca: %1").replace("%1", message))

    def _fill(self, rows: list[HubRow]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        yes, no = self.tr("ya"), self.tr("tidak")
        for i, (hid, name, year, cohort, active, spokes) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, hid)
            self.table.setItem(i, 0, item)
            for col, text in enumerate((str(year), cohort, yes if active else no, str(spokes)), 1):
                self.table.setItem(i, col, QTableWidgetItem(text))
            if hid == self._id:
                self.table.selectRow(i)
        self.table.blockSignals(False)
        self.count.setText(self.tr("%1 hub").replace("%1", str(len(rows))))

    def _select(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        self._show(str(item.data(Qt.ItemDataRole.UserRole)))
        self.message.clear()

    def _show(self, hub_id: str) -> None:
        """Fills the form with the stored designation (a primary-key read with its spokes:
        stays on the GUI thread)."""
        ref = self._ctx.reference
        with self._ctx.db.session() as s:
            h = get_hub(s, hub_id)
            self._id = h.id
            self._showing = True
            self.agency.set_value(h.agency_id)
            self.decree.setText(h.decree)
            self.year.setValue(h.year)
            self.cohort.setText(h.cohort)
            self.active.setChecked(h.active)
            spokes = [s.agency_id for s in h.spokes]
        self._showing = False
        self.spokes.clear()
        for aid in spokes:
            self._spoke_item(aid, ref.agency_name(aid))
        self.errors.clear()
        self.reload_button.hide()
        self._dirty = False

    def _spoke_item(self, agency_id: str, name: str) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, agency_id)
        self.spokes.addItem(item)

    def _add_spoke(self) -> None:
        aid = self.spoke_choice.value()
        if aid and aid not in self.spoke_ids():
            self._spoke_item(aid, self.spoke_choice.currentText())

    def _remove_spoke(self) -> None:
        row = self.spokes.currentRow()
        if row >= 0:
            self.spokes.takeItem(row)

    def spoke_ids(self) -> list[str]:
        """The agencies in the spokes list."""
        return [
            str(self.spokes.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.spokes.count())
        ]

    def new(self) -> None:
        """Clears the form for a new designation."""
        self._id = None
        self.table.clearSelection()
        self.agency.set_value(None)
        self.decree.clear()
        self.cohort.clear()
        self.active.setChecked(True)
        self.spokes.clear()
        self.errors.clear()
        self.reload_button.hide()
        self._dirty = False
        self.message.setText(self.tr("Penetapan hub baru"))

    def save(self) -> bool:
        """Queues storing the designation and its spokes (one transaction on the write
        thread); returns whether it was queued (``settled`` tells the outcome)."""
        ctx = self._ctx
        values = {
            "agency_id": self.agency.value(),
            "decree": self.decree.text(),
            "year": self.year.value(),
            "cohort": self.cohort.text(),
            "active": self.active.isChecked(),
        }
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Menyimpan…"))
        ctx.writes.run(
            self,
            save_hub,
            ctx.actor,
            self._id,
            values,
            self.spoke_ids(),
            done=self._saved,
            failed=self._refused,
        )
        return True

    def _saved(self, hub_id: str) -> None:
        self.save_button.setEnabled(True)
        self._id = hub_id  # only once committed
        self._dirty = False
        self.reload_button.hide()
        self.errors.clear()
        self.message.setText(self.tr("Hub tersimpan."))
        self.settled.emit(True)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ServiceError):
            self.errors.report(error, self.message, self._ctx.lang)
        else:
            self.message.setText(failure_text(error, self._ctx.lang))
        self.settled.emit(False)
