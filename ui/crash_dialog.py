"""What an unexpected error shows: a dialog in the officer's language with "Salin detail".

The dialog is not modal and ends nothing: the form the officer was typing stays open and can
still be saved. "Salin detail" copies what support needs (the version, the system, the
traceback and the log's last lines, see :func:`jipp_desktop.app_log.details`). Errors that come
while it is open are added to it rather than stacking dialogs.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop import app_log

log = logging.getLogger(__name__)

_open: CrashDialog | None = None


class CrashDialog(QDialog):
    """The report of one or more unexpected errors.

    Attributes:
        reason: what went wrong, in words (the first error).
        details: the text "Salin detail" copies (every error, then the log's last lines).
        copy_button: "Salin detail".
    """

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jipp_desktop.db.schema import describe_failure

        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("JIPP Desktop — kesalahan"))
        self.setModal(False)
        self._errors: list[BaseException] = []
        intro = QLabel(
            self.tr(
                "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sedang Anda isi tetap "
                "terbuka dan masih dapat disimpan."
            )
        )
        intro.setWordWrap(True)
        self._first = describe_failure(error)
        self.reason = QLabel(self._first)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        help_text = QLabel(
            self.tr(
                "Jika kesalahan ini berulang, klik \u201cSalin detail\u201d lalu kirimkan teksnya "
                "kepada pengelola aplikasi. Log: %1"
            ).replace("%1", str(app_log.log_path()))
        )
        help_text.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("details")
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 200)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Salin detail"))
        self.copy_button.setObjectName("copy_details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(help_text)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.add(error)

    def add(self, error: BaseException) -> None:
        """Adds an error to the report (the details then list every one)."""
        self._errors.append(error)
        texts = [app_log.details(e, lines=0) for e in self._errors[:-1]]
        texts.append(app_log.details(self._errors[-1]))
        self.details.setPlainText("\n\n".join(texts))
        if len(self._errors) > 1:
            self.reason.setText(
                self.tr("%1 kesalahan tidak terduga; yang pertama: %2")
                .replace("%1", str(len(self._errors)))
                .replace("%2", self._first)
            )

    def copy_details(self) -> None:
        """Puts the details on the clipboard."""
        QApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Detail disalin"))


def report_unexpected(error: BaseException) -> CrashDialog:
    """Logs an error nothing handled, with its traceback, and shows it (in the dialog already
    open, if there is one); returns the dialog."""
    global _open
    log.error("unexpected error", exc_info=error)
    if _open is not None and _open.isVisible():
        _open.add(error)
    else:
        # A child of the active window: shown above it, without taking it away.
        _open = CrashDialog(error, QApplication.activeWindow())
        _open.show()
    return _open
