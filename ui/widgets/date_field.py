"""A date the officer can type the Indonesian way or pick from a calendar.

The text is read by :func:`jipp_desktop.dates.parse_date` ("12/03/2025", "12-3-2025",
"12 Maret 2025"); on leaving the field it is rewritten in the app's one date format (the
lists' "12 Mar 2025", Babel's medium style), and text that is no date stays as typed, marked,
with the reason under the field. Blank means no date. Tab moves on as in any text field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from jipp_desktop.dates import DateTextError, parse_date
from ui.i18n import format_date

INVALID_STYLE = "border: 1px solid #b00020;"


class DateField(QLineEdit):
    """A line edit holding a date (or none), with a calendar button at its end.

    Signals:
        date_changed(): the date it holds changed (typed and left, or picked).
        problem_changed(message): the text became no date ("" once it is one again).
    """

    date_changed = Signal()
    problem_changed = Signal(str)

    def __init__(self, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._shown: date | None = None
        self._problem = ""
        self.setPlaceholderText(self.tr("hh/bb/tttt"))
        self.setToolTip(self.tr("Ketik misalnya 12/03/2025 atau 12 Maret 2025"))
        self.setMaximumWidth(170)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = QAction(icon, self.tr("Pilih dari kalender"), self)
        self.calendar_action.setObjectName("calendar")
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.editingFinished.connect(self._finished)

    # -- value ---------------------------------------------------------------------------

    def date(self) -> date | None:
        """The date the text names (None when blank or when it is no date)."""
        try:
            return parse_date(self.text())
        except DateTextError:
            return None

    def problem(self) -> str:
        """Why the text is no date ("" when it is one, or blank)."""
        try:
            parse_date(self.text())
        except DateTextError as exc:
            return exc.message(self._lang)
        return ""

    def set_date(self, value: date | None) -> None:
        """Shows a date (blank for None) without announcing a change."""
        self._shown = value
        self.setText(format_date(value, self._lang))
        self._set_problem("")

    def _finished(self) -> None:
        message = self.problem()
        self._set_problem(message)
        if message:
            return
        value = self.date()
        self.setText(format_date(value, self._lang))
        if value != self._shown:
            self._shown = value
            self.date_changed.emit()

    def _set_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.setStyleSheet(INVALID_STYLE if message else "")
        self.problem_changed.emit(message)

    # -- calendar ------------------------------------------------------------------------

    def open_calendar(self) -> QCalendarWidget:
        """Opens the calendar under the field, at the date held (today when none)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("calendar_popup")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        start = self.date() or date.today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, day: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self.setText(format_date(date(day.year(), day.month(), day.day()), self._lang))
        self._finished()
        self.setFocus()
