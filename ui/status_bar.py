"""The status bar: online or offline, changes not yet synced, and when the last sync was."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui.context import AppContext
from ui.i18n import format_datetime, format_number

LAST_SYNC_KEY = "sync.last_at"


def reachability_online() -> bool:
    """Whether Qt's network information backend says the internet is reachable.

    Without a backend (no network manager on this system) the app cannot tell, and says
    offline rather than pretend.
    """
    from PySide6.QtNetwork import QNetworkInformation

    info = QNetworkInformation.instance()
    if info is None and QNetworkInformation.loadDefaultBackend():
        info = QNetworkInformation.instance()
    return info is not None and info.reachability() == QNetworkInformation.Reachability.Online


def last_sync_at(ctx: AppContext) -> datetime | None:
    """When the last sync finished (None when never)."""
    from jipp_desktop.services.settings import get_setting

    with ctx.db.session() as s:
        raw = get_setting(s, LAST_SYNC_KEY)
    try:
        return datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None


class SyncStatusBar(QStatusBar):
    """Always shows: online/offline, unsynced changes, last sync time.

    Attributes:
        network: the online/offline label.
        pending: the unsynced-changes label.
        last_sync: the last-sync label.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.network = QLabel()
        self.network.setObjectName("network")
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.last_sync = QLabel()
        self.last_sync.setObjectName("last_sync")
        for label in (self.network, self.pending, self.last_sync):
            self.addPermanentWidget(label)
        ctx.data_changed.connect(lambda _entity: self.refresh())
        # The reachability backend (~60 ms to load) is probed once the window has painted.
        QTimer.singleShot(300, self, self._watch_network)
        # Counting unsynced changes over a large store waits for the first paint too (and, at
        # start, for the store to be opened).
        self._show_network(False)
        if ctx.store_open:
            QTimer.singleShot(0, self, self.refresh)
        else:
            self.showMessage(self.tr("Membuka basis data…"))
            ctx.store_opened.connect(self._store_opened)

    def _store_opened(self) -> None:
        self.clearMessage()
        self.refresh()

    def _watch_network(self) -> None:
        online = reachability_online()
        from PySide6.QtNetwork import QNetworkInformation

        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(lambda _r: self._show_network(reachability_online()))
        self._show_network(online)

    def _show_network(self, online: bool) -> None:
        self.network.setText(self.tr("● Daring") if online else self.tr("○ Luring"))
        self.network.setToolTip(
            self.tr("Terhubung ke internet") if online else self.tr("Tidak ada koneksi internet")
        )

    def refresh(self) -> None:
        """Reads the pending count and the last sync time again."""
        from jipp_desktop.services.stats import pending_by_kind

        with self._ctx.db.session() as s:
            pending = sum(pending_by_kind(s).values())
        self.pending.setText(
            self.tr("Belum disinkronkan: %1").replace("%1", format_number(pending, self._ctx.lang))
        )
        when = last_sync_at(self._ctx)
        text = format_datetime(when, self._ctx.lang) if when else self.tr("belum pernah")
        self.last_sync.setText(self.tr("Sinkronisasi terakhir: %1").replace("%1", text))
