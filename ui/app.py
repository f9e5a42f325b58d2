"""Starting the GUI: the QApplication, the store, and the main window."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    """Opens the main window on the store named by the options; returns the exit code."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from jipp_desktop.db.engine import open_database
    from jipp_desktop.paths import default_database_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_database(args.db or default_database_path())
    window = QMainWindow()
    window.setWindowTitle(f"JIPP Desktop — {db.path}")
    window.setCentralWidget(QLabel("JIPP Desktop"))
    window.resize(1200, 800)
    window.show()
    return app.exec()
