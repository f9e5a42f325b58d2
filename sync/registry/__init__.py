"""jipp-registry: the central registry the desktops sync with (docs/SYNC.md).

A FastAPI app over SQLAlchemy 2 (SQLite for one office, PostgreSQL for many processes); the
rules of every record come from ``jipp_desktop.domain`` and the desktop's services, never copied.
"""

__version__ = "0.1.0"
