"""Time as the registry stores it: naive UTC in the database, aware UTC everywhere else."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

# Indonesia's easternmost zone (WIT, UTC+9): a date an officer enters is never "in the future"
# merely because the registry's clock is still on the previous day.
_WIT = timezone(timedelta(hours=9))


def utcnow() -> datetime:
    """The current time as naive UTC (how the tables store it)."""
    return datetime.now(UTC).replace(tzinfo=None)


def aware(value: datetime) -> datetime:
    """A stored naive-UTC time as an aware one."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def today_in_indonesia() -> date:
    """The latest date it is anywhere in Indonesia."""
    return datetime.now(_WIT).date()
