"""Records as they travel: each entity's fields (the desktop's column names, read from its
models, not listed again here), their kinds, and values in one canonical JSON form so that a
value sent twice compares equal (dates ``YYYY-MM-DD``, times ISO 8601 in UTC)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text

from jipp_desktop.db import models as desktop
from jipp_desktop.db.models import UTCDateTime
from jipp_desktop.domain.errors import FieldError

MODELS: dict[str, type[Any]] = {
    "agency": desktop.Agency,
    "hub": desktop.Hub,
    "innovation": desktop.Innovation,
    "verification": desktop.Verification,
    "replication": desktop.Replication,
    "commitment": desktop.Commitment,
    "attachment": desktop.Attachment,
}
# Columns of the device's sync bookkeeping: never part of a record's content.
SYNC_META = frozenset(
    {
        "id",
        "dirty",
        "local_version",
        "synced_version",
        "server_revision",
        "sync_base",
        "is_demo",
        "updated_at",
        "deleted_at",
    }
)
# Values the desktop derives from others; a change may carry them, the registry ignores them.
DERIVED: dict[str, frozenset[str]] = {"innovation": frozenset({"title_key"})}
# Children without identity of their own travel as one list field of their parent.
CHILD_LISTS = {"innovation": "awards", "hub": "spokes", "commitment": "signatories"}


@dataclass(frozen=True)
class FieldKind:
    """One field of an entity: its name, kind (str, int, bool, date, datetime, json, list)
    and longest text."""

    name: str
    kind: str
    max_len: int | None = None


@cache
def entity_fields(entity: str) -> dict[str, FieldKind]:
    """The content fields of an entity, from the desktop model's columns."""
    out: dict[str, FieldKind] = {}
    for column in MODELS[entity].__table__.columns:
        if column.name in SYNC_META or column.name in DERIVED.get(entity, ()):
            continue
        out[column.name] = _kind_of(column.name, column.type)
    if entity in CHILD_LISTS:
        out[CHILD_LISTS[entity]] = FieldKind(CHILD_LISTS[entity], "list")
    return out


def _kind_of(name: str, type_: Any) -> FieldKind:
    if isinstance(type_, UTCDateTime):
        return FieldKind(name, "datetime")
    if isinstance(type_, Date):
        return FieldKind(name, "date")
    if isinstance(type_, Boolean):
        return FieldKind(name, "bool")
    if isinstance(type_, Integer):
        return FieldKind(name, "int")
    if isinstance(type_, JSON):
        return FieldKind(name, "json")
    if isinstance(type_, String | Text):
        return FieldKind(name, "str", getattr(type_, "length", None))
    return FieldKind(name, "json")


def canonical(value: Any) -> Any:
    """A Python value as the registry stores it in JSON."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): canonical(v) for k, v in value.items()}
    return value


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 time (a "Z" or an offset; none means UTC) as an aware UTC datetime."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    else:
        raise ValueError(value)
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def coerce(spec: FieldKind, value: Any) -> tuple[Any, FieldError | None]:
    """A wire value checked against its field's kind, in canonical form (None stays None)."""
    if value is None:
        return None, None
    name = spec.name
    try:
        if spec.kind == "str":
            if not isinstance(value, str):
                return None, FieldError(name, "harus berupa teks", "must be text")
            if spec.max_len and len(value) > spec.max_len:
                return None, FieldError(
                    name,
                    f"terlalu panjang (paling banyak {spec.max_len} karakter)",
                    f"too long (at most {spec.max_len} characters)",
                )
            return value, None
        if spec.kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                return None, FieldError(
                    name, "harus berupa bilangan bulat", "must be a whole number"
                )
            return value, None
        if spec.kind == "bool":
            if not isinstance(value, bool):
                return None, FieldError(name, "harus benar atau salah", "must be true or false")
            return value, None
        if spec.kind == "date":
            if not isinstance(value, str):
                raise ValueError(value)
            return date.fromisoformat(value.strip()).isoformat(), None
        if spec.kind == "datetime":
            return canonical(parse_datetime(value)), None
        if spec.kind == "list":
            if not isinstance(value, list):
                return None, FieldError(name, "harus berupa daftar", "must be a list")
            return canonical(value), None
        return canonical(value), None
    except (ValueError, TypeError, OverflowError):
        what = "tanggal (TTTT-BB-HH)" if spec.kind == "date" else "waktu ISO 8601"
        what_en = "a date (YYYY-MM-DD)" if spec.kind == "date" else "an ISO 8601 time"
        return None, FieldError(name, f"harus berupa {what}", f"must be {what_en}")


def from_row(entity: str, obj: Any) -> dict[str, Any]:
    """A desktop ORM object's content as wire data (children lists excluded)."""
    return {
        name: canonical(getattr(obj, name))
        for name, spec in entity_fields(entity).items()
        if spec.kind != "list" or name not in CHILD_LISTS.values()
    }
