"""What an editor of one record does when that record changes elsewhere (a sync pull, another
window): a clean editor reads it again and says so; one holding unsaved edits keeps them, says
so, and offers "Muat ulang"; a record deleted elsewhere empties the editor with a word.

The agency and hub editors mix this in; each gives its own words (:meth:`elsewhere_text`, so
they are translated in the editor's own context) and its ``_show(id)`` and ``new()``.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QLabel, QPushButton

from jipp_desktop.domain.errors import NotFound

Elsewhere = Literal["kept", "deleted", "reloaded"]


class ChangedElsewhere:
    """The reaction to a change of the shown record made elsewhere.

    The editor provides ``_id`` (the shown record, None for a new one), ``_dirty`` (unsaved
    edits), ``message`` (a QLabel), ``reload_button`` (hidden until needed), ``_show(id)``
    (raises NotFound for a deleted record), ``new()`` and :meth:`elsewhere_text`.
    """

    _id: str | None
    _dirty: bool
    message: QLabel
    reload_button: QPushButton

    def _show(self, record_id: str) -> None:
        raise NotImplementedError

    def new(self) -> None:
        raise NotImplementedError

    def elsewhere_text(self, what: Elsewhere) -> str:
        """The editor's words for a record kept with its edits, deleted, or read again."""
        raise NotImplementedError

    def _shown_changed_elsewhere(self) -> None:
        """The shown record changed elsewhere: read it again, unless the form holds unsaved
        edits (then the officer is told, and the edits stay)."""
        if self._dirty:
            self.reload_button.show()
            self.message.setText(self.elsewhere_text("kept"))
            return
        self._reload_shown()

    def _reload_shown(self) -> None:
        assert self._id is not None
        try:
            self._show(self._id)
        except NotFound:
            self.new()
            self.message.setText(self.elsewhere_text("deleted"))
            return
        self.message.setText(self.elsewhere_text("reloaded"))
