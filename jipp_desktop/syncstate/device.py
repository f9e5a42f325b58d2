"""This device's sync settings: its id (made once), the pull cursor, the last completed sync and
how long the registry asked it to wait (``settings`` keys ``sync.*``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from jipp_desktop.db.models import new_id, utcnow
from jipp_desktop.services.change_set import note_sync_state
from jipp_desktop.services.settings import get_setting, set_setting

DEVICE_ID = "sync.device_id"
CURSOR = "sync.cursor"
LAST_SYNC = "sync.last_sync"
BACKOFF_UNTIL = "sync.backoff_until"
REGISTRY = "sync.registry"
USERNAME = "sync.username"


def device_id(session: Session) -> str:
    """This device's id, made on first use (in the caller's transaction)."""
    value = get_setting(session, DEVICE_ID)
    if not value:
        value = new_id()
        set_setting(session, DEVICE_ID, value)
    return value


def cursor(session: Session) -> str:
    """Where the next pull starts ("" from the beginning)."""
    return get_setting(session, CURSOR)


def reset_cursor(session: Session) -> None:
    """The next pull starts from the beginning (the registry refused the cursor)."""
    set_setting(session, CURSOR, "")


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def last_sync(session: Session) -> datetime | None:
    """When the last exchange completed."""
    return _moment(get_setting(session, LAST_SYNC))


def mark_synced(session: Session, at: datetime | None = None) -> None:
    """Records that an exchange completed now."""
    set_setting(session, LAST_SYNC, (at or utcnow()).isoformat())
    set_setting(session, BACKOFF_UNTIL, "")
    note_sync_state(session)


def backoff_until(session: Session) -> datetime | None:
    """Until when the registry asked this device to wait (None: it did not)."""
    return _moment(get_setting(session, BACKOFF_UNTIL))


def set_backoff(session: Session, until: datetime) -> None:
    """Remembers that the registry asked to wait until ``until``."""
    set_setting(session, BACKOFF_UNTIL, until.isoformat())
