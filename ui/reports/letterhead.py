"""The letterhead section of the Settings page: the agency name, address and logo printed at
the top of every letter and report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.documents.letterhead import (
    Letterhead,
    check_logo,
    load_letterhead,
    save_letterhead,
)
from jipp_desktop.domain.errors import ServiceError, ValidationFailed
from ui.context import AppContext
from ui.widgets.field_errors import FieldErrors
from ui.writes import failure_text

LOGO_BOX = 72


class LetterheadSettings(QWidget):
    """Edits the letterhead; saving checks it and stores it in the database.

    Attributes:
        agency_name: the issuing agency's name.
        address: its address (up to four lines).
        logo_preview: the chosen logo; ``logo`` holds its bytes (None: no logo).
        errors: the message label of each field.
        message: what happened last.

    Signals:
        settled(stored): a queued save ended: committed, or refused (the form says why).
    """

    settled = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterhead")
        self.ctx = ctx
        self.logo: bytes | None = None
        self.agency_name = QLineEdit()
        self.agency_name.setObjectName("letterhead_agency")
        self.address = QPlainTextEdit()
        self.address.setObjectName("letterhead_address")
        self.address.setMaximumHeight(80)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(LOGO_BOX, LOGO_BOX)
        self.logo_preview.setStyleSheet("border: 1px solid #c0c0c0;")
        choose = QPushButton(self.tr("Pilih logo…"))
        remove = QPushButton(self.tr("Hapus logo"))
        self.save_button = QPushButton(self.tr("Simpan kop surat"))
        self.message = QLabel()
        self.errors = FieldErrors()

        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        logo_row.addLayout(buttons)
        logo_row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Nama instansi"), self.agency_name)
        form.addRow("", self.errors.add("agency_name", self.agency_name))
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow("", self.errors.add("address", self.address))
        form.addRow(self.tr("Logo (PNG/JPEG)"), logo_row)
        form.addRow("", self.errors.add("logo", self.logo_preview))
        form.addRow("", self.save_button)
        form.addRow("", self.message)

        choose.clicked.connect(self._ask_logo)
        remove.clicked.connect(lambda: self.set_logo(None))
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        """Shows the stored letterhead."""
        with self.ctx.db.session() as session:
            letterhead = load_letterhead(session)
        self.agency_name.setText(letterhead.agency_name)
        self.address.setPlainText(letterhead.address)
        self.set_logo(letterhead.logo)
        self.errors.clear()

    def value(self) -> Letterhead:
        """The letterhead as entered."""
        return Letterhead(self.agency_name.text(), self.address.toPlainText(), self.logo)

    def set_logo(self, data: bytes | None) -> None:
        """Shows (and keeps) a logo; None removes it."""
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(LOGO_BOX - 4, LOGO_BOX - 4, Qt.AspectRatioMode.KeepAspectRatio)
            )
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("tanpa logo") if not data else "?")

    def choose_logo_file(self, path: Path) -> bool:
        """Reads a logo file; tells at the field when it cannot be the logo."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._logo_error(self.tr("Berkas tidak dapat dibaca: %1").replace("%1", str(exc)))
            return False
        problem = check_logo(data)
        if problem is not None:
            self._logo_error(f"{path.name}: {problem.message(self.ctx.lang)}")
            return False
        self.errors.labels["logo"].hide()
        self.set_logo(data)
        return True

    def _logo_error(self, text: str) -> None:
        label = self.errors.labels["logo"]
        label.setText(text)
        label.show()

    def _ask_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo"), "", self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if path:
            self.choose_logo_file(Path(path))

    def save(self) -> bool:
        """Queues checking and storing the letterhead (one use case on the write thread);
        messages go to the fields. Returns whether it was queued (``settled`` tells the
        outcome)."""
        self.errors.clear()
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Menyimpan…"))
        self.ctx.writes.run(
            self,
            save_letterhead,
            self.ctx.actor,
            self.value(),
            done=self._saved,
            failed=self._refused,
        )
        return True

    def _saved(self, _none: None) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Kop surat tersimpan."))
        self.settled.emit(True)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            rest = self.errors.show(error, self.ctx.lang)
            self.message.setText("\n".join([self.tr("Kop surat belum tersimpan."), *rest]))
        elif isinstance(error, ServiceError):
            self.message.setText(error.message(self.ctx.lang))
        else:
            self.message.setText(failure_text(error, self.ctx.lang))
        self.settled.emit(False)
