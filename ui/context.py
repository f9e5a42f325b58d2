"""What every window, page and dialog shares: the store, the acting officer, the job runner,
the settings and the signal that data changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from jipp_desktop.db.engine import Database
from jipp_desktop.services.officers import Actor
from ui.jobs import JobRunner


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

    @property
    def attachments_folder(self) -> Path:
        """Where this store keeps attachment files."""
        from jipp_desktop.services.attachments import store_folder

        return store_folder(self.db.path)

    def set_actor(self, actor: Actor) -> None:
        """Switches the acting officer."""
        self.actor = actor
        self.actor_changed.emit()
