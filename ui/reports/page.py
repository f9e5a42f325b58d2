"""The reports page: choose a report and its parameters, make it in the background with
progress and cancel, preview it (QtPdf), print it and save it; batch profiles of the innovations
the current list filter keeps, into one PDF or a folder."""

from __future__ import annotations

import json
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.documents.batch import BatchResult, batch_profiles
from jipp_desktop.documents.hub_report import hub_choices
from jipp_desktop.documents.pdf import PdfDocument
from jipp_desktop.documents.periods import PERIODS, period_dates
from jipp_desktop.documents.reports import ReportRequest, make_report
from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.progress import Cancelled
from ui.context import AppContext
from ui.forms.innovation_picker import pick_innovation
from ui.jobs import run_with_progress
from ui.reports.preview import PdfPreview
from ui.store_reads import LatestRead
from ui.widgets.date_field import DateField
from ui.widgets.filter_bar import SETTINGS_KEY as FILTER_KEY
from ui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jipp_desktop.services.change_set import ChangeSet

REPORT_KINDS = (
    ("recap", "Rekapitulasi inovasi", "Innovation recap"),
    ("verification", "Laporan verifikasi", "Verification report"),
    ("hub", "Laporan hub", "Hub report"),
    ("innovation", "Profil inovasi", "Innovation profile"),
)
ERROR_STYLE = "color: #b00020;"


class ReportsPage(QWidget):
    """Report kind, its parameters, the preview.

    Attributes:
        kind: the report-kind chooser; ``params`` shows the chosen kind's parameters.
        filters: which innovations the recap counts and the batch prints (the list's filter).
        period: the verification report's period: a named one (this month by default) or
            "custom", the dates below.
        start, end: the verification period (each used when its box is ticked); a named
            period shows its dates here, and changing them makes the period "custom".
        hub: the hub chooser.
        innovation_id: the innovation whose profile is made.
        preview: the PDF shown.
        message: what happened last.
        last_batch: what the last batch made.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports")
        self.ctx = ctx
        self.innovation_id: str | None = None
        self.last_batch: BatchResult | None = None
        self.kind = QComboBox(self)
        self.kind.setObjectName("report_kind")
        for code, id_text, en_text in REPORT_KINDS:
            self.kind.addItem(en_text if ctx.lang == "en" else id_text, code)

        self.filters = FilterBar(ctx)
        self.period = QComboBox()
        self.period.setObjectName("period")
        for named in PERIODS:
            self.period.addItem(named.label(ctx.lang), named.name)
        self.period.addItem(self.tr("Pilih tanggal"), "custom")
        self._showing_period = False
        self.use_start = QCheckBox(self.tr("Sejak"))
        # The app's one date field (typed the Indonesian way, Tab moves on, the lists' format).
        self.start = DateField(ctx.lang)
        self.start.setObjectName("period_start")
        self.start.set_date(date(date.today().year, 1, 1))
        self.use_end = QCheckBox(self.tr("Sampai"))
        self.end = DateField(ctx.lang)
        self.end.setObjectName("period_end")
        self.end.set_date(date.today())
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(QLabel(self.tr("Periode:")))
        for w in (self.period, self.use_start, self.start, self.use_end, self.end):
            period_row.addWidget(w)
        period_row.addStretch(1)
        self.period.currentIndexChanged.connect(self._show_period)
        for box in (self.use_start, self.use_end):
            box.toggled.connect(self._dates_edited)
        for box, edit in ((self.use_start, self.start), (self.use_end, self.end)):
            edit.date_changed.connect(partial(self._date_typed, box, edit))
        self.period.setCurrentIndex(self.period.findData("this-month"))
        self._show_period()
        self.hub = QComboBox()
        self.hub.setObjectName("hub")
        self.hub_reads = LatestRead(ctx, self)
        self.hub_reads.loading.connect(self._hubs_loading)
        hub_box = QWidget()
        hub_row = QHBoxLayout(hub_box)
        hub_row.setContentsMargins(0, 0, 0, 0)
        hub_row.addWidget(QLabel(self.tr("Hub:")))
        hub_row.addWidget(self.hub, 1)
        self.innovation_label = QLabel(self.tr("Belum dipilih"))
        choose = QPushButton(self.tr("Pilih inovasi…"))
        self.personal = QCheckBox(self.tr("Cetak telepon dan surel narahubung"))
        innovation_box = QWidget()
        innovation_row = QHBoxLayout(innovation_box)
        innovation_row.setContentsMargins(0, 0, 0, 0)
        innovation_row.addWidget(self.innovation_label, 1)
        innovation_row.addWidget(choose)
        innovation_row.addWidget(self.personal)
        self.params = QStackedWidget()
        for widget in (self.filters, period, hub_box, innovation_box):
            self.params.addWidget(widget)

        self.make_button = QPushButton(self.tr("Buat laporan"))
        self.make_button.setObjectName("make_report")
        self.batch_button = QPushButton(self.tr("Profil semua inovasi terfilter…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.preview = PdfPreview(self)
        self.preview.set_placeholder(
            self.tr(
                "Pilih jenis laporan dan saringannya, lalu tekan \u201cBuat laporan\u201d: "
                "laporan tampil di sini untuk dicetak atau disimpan.\n\nBasis data baru masih "
                "kosong: buat inovasi baru (Ctrl+N), impor dari Excel (Berkas \u203a Impor dari "
                "Excel\u2026), atau ambil data dari registri di halaman Sinkronisasi."
            )
        )

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Laporan:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.make_button)
        top.addWidget(self.batch_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.params)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        choose.clicked.connect(self._choose_innovation)
        self.make_button.clicked.connect(self.make)
        self.batch_button.clicked.connect(self._ask_batch)
        ctx.changed.connect(self._on_data_changed)
        self._load_hubs()
        self._kind_changed()

    def showEvent(self, event: QShowEvent) -> None:
        """Takes over the innovation list's current filter each time the page is shown."""
        super().showEvent(event)
        saved = self.ctx.settings.value(FILTER_KEY, "")
        try:
            current = InnovationFilter(**json.loads(str(saved))) if saved else None
        except (ValueError, TypeError):
            current = None  # a filter saved by another version: keep what is shown
        if current is not None and current != self.filters.current():
            self.filters.set_filter(current)

    # --- parameters ------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        self.params.setCurrentIndex(self.kind.currentIndex())

    def _show_period(self) -> None:
        """Shows the named period's dates in the date fields."""
        name = self.period.currentData()
        if name == "custom":
            return
        start, end = period_dates(name)
        self._showing_period = True
        try:
            self.use_start.setChecked(start is not None)
            self.use_end.setChecked(end is not None)
            if start is not None:
                self.start.set_date(start)
            if end is not None:
                self.end.set_date(end)
        finally:
            self._showing_period = False

    def _date_typed(self, box: QCheckBox, edit: DateField) -> None:
        """A date typed or picked bounds the period; a field emptied leaves it open."""
        box.setChecked(edit.date() is not None)
        self._dates_edited()

    def _dates_edited(self) -> None:
        """An officer's own dates make the period "custom"."""
        if not self._showing_period:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(self.period.findData("custom"))
            self.period.blockSignals(False)

    def set_kind(self, kind: str) -> None:
        """Chooses the report kind (recap, verification, hub, innovation)."""
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _load_hubs(self) -> None:
        """Reads the hub chooser's hubs in the background (the newest request wins)."""

        def read(session: Session) -> list[tuple[str, str]]:
            return hub_choices(session)

        self.hub_reads.request(read, self._show_hubs, self._hubs_failed)

    def _hubs_loading(self, busy: bool) -> None:
        self.hub.setPlaceholderText(self.tr("Memuat…") if busy else "")

    def _hubs_failed(self, message: str) -> None:
        self._say(self.tr("Daftar hub tidak dapat dibaca: %1").replace("%1", message), error=True)

    def _show_hubs(self, hubs: list[tuple[str, str]]) -> None:
        keep = self.hub.currentData()
        self.hub.clear()
        for hub_id, text in hubs:
            self.hub.addItem(text, hub_id)
        if keep is not None and self.hub.findData(keep) >= 0:
            self.hub.setCurrentIndex(self.hub.findData(keep))

    def set_innovation(self, innovation_id: str, title: str) -> None:
        """Chooses the innovation whose profile is made."""
        self.innovation_id = innovation_id
        self.innovation_label.setText(title)

    def _choose_innovation(self) -> None:
        chosen = pick_innovation(self.ctx, self)
        if chosen:
            self.set_innovation(*chosen)

    def request(self) -> ReportRequest | None:
        """The report the parameters describe (None, with a message, when one is missing)."""
        kind = self.kind.currentData()
        lang = self.ctx.lang
        if kind == "recap":
            return ReportRequest("recap", filter=self.filters.current(), lang=lang)
        if kind == "verification":
            name = self.period.currentData()
            if name != "custom":
                start, end = period_dates(name)  # today's, if the page stayed open overnight
                return ReportRequest("verification", start=start, end=end, lang=lang)
            for box, edit in ((self.use_start, self.start), (self.use_end, self.end)):
                if box.isChecked() and (problem := edit.problem()):
                    self._say(f"{box.text()}: {problem}", error=True)
                    edit.setFocus()
                    return None
            return ReportRequest(
                "verification",
                start=self.start.date() if self.use_start.isChecked() else None,
                end=self.end.date() if self.use_end.isChecked() else None,
                lang=lang,
            )
        if kind == "hub":
            if self.hub.currentData() is None and self.hub_reads.busy:
                self._say(self.tr("Daftar hub masih dimuat; tunggu sebentar."), error=True)
                return None
            if self.hub.currentData() is None:
                self._say(self.tr("Pilih hub terlebih dahulu."), error=True)
                return None
            return ReportRequest("hub", self.hub.currentData(), lang=lang)
        if self.innovation_id is None:
            self._say(self.tr("Pilih inovasi terlebih dahulu."), error=True)
            return None
        return ReportRequest(
            "innovation", self.innovation_id, lang=lang, personal=self.personal.isChecked()
        )

    # --- making -------------------------------------------------------------------------------

    def make(self) -> None:
        """Makes the chosen report in the background and shows it."""
        request = self.request()
        if request is None:
            return
        db = self.ctx.db
        title = self.kind.currentText()

        def work(progress: Any) -> PdfDocument:
            return make_report(db, request, progress)

        def made(pdf: PdfDocument) -> None:
            self.make_button.setEnabled(True)
            name = request.kind if not request.target else f"{request.kind}-{request.target[:8]}"
            self.preview.show_pdf(pdf, title, f"laporan-{name}.pdf")
            self._say(self.tr("%1 halaman.").replace("%1", str(pdf.pages)))

        self.make_button.setEnabled(False)
        self._say(self.tr("Membuat laporan…"))
        run_with_progress(self.ctx.jobs, self, title, work, made, self._failed)

    def _ask_batch(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Profil inovasi"))
        box.setText(self.tr("Cetak profil setiap inovasi yang sesuai filter ke:"))
        one = box.addButton(self.tr("Satu berkas PDF"), QMessageBox.ButtonRole.AcceptRole)
        many = box.addButton(
            self.tr("Satu berkas per inovasi (folder)"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is one:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan PDF"), "profil-inovasi.pdf", self.tr("Dokumen PDF (*.pdf)")
            )
            if path:
                self.start_batch(Path(path), one_file=True)
        elif box.clickedButton() is many:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder"))
            if folder:
                self.start_batch(Path(folder), one_file=False)

    def start_batch(self, target: Path, one_file: bool) -> None:
        """Prints the profile of every innovation the filter keeps, in the background."""
        db, f, lang = self.ctx.db, self.filters.current(), self.ctx.lang
        personal = self.personal.isChecked()

        def work(progress: Any) -> BatchResult:
            return batch_profiles(
                db, f, target, one_file=one_file, lang=lang, personal=personal, progress=progress
            )

        def made(result: BatchResult) -> None:
            self.batch_button.setEnabled(True)
            self.last_batch = result
            self._say(
                self.tr("%1 profil inovasi, %2 halaman: %3")
                .replace("%1", str(result.profiles))
                .replace("%2", str(result.pages))
                .replace("%3", str(target))
            )

        self.batch_button.setEnabled(False)
        self._say(self.tr("Mencetak profil…"))
        run_with_progress(self.ctx.jobs, self, self.tr("Profil inovasi"), work, made, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.batch_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self._say(self.tr("Dibatalkan; tidak ada berkas yang dibuat."))
        elif isinstance(error, ServiceError):
            self._say(error.message(self.ctx.lang), error=True)
        elif isinstance(error, OSError):
            self._say(
                self.tr("Berkas tidak dapat ditulis: %1").replace("%1", str(error)), error=True
            )
        else:
            self._say(self.tr("Gagal: %1").replace("%1", str(error)), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _on_data_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.touches("hub", "agency"):
            self._load_hubs()
