"""The interface each entity's rules implement (see :mod:`sync.registry.push`)."""

from __future__ import annotations

from typing import Any

from sync.registry.rules.base import Context, Scope
from sync.registry.store import Stored


class EntityRules:
    """The checks of one entity. ``data`` is the record's whole state after the change; the
    hooks may add server-kept values to it (naming them in ``changed``) and side writes to
    ``ctx.extra_writes``, or raise :class:`~sync.registry.rules.base.Refusal`."""

    entity = ""

    def scope(self, ctx: Context, data: dict[str, Any]) -> Scope:
        """Where a record with this data belongs."""
        raise NotImplementedError

    def create(self, ctx: Context, data: dict[str, Any], changed: set[str]) -> None:
        """Checks (and completes) a new record."""
        raise NotImplementedError

    def update(self, ctx: Context, stored: Stored, data: dict[str, Any], changed: set[str]) -> None:
        """Checks a change of ``changed`` fields of ``stored`` to ``data``."""
        raise NotImplementedError

    def delete(self, ctx: Context, stored: Stored) -> None:
        """Checks a deletion (and adds the writes that go with it)."""
        raise NotImplementedError

    def unique_key(self, data: dict[str, Any]) -> str | None:
        """The value that must be unique among the entity's records, if any."""
        return None

    def file_sha256(self, data: dict[str, Any]) -> str | None:
        """The stored file the record names, if any."""
        return None
