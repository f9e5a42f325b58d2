"""What the officer narrows the innovation list to, and the key of a list view (filter and
sort order); plain values, importable without the store."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any


@dataclass(frozen=True)
class InnovationFilter:
    """What the officer narrows the innovation list to; blank parts do not filter.

    Attributes:
        text: full-text words (all must match; the last one may be a prefix).
        province_code: a province; includes its regencies and cities.
        region_code: one regency or city (or province-level records when a province code).
        needs_reverification: due for re-verification: verified, the last verification more
            than 12 months ago (``services.search.due_for_reverification``).
    """

    text: str = ""
    province_code: str | None = None
    region_code: str | None = None
    agency_id: str | None = None
    sector: str | None = None
    phase: str | None = None
    continuation: str | None = None
    workflow: str | None = None
    year: int | None = None
    needs_reverification: bool = False

    def with_(self, **changes: Any) -> InnovationFilter:
        """A copy with some parts changed."""
        return replace(self, **changes)


def list_view_key(f: InnovationFilter, sort: str, descending: bool) -> str:
    """One string naming a list view: the same filter and sort order give the same key."""
    return json.dumps([asdict(f), sort, descending], sort_keys=True)
