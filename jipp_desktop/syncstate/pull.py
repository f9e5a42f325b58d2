"""Applying a pulled page of the registry's records, in one transaction with the new cursor.

A record the store lacks is inserted; one without pending changes takes the registry's copy
(a tombstone too); one with pending changes is merged (``reconcile``): never overwritten. A
record whose copy is already as new as the pulled one (the registry's answer to this device's
own push) is skipped. The records written are noted in the transaction's change set
(``services.change_set``), so the sync engine can tell the views which records it pulled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from jipp_desktop.services.change_set import note_changes, note_sync_state
from jipp_desktop.services.settings import set_setting
from jipp_desktop.syncstate.device import CURSOR
from jipp_desktop.syncstate.problem_rows import clear_problems
from jipp_desktop.syncstate.reconcile import reconcile
from jipp_desktop.syncstate.records import (
    RemoteCopy,
    insert_remote,
    local_states,
    records_data,
    write_remote_many,
)


@dataclass
class PullCounts:
    """What a pull did to the store."""

    inserted: int = 0
    updated: int = 0
    merged: int = 0
    conflicts: int = 0
    skipped: int = 0

    @property
    def applied(self) -> int:
        """Records whose registry copy was taken or merged in."""
        return self.inserted + self.updated + self.merged

    def add(self, other: PullCounts) -> None:
        """Adds another page's counts to these."""
        for name in ("inserted", "updated", "merged", "conflicts", "skipped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def apply_page(session: Session, records: Iterable[Any], cursor: str) -> PullCounts:
    """Applies the registry's records of one pull page and stores the page's cursor.

    Args:
        session: a write transaction (committed by the caller: page and cursor together).
        records: ``protocol.RemoteRecord`` objects (or :class:`RemoteCopy`), in commit order.
        cursor: the page's ``next_cursor``.
    """
    counts = PullCounts()
    latest: dict[tuple[str, str], RemoteCopy] = {}
    for record in records:
        copy = RemoteCopy.of(record)
        key = (copy.entity, copy.id)
        if key not in latest or latest[key].revision < copy.revision:
            latest[key] = copy
    by_entity: dict[str, list[RemoteCopy]] = {}
    for copy in latest.values():
        by_entity.setdefault(copy.entity, []).append(copy)
    for entity, copies in by_entity.items():
        _apply_entity(session, entity, copies, counts)
    set_setting(session, CURSOR, cursor)
    note_sync_state(session)
    session.flush()
    return counts


def _apply_entity(
    session: Session, entity: str, copies: list[RemoteCopy], counts: PullCounts
) -> None:
    states = local_states(session, entity, [c.id for c in copies])
    new = []
    settled = []
    reconciled = []
    for copy in copies:
        state = states.get(copy.id)
        if state is None:
            if copy.deleted:
                counts.skipped += 1
            else:
                new.append(copy)
            continue
        if state.is_demo or (
            state.server_revision is not None and state.server_revision >= copy.revision
        ):
            counts.skipped += 1
        elif not state.pending:
            settled.append(copy)
        else:
            reconciled.append(copy.id)
            outcome = reconcile(session, copy, state)
            if outcome == "merged":
                counts.merged += 1
            elif outcome == "conflict":
                counts.conflicts += 1
            else:
                counts.skipped += 1
    insert_remote(session, new)
    counts.inserted += len(new)
    if settled:
        ids = [c.id for c in settled]
        current = records_data(session, entity, ids)
        deleted = {i: states[i].deleted for i in ids}
        write_remote_many(session, entity, settled, current, deleted)
        clear_problems(session, entity, ids)
        counts.updated += len(settled)
    # What an open list or form shows of these records may have changed.
    touched = [*reconciled, *(c.id for c in new), *(c.id for c in settled)]
    note_changes(session, entity, touched, sync_state=True)
