"""The status bar: online or offline, changes not yet synced, problems of the sync, when the
last sync was, the exchange under way, and "Menyimpan…" while the officer's changes wait for the
store or are written. It reads its counts again, on the read pool, when a change set says the
sync's state moved."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui.context import AppContext
from ui.i18n import format_datetime, format_number
from ui.store_reads import LatestRead

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from jipp_desktop.services.change_set import ChangeSet

Summary = tuple[int, int, datetime | None]


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


def sync_summary(s: Session) -> Summary:
    """Records waiting for the registry, records the sync could not settle, and when the
    last exchange completed (None: never)."""
    from jipp_desktop.syncstate.device import last_sync
    from jipp_desktop.syncstate.pending import pending_count
    from jipp_desktop.syncstate.problems import problem_count

    return pending_count(s), problem_count(s), last_sync(s)


class SyncStatusBar(QStatusBar):
    """Always shows: online/offline, unsynced changes, sync problems, last sync time; and what
    a running exchange is doing.

    Attributes:
        network: the online/offline label (the registry's answer once a registry is set).
        pending: the unsynced-changes label.
        problems: the label of records the sync could not settle (hidden when none).
        last_sync: the last-sync label.
        saving: "Menyimpan…" while changes are queued or written (hidden otherwise).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.network = QLabel()
        self.network.setObjectName("network")
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.hide()
        self.last_sync = QLabel()
        self.last_sync.setObjectName("last_sync")
        self.saving = QLabel()
        self.saving.setObjectName("saving")
        self.saving.hide()
        self.reads = LatestRead(ctx, self)
        self.reads.loading.connect(self._loading)
        for label in (self.saving, self.network, self.pending, self.problems, self.last_sync):
            self.addPermanentWidget(label)
        ctx.changed.connect(self._changed)
        ctx.writes.pending_changed.connect(self._show_saving)
        sync = ctx.sync
        sync.progressed.connect(self._progressed)
        sync.finished.connect(lambda _result: self.clearMessage())
        sync.failed.connect(lambda message, _t: self.showMessage(message, 15_000))
        # An exchange that ended, however far it got, may have moved the counts.
        sync.finished.connect(lambda _result: self.refresh())
        sync.failed.connect(lambda _message, _t: self.refresh())
        sync.reachability.connect(self._show_registry)
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

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.sync_state or changes.everything:
            self.refresh()

    def _show_saving(self, pending: int) -> None:
        text = self.tr("Menyimpan…")
        if pending > 1:
            text += f" ({format_number(pending, self._ctx.lang)})"
        self.saving.setText(text)
        self.saving.setVisible(pending > 0)

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

    def _show_registry(self, reachable: bool) -> None:
        self.network.setText(self.tr("● Daring") if reachable else self.tr("○ Luring"))
        self.network.setToolTip(
            self.tr("Registri dapat dihubungi")
            if reachable
            else self.tr("Registri tidak dapat dihubungi")
        )

    def _progressed(self, stage: str, done: int, total: int) -> None:
        from ui.sync.controller import stage_text

        text = stage_text(stage, self._ctx.lang)
        if total:
            lang = self._ctx.lang
            text += f" {format_number(done, lang)}/{format_number(total, lang)}"
        self.showMessage(self.tr("Sinkronisasi: %1…").replace("%1", text))

    def refresh(self) -> None:
        """Reads the pending count, the problems and the last sync time again (in the
        background; an answer to an older request is dropped)."""
        self.reads.request(sync_summary, self._show_summary, self._summary_failed)

    def _loading(self, busy: bool) -> None:
        if busy and not self.pending.text():
            self.pending.setText(self.tr("Memuat…"))

    def _summary_failed(self, message: str) -> None:
        self.pending.setText(self.tr("Belum disinkronkan: ?"))
        self.pending.setToolTip(message)

    def _show_summary(self, summary: Summary) -> None:
        pending, problems, when = summary
        lang = self._ctx.lang
        self.pending.setText(
            self.tr("Belum disinkronkan: %1").replace("%1", format_number(pending, lang))
        )
        self.problems.setText(
            self.tr("Masalah sinkronisasi: %1").replace("%1", format_number(problems, lang))
        )
        self.problems.setVisible(problems > 0)
        text = format_datetime(when, lang) if when else self.tr("belum pernah")
        self.last_sync.setText(self.tr("Sinkronisasi terakhir: %1").replace("%1", text))
