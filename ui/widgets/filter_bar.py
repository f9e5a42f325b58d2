"""The search box and filters above the innovation list; remembered between runs."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.reference.codes import CONTINUATION, PHASES, SECTORS, WORKFLOW
from ui.context import AppContext
from ui.reference import Choice
from ui.widgets.combos import ValueCombo, code_combo, searchable_combo

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet

SETTINGS_KEY = "innovations/filter"


class FilterBar(QWidget):
    """Full-text search plus province → regency/city, agency, sector, phase, status, year and
    "needs re-verification" filters.

    Signals:
        changed(filter): the officer changed the filter (typing is debounced).
    """

    changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        lang = ctx.lang
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Cari judul, inovator, ringkasan… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        # Provinces and ~600 agencies are read after the first paint (or when a remembered
        # filter needs them): the list's first rows should not wait for them, nor for the
        # store to open.
        self.province = searchable_combo([], self.tr("Semua provinsi"))
        self.regency = ValueCombo(self.tr("Semua kab/kota"))
        self.regency.setEnabled(False)
        self.agency = searchable_combo([], self.tr("Semua instansi"))
        self._provinces_loaded = False
        self._agencies_loaded = False
        self.sector = code_combo(SECTORS, lang, self.tr("Semua urusan"))
        self.phase = code_combo(PHASES, lang, self.tr("Semua tahap"))
        self.workflow = code_combo(WORKFLOW, lang, self.tr("Semua status"))
        self.continuation = code_combo(CONTINUATION, lang, self.tr("Semua keberlanjutan"))
        self.continuation.setMinimumContentsLength(len(self.continuation.itemText(0)))
        self.year = ValueCombo(self.tr("Semua tahun"))
        self.year.set_choices((y, str(y)) for y in range(date.today().year, 1999, -1))
        self.reverify = QCheckBox(self.tr("Perlu verifikasi ulang (terverifikasi > 12 bulan lalu)"))
        self.reset = QPushButton(self.tr("Hapus filter"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Cari:")), 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 2)
        grid.addWidget(self.continuation, 0, 3)
        grid.addWidget(self.reverify, 0, 4, 1, 2)
        grid.addWidget(self.reset, 0, 6)
        for col, widget in enumerate(
            (self.province, self.regency, self.agency, self.sector, self.phase, self.workflow)
        ):
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.year, 1, 6)
        for col in range(7):
            grid.setColumnStretch(col, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._emit)
        self.province.currentIndexChanged.connect(self._province_changed)
        combos = (self.regency, self.agency, self.sector, self.phase, self.workflow, self.year)
        for combo in (*combos, self.continuation):
            combo.currentIndexChanged.connect(self._emit)
        self.reverify.toggled.connect(self._emit)
        self.reset.clicked.connect(self.clear)
        ctx.changed.connect(self._agencies_changed)
        self._restore()
        ctx.when_ready(self, self.load_choices)

    def load_choices(self) -> None:
        """Fills the province and agency dropdowns (once)."""
        self._load_provinces()
        self._load_agencies()

    def _load_provinces(self) -> None:
        if not self._provinces_loaded:
            self._provinces_loaded = True
            self._fill(self.province, self._ctx.reference.provinces())

    def _load_agencies(self) -> None:
        if not self._agencies_loaded:
            self._agencies_loaded = True
            self._fill(self.agency, self._ctx.reference.agencies())

    @staticmethod
    def _fill(combo: ValueCombo, choices: list[Choice]) -> None:
        combo.blockSignals(True)
        combo.set_choices((c.value, c.text) for c in choices)
        combo.blockSignals(False)

    def _agencies_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.touches("agency") and self._agencies_loaded:
            self._fill(self.agency, self._ctx.reference.agencies())

    def _province_changed(self) -> None:
        code = self.province.value()
        self.regency.blockSignals(True)
        self.regency.set_choices(
            (c.value, c.text) for c in (self._ctx.reference.regencies_of(code) if code else [])
        )
        self.regency.set_value(None)
        self.regency.setEnabled(bool(code))
        self.regency.blockSignals(False)
        self._emit()

    def current(self) -> InnovationFilter:
        """The filter the widgets describe."""
        return InnovationFilter(
            text=self.search.text().strip(),
            province_code=self.province.value(),
            region_code=self.regency.value(),
            agency_id=self.agency.value(),
            sector=self.sector.value(),
            phase=self.phase.value(),
            workflow=self.workflow.value(),
            continuation=self.continuation.value(),
            year=self.year.value(),
            needs_reverification=self.reverify.isChecked(),
        )

    def set_filter(self, f: InnovationFilter) -> None:
        """Shows a filter in the widgets (and emits it once)."""
        widgets: list[QWidget] = [self.search, self.province, self.regency, self.agency]
        widgets += [self.sector, self.phase, self.workflow, self.continuation, self.year]
        widgets.append(self.reverify)
        if f.province_code:
            self._load_provinces()
        if f.agency_id:
            self._load_agencies()
        for w in widgets:
            w.blockSignals(True)
        self.search.setText(f.text)
        self.province.set_value(f.province_code)
        self.regency.set_choices(
            (c.value, c.text)
            for c in (self._ctx.reference.regencies_of(f.province_code) if f.province_code else [])
        )
        self.regency.setEnabled(bool(f.province_code))
        self.regency.set_value(f.region_code)
        self.agency.set_value(f.agency_id)
        self.sector.set_value(f.sector)
        self.phase.set_value(f.phase)
        self.workflow.set_value(f.workflow)
        self.continuation.set_value(f.continuation)
        self.year.set_value(f.year)
        self.reverify.setChecked(f.needs_reverification)
        for w in widgets:
            w.blockSignals(False)
        self._emit()

    def clear(self) -> None:
        """Removes every filter."""
        self.set_filter(InnovationFilter())

    def _emit(self) -> None:
        self._debounce.stop()
        f = self.current()
        self._ctx.settings.setValue(SETTINGS_KEY, json.dumps(vars(f)))
        self.changed.emit(f)

    def _restore(self) -> None:
        saved = self._ctx.settings.value(SETTINGS_KEY, "")
        if not saved:
            return
        try:
            f = InnovationFilter(**json.loads(str(saved)))
        except (ValueError, TypeError):
            return  # a filter saved by another version: start unfiltered
        self.set_filter(f)
