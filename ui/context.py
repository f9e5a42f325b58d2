"""What every window, page and dialog shares: the store, the acting officer, the job runner,
the write queue (the one way the GUI changes data), the settings and the signal that says what
changed.

At start the main window shows before the store is opened (its first screen reads the
innovation list without SQLAlchemy, see ``jipp_desktop.db.first_page``); the context then says
``ready`` once the store is open and the officer chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

from jipp_desktop.progress import ProgressFn
from ui.jobs import Job, JobRunner
from ui.writes import WriteQueue

if TYPE_CHECKING:
    from collections.abc import Callable

    from jipp_desktop.db.engine import Database
    from jipp_desktop.services.change_set import ChangeSet
    from jipp_desktop.services.officers import Actor
    from ui.reference import ReferenceCache
    from ui.sync.controller import SyncController


class StoreOpening:
    """The store being opened on a pool thread; :meth:`wait` gives it to the GUI thread early."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: Database | None = None
        self._error: BaseException | None = None
        self.job: Job | None = None

    def run(self, _progress: ProgressFn) -> Database:
        """Opens the store (on the pool thread)."""
        from jipp_desktop.db.engine import open_database

        try:
            self._db = open_database(self._path)
        except BaseException as exc:
            self._error = exc
            raise
        return self._db

    def wait(self) -> Database:
        """Waits for the opening to end; the store, or the error it raised."""
        assert self.job is not None
        self.job.done.wait()
        if self._error is not None:
            raise self._error
        assert self._db is not None
        return self._db


class AppContext(QObject):
    """Shared state of the running app.

    Attributes:
        jobs: runs background work.
        writes: runs every change the GUI makes (``ui.writes``).
        settings: QSettings for layout, column widths, filters and preferences.
        lang: "id" or "en".

    Signals:
        changed(change_set, initiator): changes were committed — by the officer through
            ``writes`` (``initiator``: the widget acted in), or pulled by the sync
            (``initiator`` None, origin "registry"); a ``ChangeSet`` says which records of which
            kinds. Every view decides itself whether to read again.
        actor_changed(): another officer profile was chosen.
        store_opened(): the store has been opened (once, at start, before ``ready``).
        ready(): the store is open and the officer chosen (once, at start).
    """

    changed = Signal(object, object)
    actor_changed = Signal()
    store_opened = Signal()
    ready = Signal()

    def __init__(
        self,
        db: Database | None,
        actor: Actor | None,
        settings: QSettings,
        lang: str = "id",
        parent: QObject | None = None,
        *,
        store_path: Path | None = None,
    ) -> None:
        """A context over an opened store and a chosen officer, or (``None`` for both, with
        ``store_path``) one that is still starting."""
        super().__init__(parent)
        if db is None and store_path is None:
            raise ValueError("an AppContext needs a store or the path of one")
        self._db = db
        self._actor = actor
        self._store_path = store_path or db.path  # type: ignore[union-attr]
        self.settings = settings
        self.lang = lang
        self.jobs = JobRunner(self)
        self.writes = WriteQueue(self)
        self._reference: ReferenceCache | None = None
        self._opening: StoreOpening | None = None
        self._deferred: list[Callable[[], object]] = []
        self._sync: SyncController | None = None
        self.changed.connect(self._forget_reference)
        app = QCoreApplication.instance()
        if app is not None:
            from ui.widgets.wheel_guard import install_wheel_guard

            install_wheel_guard(app)

    @property
    def sync(self) -> SyncController:
        """The sync with the registry (made on first use; the main window makes it at start,
        so automatic sync runs whichever page is shown)."""
        if self._sync is None:
            from ui.sync.controller import SyncController

            self._sync = SyncController(self, self)
        return self._sync

    @property
    def store_path(self) -> Path:
        """The store's file (known before the store is opened)."""
        return self._store_path

    @property
    def store_open(self) -> bool:
        """Whether the store has been opened (SQLAlchemy loaded)."""
        return self._db is not None

    @property
    def db(self) -> Database:
        """The store, opened on first use when the window showed before it.

        Raises:
            StoreError: the file cannot be used as a store.
        """
        if self._db is None:
            if self._opening is not None:
                # Opening in the background: wait for it rather than open the store twice.
                self._adopt(self._opening.wait())
            else:
                from jipp_desktop.db.engine import open_database

                self._adopt(open_database(self._store_path))
        assert self._db is not None
        return self._db

    def _adopt(self, db: Database) -> None:
        self._db = db
        self.store_opened.emit()

    def open_in_background(
        self, opened: Callable[[], None], failed: Callable[[BaseException], None]
    ) -> None:
        """Opens the store on a pool thread (at start: loading SQLAlchemy, a migration or the
        reference data must not freeze the window that already shows); ``opened`` or
        ``failed`` then run on the GUI thread. Already open: ``opened`` runs at once."""
        if self._db is not None:
            opened()
            return
        opening = StoreOpening(self._store_path)
        self._opening = opening

        def done(db: Database) -> None:
            self._opening = None
            if self._db is None:
                self._adopt(db)
            opened()

        def fail(error: BaseException) -> None:
            self._opening = None
            failed(error)

        opening.job = self.jobs.start(opening.run, done, fail)

    def adopt_restored_store(self, db: Database) -> None:
        """Uses the store opened again after a restore (``ui.store_backup``): the reference
        data is read anew and every view reads again."""
        from jipp_desktop.services.change_set import ChangeSet

        self._db = db
        self._reference = None
        self.changed.emit(ChangeSet.of_everything(), None)

    @property
    def actor(self) -> Actor:
        """The officer at the keyboard."""
        if self._actor is None:
            raise RuntimeError("no officer profile has been chosen yet")
        return self._actor

    @property
    def is_ready(self) -> bool:
        """Whether the store is open and the officer chosen."""
        return self._db is not None and self._actor is not None

    def when_ready(self, receiver: QObject, slot: Callable[[], None]) -> None:
        """Calls ``slot`` once the context is ready: after the start-up when it is still
        starting, else on the next turn of the event loop (after the window's first paint)."""
        if self.is_ready:
            QTimer.singleShot(0, receiver, slot)
        else:
            self.ready.connect(slot)

    def after_ready(self, slot: Callable[[], object]) -> Callable[..., None]:
        """``slot`` for a menu action, shortcut or button that needs the store and the officer:
        run at once when ready, else when the start-up has finished (pressed several times
        meanwhile, it still runs once)."""

        def run(*_args: object) -> None:
            if self.is_ready:
                slot()
            elif slot not in self._deferred:
                self._deferred.append(slot)

        return run

    @property
    def reference(self) -> ReferenceCache:
        """Regions and agencies for dropdowns (read once, dropped when agencies change)."""
        if self._reference is None:
            from ui.reference import ReferenceCache

            self._reference = ReferenceCache(lambda: self.db)
        return self._reference

    def _forget_reference(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.touches("agency") and self._reference is not None:
            self._reference.forget_agencies()

    @property
    def attachments_folder(self) -> Path:
        """Where this store keeps attachment files."""
        from jipp_desktop.services.attachments import store_folder

        return store_folder(self.db.path)

    def set_actor(self, actor: Actor) -> None:
        """Switches the acting officer (at start: the first one chosen, which makes the context
        ready when the store is open)."""
        starting = not self.is_ready
        self._actor = actor
        self.actor_changed.emit()
        if starting and self.is_ready:
            self.ready.emit()
            deferred, self._deferred = self._deferred, []
            for slot in deferred:
                slot()
