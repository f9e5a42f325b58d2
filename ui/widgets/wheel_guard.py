"""One rule for every dropdown, spin box and date field of the app: the mouse wheel changes
its value only when the officer has put the focus in it; otherwise the wheel scrolls the form
(or list) around it.

Qt gives a dropdown the focus on a wheel turn (``Qt.WheelFocus``) and lets the wheel step its
value, so scrolling a long form changed "Inisiator" with no sign. An event filter on the
application sees every widget: each one of those kinds gets ``Qt.StrongFocus`` when it is
polished, and a wheel turn over one without focus goes to the nearest scroll area instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """The application's event filter that keeps the wheel off unfocused value widgets."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Sets the focus policy at polish; sends a wheel turn on to the scroll area."""
        kind = event.type()
        if kind == QEvent.Type.Polish:
            if isinstance(watched, GUARDED):
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(watched, GUARDED):
            return False
        if watched.hasFocus() or watched.window().windowType() == Qt.WindowType.Popup:
            return False  # focused, or inside a popup (the calendar's year box)
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Installs the guard on the application once; returns it."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
