"""Running the sync from the GUI: one exchange at a time in the background, with progress and
Cancel, and automatic sync when it is due.

Automatic sync (when the officer left it on) starts an exchange:
- at start, once the store is open and the officer chosen;
- when Qt's network information says the machine came online;
- after local changes, once the officer has paused for ``CHANGES_DEBOUNCE_MS``;
- every ``CHECK_MS``, when the registry's status endpoint answers and something is due
  (changes waiting, or the last pull older than ``PULL_EVERY``).
A failed automatic exchange waits 30 s, then twice as long each time up to an hour
(``config.note_failure``, kept in QSettings, so it outlives a restart). The registry's own
"wait until" (429/503) is kept in the store by the engine.

What an exchange writes (each pulled page, each push answer) reaches the views as the same kind
of change set a local save makes (``ctx.changed``, origin "registry", no initiator), gathered
for ``TELL_EVERY_MS`` so that a long pull does not make every view read again for each page.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.progress import ProgressFn
from ui.context import AppContext
from ui.sync.config import RegistryConfig, backoff_until, load_config, note_failure, note_success

if TYPE_CHECKING:
    from jipp_desktop.services.change_set import ChangeSet

CHECK_MS = 60_000
CHANGES_DEBOUNCE_MS = 20_000
START_DELAY_MS = 3_000
PULL_EVERY = timedelta(minutes=10)
TELL_EVERY_MS = 300
# Stages of sync.client.engine.STAGES, as the officer reads them.
STAGE_TEXT = {
    "status": ("Menghubungi registri", "Contacting the registry"),
    "login": ("Masuk ke registri", "Signing in"),
    "upload": ("Mengunggah lampiran", "Uploading attachments"),
    "push": ("Mengirim perubahan", "Sending changes"),
    "reference": ("Memperbarui data rujukan", "Updating reference data"),
    "pull": ("Menerima perubahan", "Receiving changes"),
    "download": ("Mengunduh lampiran", "Downloading attachments"),
}


def stage_text(stage: str, lang: str) -> str:
    """A stage of the exchange in the officer's language."""
    text_id, text_en = STAGE_TEXT.get(stage, (stage, stage))
    return text_en if lang == "en" else text_id


class SyncController(QObject):
    """Starts exchanges (by hand or automatically) and reports on them.

    Signals:
        started(): an exchange began.
        progressed(stage, done, total): where it is (total 0: not known).
        finished(result): it completed (a ``sync.client.engine.SyncResult``).
        failed(message, transient): it could not complete; the message says why and what is
            left; ``transient``: trying later may succeed.
        reachability(online): whether the registry answered the last check.
        wrote(change_set): (from the exchange's thread) a step of it committed these changes.
    """

    started = Signal()
    progressed = Signal(str, int, int)
    finished = Signal(object)
    failed = Signal(str, bool)
    reachability = Signal(bool)
    wrote = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._running = False
        self._cancel = threading.Event()
        self._checking = False
        self.password: str | None = None  # asked this session when the keyring has none
        self._check = QTimer(self)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self.check_registry)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(CHANGES_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.start(manual=False))
        self._untold: ChangeSet | None = None
        self._tell = QTimer(self)
        self._tell.setSingleShot(True)
        self._tell.setInterval(TELL_EVERY_MS)
        self._tell.timeout.connect(self._tell_views)
        # Emitted on the exchange's thread; the slot runs on the GUI thread (queued).
        self.wrote.connect(self._gather)
        ctx.changed.connect(self._data_changed)
        ctx.when_ready(self, self._ready)

    # -- state ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether an exchange is under way."""
        return self._running

    @property
    def config(self) -> RegistryConfig:
        """The registry connection as set on the Sync page."""
        return load_config(self._ctx.settings)

    def known_password(self) -> str | None:
        """The account's password from the environment, the keyring or this session."""
        import os

        from sync.client.credentials import ENV, stored_password

        config = self.config
        return os.environ.get(ENV) or stored_password(config.url, config.username) or self.password

    # -- starting ------------------------------------------------------------------------

    def start(self, *, manual: bool = True) -> bool:
        """Starts an exchange unless one runs, the connection is not set, or (automatic only)
        automatic sync is off or waiting after failures. Returns whether it started."""
        config = self.config
        if self._running or not config.complete or not self._ctx.is_ready:
            return False
        if not manual and (not config.auto or backoff_until(self._ctx.settings)):
            return False
        password = self.known_password()
        if password is None:
            if manual:
                self.failed.emit(
                    self.tr("Kata sandi akun registri belum diisi (halaman Sinkronisasi)."),
                    False,
                )
            return False
        self._running = True
        self._cancel.clear()
        self._debounce.stop()
        self.started.emit()
        db, actor = self._ctx.db, self._ctx.actor

        def work(_progress: ProgressFn) -> Any:
            from sync.client.engine import synchronise

            return synchronise(
                db,
                actor,
                config.url,
                config.username,
                password,
                ca_file=config.ca_file or None,
                progress=lambda stage, done, total: self.progressed.emit(stage, done, total),
                cancel=self._cancel.is_set,
                changed=self.wrote.emit,
            )

        # Not the write thread: an exchange waits on the network for long stretches, and its
        # own transactions are short (a batch or a page each), so saves are not held up.
        self._ctx.jobs.start(work, self._succeeded, self._failed)
        return True

    def cancel(self) -> None:
        """Asks the running exchange to stop after its current batch or page."""
        self._cancel.set()

    def _gather(self, changes: ChangeSet) -> None:
        self._untold = changes if self._untold is None else self._untold.merged(changes)
        if not self._tell.isActive():
            self._tell.start()

    def _tell_views(self) -> None:
        self._tell.stop()
        untold, self._untold = self._untold, None
        if untold:
            self._ctx.changed.emit(untold, None)

    def _succeeded(self, result: Any) -> None:
        self._running = False
        note_success(self._ctx.settings)
        self.reachability.emit(True)
        self._tell_views()  # what the last pages wrote, before the result is shown
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        from sync.client.engine import SyncFailed

        self._running = False
        transient = isinstance(error, SyncFailed) and error.transient
        if transient:
            note_failure(self._ctx.settings)
            self.reachability.emit(False)
        if isinstance(error, ServiceError):
            message = error.message()
        else:
            from jipp_desktop.db.schema import describe_failure

            message = describe_failure(error)
        self._tell_views()  # the steps that committed before it failed stay
        self.failed.emit(message, transient)

    # -- automatic sync ------------------------------------------------------------------

    def _ready(self) -> None:
        self._check.start()
        QTimer.singleShot(START_DELAY_MS, self, lambda: self.start(manual=False))
        self._watch_network()

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        info = QNetworkInformation.instance()
        if info is None and QNetworkInformation.loadDefaultBackend():
            info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._network_changed)

    def _network_changed(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.check_registry()

    def _data_changed(self, changes: ChangeSet, _initiator: object) -> None:
        # A local change (not what an exchange wrote, nor a reload) starts the countdown.
        local = changes.origin == "local" and not changes.everything
        if local and changes.sync_state and not self._running and self.config.auto:
            self._debounce.start()

    def check_registry(self) -> None:
        """Asks the registry's status endpoint in the background; syncs when it answers and
        something is due."""
        config = self.config
        if self._checking or self._running or not config.complete or not config.auto:
            return
        self._checking = True
        db = self._ctx.db

        def work(_progress: ProgressFn) -> bool:
            from jipp_desktop.syncstate.device import last_sync
            from jipp_desktop.syncstate.pending import pending_count
            from sync.client.http import RegistryClient

            with RegistryClient(config.url, ca_file=config.ca_file or None, retries=0) as client:
                client.status()
            with db.session() as s:
                waiting, last = pending_count(s), last_sync(s)
            return waiting > 0 or last is None or datetime.now(UTC) - last > PULL_EVERY

        def answered(due: bool) -> None:
            self._checking = False
            self.reachability.emit(True)
            if due:
                self.start(manual=False)

        def unanswered(_error: BaseException) -> None:
            self._checking = False
            self.reachability.emit(False)

        self._ctx.jobs.start(work, answered, unanswered)

    def shutdown(self, msecs: int = 30_000) -> None:
        """Stops timers, cancels a running exchange and waits for it (the app is closing:
        what was committed stays, the rest is sent next time)."""
        self._check.stop()
        self._debounce.stop()
        self._cancel.set()
        self._ctx.jobs.wait_idle(msecs)
