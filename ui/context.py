"""What every window, page and dialog shares: the store, the acting officer, the job runner,
the settings and the signal that data changed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from jipp_desktop.db.engine import Database
from jipp_desktop.services.officers import Actor
from ui.jobs import JobRunner

if TYPE_CHECKING:
    from ui.reference import ReferenceCache


class AppContext(QObject):
    """Shared state of the running app.

    Attributes:
        db: the opened store.
        actor: the officer at the keyboard (chosen at start).
        jobs: runs background work.
        settings: QSettings for layout, column widths, filters and preferences.
        lang: "id" or "en".

    Signals:
        data_changed(entity): a change was committed ("innovation", "agency", "commitment", …);
            views reload what they show.
        actor_changed(): another officer profile was chosen.
    """

    data_changed = Signal(str)
    actor_changed = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        settings: QSettings,
        lang: str = "id",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.settings = settings
        self.lang = lang
        self.jobs = JobRunner(self)
        self._reference: ReferenceCache | None = None
        self.data_changed.connect(self._forget_reference)

    @property
    def reference(self) -> ReferenceCache:
        """Regions and agencies for dropdowns (read once, dropped when agencies change)."""
        if self._reference is None:
            from ui.reference import ReferenceCache

            self._reference = ReferenceCache(self.db)
        return self._reference

    def _forget_reference(self, entity: str) -> None:
        if entity == "agency" and self._reference is not None:
            self._reference.forget_agencies()

    @property
    def attachments_folder(self) -> Path:
        """Where this store keeps attachment files."""
        from jipp_desktop.services.attachments import store_folder

        return store_folder(self.db.path)

    def set_actor(self, actor: Actor) -> None:
        """Switches the acting officer."""
        self.actor = actor
        self.actor_changed.emit()
