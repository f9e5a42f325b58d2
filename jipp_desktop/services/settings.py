"""Settings the core itself needs (letterhead, sync cursor), kept in the store."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from jipp_desktop.db.models import Setting


def get_setting(session: Session, key: str, default: str = "") -> str:
    """The stored value of ``key``, or ``default``."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    """Stores ``value`` under ``key``."""
    session.merge(Setting(key=key, value=value))
