"""The registry connection as the officer set it on the Sync page: address, account, CA file
and automatic sync, remembered in QSettings (the password is kept by the system keyring,
never here), and the backoff of automatic sync, which outlives a restart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSettings

PREFIX = "sync/"
# Automatic sync waits after a failed attempt: 30 s, doubling each time, at most an hour.
FIRST_BACKOFF = timedelta(seconds=30)
LONGEST_BACKOFF = timedelta(hours=1)


@dataclass(frozen=True)
class RegistryConfig:
    """Where and as whom this device syncs.

    Attributes:
        url: the registry's address (https://…, or http:// on the office network).
        username: the registry account.
        ca_file: a CA certificate file to verify the registry's TLS with (else the system's).
        auto: sync by itself when the registry is reachable, after changes and at start.
    """

    url: str = ""
    username: str = ""
    ca_file: str = ""
    auto: bool = True

    @property
    def complete(self) -> bool:
        """Whether address and account are set."""
        return bool(self.url.strip() and self.username.strip())


def load_config(settings: QSettings) -> RegistryConfig:
    """The stored connection (empty fields when never set)."""

    def text(key: str) -> str:
        return str(settings.value(PREFIX + key, "") or "")

    auto = settings.value(PREFIX + "auto", True)
    return RegistryConfig(
        url=text("url"),
        username=text("username"),
        ca_file=text("ca_file"),
        auto=auto if isinstance(auto, bool) else str(auto).lower() == "true",
    )


def save_config(settings: QSettings, config: RegistryConfig) -> None:
    """Remembers the connection."""
    settings.setValue(PREFIX + "url", config.url.strip())
    settings.setValue(PREFIX + "username", config.username.strip())
    settings.setValue(PREFIX + "ca_file", config.ca_file.strip())
    settings.setValue(PREFIX + "auto", config.auto)


def backoff_until(settings: QSettings) -> datetime | None:
    """Until when automatic sync waits after failures (None: it may go now)."""
    raw = str(settings.value(PREFIX + "backoff_until", "") or "")
    try:
        until = datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None
    return until if until and until > datetime.now(UTC) else None


def note_failure(settings: QSettings) -> datetime:
    """Counts a failed automatic sync and returns when the next may start."""
    failures = int(settings.value(PREFIX + "failures", 0) or 0) + 1
    wait = min(FIRST_BACKOFF * 2 ** (failures - 1), LONGEST_BACKOFF)
    until = datetime.now(UTC) + wait
    settings.setValue(PREFIX + "failures", failures)
    settings.setValue(PREFIX + "backoff_until", until.isoformat())
    return until


def note_success(settings: QSettings) -> None:
    """A sync completed: automatic sync may go whenever it is due."""
    settings.remove(PREFIX + "failures")
    settings.remove(PREFIX + "backoff_until")
