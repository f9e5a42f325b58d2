"""JIPP Desktop core: domain model, store, services, documents, spreadsheets, reference data, CLI.

The core imports no Qt and no HTTP library; the GUI (``ui``) and the sync client (``sync``) build
on it, never the other way round.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed metadata only when asked for: importlib.metadata
    # costs ~20 ms, and the GUI's start-up does not need it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("jipp-desktop")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0.0.0+source"
    raise AttributeError(f"module 'jipp_desktop' has no attribute {name!r}")
