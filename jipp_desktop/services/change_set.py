"""What a change did to the store — which records of which kinds — and the one way a use case
is run so that its caller learns it.

A write notes the records it touched in its session (:func:`note_changes`; ``record_changes``
does it for every audited change, a sync pull for the registry's records). When the
transaction commits, the notes go to the :func:`collect_changes` block running on that thread;
a rolled-back transaction's notes are dropped. :func:`perform` runs a use case (a service
function taking the session first) in one transaction and returns its result with the
:class:`ChangeSet`; the GUI runs every change through it on its write thread and tells every
view what changed, and the sync engine hands the change set of each pulled page to its caller.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Concatenate, Generic, Literal, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from jipp_desktop.db.engine import Database

Origin = Literal["local", "registry"]
P = ParamSpec("P")
T = TypeVar("T")

_RECORDS = "jipp_changed_records"
_SYNC_STATE = "jipp_changed_sync_state"


@dataclass(frozen=True)
class ChangeSet:
    """Which records of which kinds a change touched.

    Attributes:
        records: entity name ("innovation", "agency", "setting", …) → ids of its records that
            were created, changed or deleted.
        sync_state: the sync's own state moved (changes waiting, sync problems, the last sync).
        origin: "local" (the officer's change) or "registry" (written by the sync).
        everything: anything may have changed (e.g. the officer asked to reload); every view
            reads again.
    """

    records: Mapping[str, frozenset[str]] = field(default_factory=dict)
    sync_state: bool = False
    origin: Origin = "local"
    everything: bool = False

    @classmethod
    def of_everything(cls, origin: Origin = "local") -> ChangeSet:
        """A change set that says anything may have changed."""
        return cls(sync_state=True, origin=origin, everything=True)

    def __bool__(self) -> bool:
        return self.everything or self.sync_state or any(self.records.values())

    def touches(self, *entities: str) -> bool:
        """Whether records of any of these kinds changed."""
        return self.everything or any(self.records.get(e) for e in entities)

    def touches_record(self, entity: str, record_id: str | None) -> bool:
        """Whether this record changed."""
        if record_id is None:
            return False
        return self.everything or record_id in self.records.get(entity, ())

    def ids(self, entity: str) -> frozenset[str]:
        """The ids of the records of ``entity`` that changed."""
        return self.records.get(entity, frozenset())

    def merged(self, other: ChangeSet) -> ChangeSet:
        """These changes and ``other``'s together (a registry origin wins)."""
        records = dict(self.records)
        for entity, ids in other.records.items():
            records[entity] = records.get(entity, frozenset()) | ids
        return ChangeSet(
            records,
            self.sync_state or other.sync_state,
            "registry" if "registry" in (self.origin, other.origin) else "local",
            self.everything or other.everything,
        )


def note_changes(
    session: Session, entity: str, record_ids: Iterable[str], *, sync_state: bool = False
) -> None:
    """Notes, in ``session``, records the transaction has touched (told once it commits).

    Args:
        session: the writing session.
        entity: the records' kind.
        record_ids: their ids.
        sync_state: the change also moves the sync's state (it queues a change for the
            registry, settles one or a sync problem).
    """
    noted: dict[str, set[str]] = session.info.setdefault(_RECORDS, {})
    noted.setdefault(entity, set()).update(record_ids)
    if sync_state:
        session.info[_SYNC_STATE] = True


def note_sync_state(session: Session) -> None:
    """Notes that the transaction moves the sync's own state (cursor, last sync, outbox)."""
    session.info[_SYNC_STATE] = True


class CollectedChanges:
    """The changes committed on one thread during a :func:`collect_changes` block."""

    def __init__(self, origin: Origin) -> None:
        self._origin: Origin = origin
        self._records: dict[str, set[str]] = {}
        self._sync_state = False

    def add(self, records: Mapping[str, set[str]], sync_state: bool) -> None:
        """Adds a committed transaction's notes."""
        for entity, ids in records.items():
            self._records.setdefault(entity, set()).update(ids)
        self._sync_state = self._sync_state or sync_state

    @property
    def changes(self) -> ChangeSet:
        """What was committed so far."""
        records = {e: frozenset(ids) for e, ids in self._records.items() if ids}
        return ChangeSet(records, self._sync_state, self._origin)


_collecting: ContextVar[CollectedChanges | None] = ContextVar("jipp_collecting", default=None)


@contextmanager
def collect_changes(origin: Origin = "local") -> Iterator[CollectedChanges]:
    """Collects what the transactions committed on this thread within the block change."""
    collected = CollectedChanges(origin)
    token = _collecting.set(collected)
    try:
        yield collected
    finally:
        _collecting.reset(token)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    records = session.info.pop(_RECORDS, None)
    sync_state = bool(session.info.pop(_SYNC_STATE, False))
    collected = _collecting.get()
    if collected is not None and (records or sync_state):
        collected.add(records or {}, sync_state)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_RECORDS, None)
    session.info.pop(_SYNC_STATE, None)


@dataclass(frozen=True)
class Performed(Generic[T]):
    """A use case's result and what it changed."""

    result: T
    changes: ChangeSet


def perform(
    db: Database,
    use_case: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> Performed[T]:
    """Runs one use case (a service function taking the session first) in one transaction.

    Returns:
        its result and the change set of what it committed.
    """
    with collect_changes() as collected, db.transaction() as session:
        result = use_case(session, *args, **kwargs)
    return Performed(result, collected.changes)


def perform_with_store(
    db: Database,
    use_case: Callable[Concatenate[Database, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> Performed[T]:
    """Runs a use case that opens its own transaction (one taking the store first, like the
    import or a letter that records its fingerprint).

    Returns:
        its result and the change set of what it committed.
    """
    with collect_changes() as collected:
        result = use_case(db, *args, **kwargs)
    return Performed(result, collected.changes)
