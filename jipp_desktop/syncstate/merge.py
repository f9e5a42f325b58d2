"""The three-way merge of a record with pending changes and the registry's newer copy.

Base is the registry's copy the local one was based on (``sync_base``), mine the local record,
theirs the registry's copy now. A field the officer did not touch (mine = base) takes theirs; a
field only the officer changed keeps mine; a field both changed to different values is a
conflict for the officer. The same value on both sides is no conflict. Deletion takes part as
the pseudo-field ``deleted``: a delete against a record changed since its base, or an edit
against the registry's tombstone, is a conflict, never a silent loss.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jipp_desktop.syncstate.records import canonical, wire_fields

DELETED = "deleted"
_MISSING = object()


@dataclass
class Merge:
    """What a merge decided.

    Attributes:
        take: fields whose registry value the record takes (field → value).
        conflicts: fields changed on both sides to different values (field → {base, mine,
            theirs}); ``deleted`` when one side deleted the record.
        both_deleted: both sides deleted the record: nothing is left to send.
    """

    take: dict[str, Any] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    both_deleted: bool = False


def merge_fields(
    entity: str,
    base: Mapping[str, Any] | None,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
) -> Merge:
    """Merges field by field (fields ``theirs`` does not hold are left as they are)."""
    result = Merge()
    for name in wire_fields(entity):
        if name not in theirs:
            continue  # outside this account's view (e.g. contact details): nothing to merge
        t = canonical(entity, name, theirs[name])
        m = canonical(entity, name, mine.get(name))
        if m == t:
            continue
        b = canonical(entity, name, base[name]) if base and name in base else _MISSING
        if m == b:
            result.take[name] = t
        elif t == b:
            continue
        else:
            result.conflicts[name] = {
                "base": None if b is _MISSING else b,
                "mine": m,
                "theirs": t,
            }
    return result


def merge_record(
    entity: str,
    base: Mapping[str, Any] | None,
    mine: Mapping[str, Any],
    mine_deleted: bool,
    theirs: Mapping[str, Any],
    theirs_deleted: bool,
    forced: Iterable[str] = (),
) -> Merge:
    """Merges a record, its tombstone included (see the module's description).

    ``forced`` are fields the registry found conflicting with a change: for a delete, any of
    them makes the delete a conflict even where the local base does not show the change.
    """
    forced = list(forced)
    if mine_deleted and theirs_deleted:
        return Merge(both_deleted=True)
    if theirs_deleted:
        return Merge(conflicts={DELETED: {"base": False, "mine": False, "theirs": True}})
    if mine_deleted:
        changed = [
            n
            for n in wire_fields(entity)
            if n in theirs
            and (
                base is None or canonical(entity, n, theirs[n]) != canonical(entity, n, base.get(n))
            )
        ]
        if changed or forced:
            return Merge(conflicts={DELETED: {"base": False, "mine": True, "theirs": False}})
        return Merge()
    return merge_fields(entity, base, mine, theirs)
