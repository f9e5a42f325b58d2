"""The Sync page (Sinkronisasi): what is waiting to be sent to the national registry, per kind of
record, and when the last sync was. The registry connection itself is set up later; until then
this page only reports, it never pretends to sync."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.services.stats import pending_by_kind
from ui.context import AppContext
from ui.i18n import format_datetime, format_number
from ui.status_bar import last_sync_at


class SyncPage(QWidget):
    """The queue of unsynced changes by kind and the last sync time.

    Attributes:
        table: kind → count of changes not yet sent.
        last_sync: when the last sync finished.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync")
        self._ctx = ctx
        self._kinds = {
            "innovations": self.tr("Inovasi"),
            "verifications": self.tr("Verifikasi"),
            "agencies": self.tr("Instansi"),
            "hubs": self.tr("Hub"),
            "replications": self.tr("Replikasi"),
            "commitments": self.tr("Komitmen"),
            "attachments": self.tr("Lampiran"),
        }
        title = QLabel(self.tr("Antrean perubahan yang belum dikirim ke JIPPNas"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("pending_table")
        self.table.setHorizontalHeaderLabels([self.tr("Jenis data"), self.tr("Perubahan")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(260)
        self.total = QLabel()
        self.total.setObjectName("pending_total")
        self.last_sync = QLabel()
        self.last_sync.setObjectName("last_sync_page")
        note = QLabel(
            self.tr(
                "Semua perubahan tersimpan di komputer ini dan tetap aman tanpa koneksi. "
                "Koneksi ke registri nasional (alamat server dan akun) diatur kemudian; "
                "setelah itu perubahan di atas dikirim dan perubahan dari pusat diambil."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table)
        layout.addWidget(self.total)
        layout.addWidget(self.last_sync)
        layout.addWidget(note)
        layout.addStretch(1)
        ctx.data_changed.connect(lambda _e: self.reload())
        self.reload()

    def reload(self) -> None:
        """Counts the unsynced changes again."""
        lang = self._ctx.lang
        with self._ctx.db.session() as s:
            pending = pending_by_kind(s)
        self.table.setRowCount(len(pending))
        for row, (kind, n) in enumerate(pending.items()):
            self.table.setItem(row, 0, QTableWidgetItem(self._kinds.get(kind, kind)))
            self.table.setItem(row, 1, QTableWidgetItem(format_number(n, lang)))
        total = format_number(sum(pending.values()), lang)
        self.total.setText(self.tr("Jumlah perubahan belum disinkronkan: %1").replace("%1", total))
        when = last_sync_at(self._ctx)
        text = format_datetime(when, lang) if when else self.tr("belum pernah")
        self.last_sync.setText(self.tr("Sinkronisasi terakhir: %1").replace("%1", text))
