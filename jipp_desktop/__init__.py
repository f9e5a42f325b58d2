"""JIPP Desktop core: domain model, store, services, documents, spreadsheets, reference data, CLI.

The core imports no Qt and no HTTP library; the GUI (``ui``) and the sync client (``sync``) build
on it, never the other way round.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("jipp-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
