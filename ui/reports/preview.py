"""Previewing a PDF made in memory (QtPdf), printing it (QPrintDialog) and saving it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.documents.pdf import PdfDocument

PRINT_DPI_MAX = 300


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Prints every page of ``document`` on ``printer``, each page scaled to the printable area.

    Returns:
        The number of pages printed.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            scale = min(area.width() / size.width(), area.height() / size.height())
            target = QRectF(QPointF(0, 0), size.toSizeF() * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return document.pageCount()


class PdfPreview(QWidget):
    """A PDF shown page after page, with Print and Save-as buttons.

    Attributes:
        document: the loaded PDF (QtPdf).
        view: the viewer.
        title: what the document is (shown above it and used for the print job).

    Signals:
        saved(path): the PDF was saved to a file.
    """

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Cetak…"), self)
        self.save_button = QPushButton(self.tr("Simpan sebagai…"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        # Until a document is shown, the viewer's empty grey area gives way to what to do.
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("preview_placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #555; font-size: 11pt; padding: 40px;")
        self.placeholder.hide()
        layout.addWidget(self.placeholder, 1)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        self._pdf: PdfDocument | None = None
        self._name = "dokumen.pdf"
        self._buffer: QBuffer | None = None
        self._set_enabled(False)

    def set_placeholder(self, text: str) -> None:
        """What shows in place of the viewer until a document is shown."""
        self.placeholder.setText(text)
        if self._pdf is None:
            self.view.hide()
            self.placeholder.show()

    def show_pdf(self, pdf: PdfDocument, title: str, file_name: str) -> None:
        """Shows ``pdf``; ``file_name`` is offered when saving."""
        self.placeholder.hide()
        self.view.show()
        self.document.close()
        # QPdfDocument reads from the device while it shows the pages: keep it alive.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._pdf = pdf
        self._name = file_name
        self.title.setText(
            self.tr("%1 — %2 halaman")
            .replace("%1", title)
            .replace("%2", str(self.document.pageCount()))
        )
        self._set_enabled(True)

    @property
    def pdf(self) -> PdfDocument | None:
        """The PDF shown (None before one is)."""
        return self._pdf

    def page_count(self) -> int:
        """How many pages the viewer has loaded."""
        return self.document.pageCount()

    def _set_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def save_to(self, path: Path | str) -> Path:
        """Writes the PDF shown to ``path``."""
        if self._pdf is None:
            raise ValueError("no document shown")
        written = self._pdf.write(path)
        self.saved.emit(str(written))
        return written

    def ask_save(self) -> None:
        """Asks where to save the PDF, then saves it."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), self._name, self.tr("Dokumen PDF (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Simpan PDF"),
                self.tr("Berkas tidak dapat ditulis: %1").replace("%1", f"{path} ({exc.strerror})"),
            )

    def ask_print(self) -> None:
        """Opens the print dialog and prints every page."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title.text())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_pdf(self.document, printer)
        except OSError:
            QMessageBox.warning(self, self.tr("Cetak"), self.tr("Printer tidak dapat dipakai."))


class PreviewDialog(QDialog):
    """A window showing one PDF (e.g. a commitment letter) with Print and Save-as."""

    def __init__(
        self, pdf: PdfDocument, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.preview = PdfPreview(self)
        self.preview.show_pdf(pdf, title, file_name)
        close = QPushButton(self.tr("Tutup"), self)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(820, 900)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
