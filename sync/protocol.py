"""The sync protocol, defined once for both ends: the messages the desktop and the registry
exchange, as pydantic models (the server publishes them in its OpenAPI).

Version 1 of the protocol lives under ``/api/v1``. Every request carries the protocol number in
the ``JIPP-Protocol`` header (and push in its body too); a server that no longer speaks a
client's version answers 426 with a message in both languages. docs/SYNC.md describes the rules
both ends keep.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL = 1
MIN_PROTOCOL = 1
PROTOCOL_HEADER = "JIPP-Protocol"
PREFIX = "/api/v1"

MAX_BATCH = 200
MAX_PULL_PAGE = 500
# One change as JSON (a record with every narrative field at its longest stays below it).
MAX_CHANGE_BYTES = 256 * 1024
MAX_BODY_BYTES = MAX_BATCH * MAX_CHANGE_BYTES // 4
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

Entity = Literal[
    "agency", "hub", "innovation", "verification", "replication", "commitment", "attachment"
]
Operation = Literal["create", "update", "delete"]
Role = Literal["operator", "verifier", "admin"]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Id = Annotated[str, Field(min_length=1, max_length=36)]


class Message(BaseModel):
    """Every message: unknown fields are refused (a typo never passes as an empty value)."""

    model_config = ConfigDict(extra="forbid")


class Text(Message):
    """A message in both of the app's languages."""

    id: str
    en: str


class Problem(Message):
    """The body of every 4xx/5xx answer: a code and a reason in both languages."""

    code: str
    message: Text
    fields: dict[str, Text] = Field(default_factory=dict)


class Status(Message):
    """``GET /status``: is the registry there, and does it speak this client's protocol."""

    server_time: datetime
    protocol: int
    min_protocol: int
    version: str
    database: Literal["sqlite", "postgresql"]


class Login(Message):
    """``POST /login``."""

    username: Annotated[str, Field(min_length=1, max_length=120)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]
    device_id: Id


class Account(Message):
    """A registry account: who it is and what it may change."""

    username: str
    name: str
    role: Role
    agency_ids: list[str]
    region_code: str | None
    officer_id: str | None


class Token(Message):
    """The answer to a login: a bearer token until ``expires_at``."""

    token: str
    expires_at: datetime
    account: Account


class FieldChange(Message):
    """One field of a change: the value the device started from and the one it wrote."""

    old: Any = None
    new: Any = None


class Author(Message):
    """The officer who made a change on the device."""

    id: Id
    name: Annotated[str, Field(max_length=120)]
    nip: Annotated[str, Field(max_length=18)] | None = None
    role: Role


class Change(Message):
    """One change to one record, as queued in the device's outbox.

    ``change_id`` is the idempotency key: the registry applies it at most once, and a replay
    gets the stored result. ``base_revision`` is the registry revision the device's copy was
    based on (None for a record the registry has never seen). For ``create`` ``fields`` holds
    every field of the record; for ``update`` the changed ones; ``delete`` needs none.
    Children without identity of their own (awards, spokes, signatories) travel as one field
    of their parent holding the whole list.
    """

    change_id: Id
    entity: Entity
    record_id: Id
    operation: Operation
    base_revision: Annotated[int, Field(ge=0)] | None = None
    fields: dict[Annotated[str, Field(max_length=60)], FieldChange] = Field(default_factory=dict)
    author: Author
    made_at: datetime


class Push(Message):
    """``POST /push``: up to ``MAX_BATCH`` changes."""

    protocol: int
    device_id: Id
    batch_id: Id
    changes: Annotated[list[Change], Field(max_length=MAX_BATCH)]


class RemoteRecord(Message):
    """The registry's current copy of a record (or its tombstone)."""

    entity: Entity
    id: str
    revision: int
    deleted: bool
    data: dict[str, Any]
    updated_at: datetime


Outcome = Literal["applied", "merged", "duplicate", "conflict", "rejected", "retry"]


class ChangeResult(Message):
    """What became of one change.

    - ``applied``: written as revision ``revision``.
    - ``merged``: the base was old but the registry's newer changes touched other fields; both
      kept, as revision ``revision``.
    - ``duplicate``: this change id was applied before; the stored result again (``was``).
    - ``conflict``: the registry changed ``conflicting`` fields too, to other values; nothing was
      written; ``record`` is the registry's copy.
    - ``rejected``: refused for ``code`` with ``reason`` (and per field in ``fields``); nothing
      was written. Retrying the same change may pass once the cause is gone.
    - ``retry``: a transient failure (e.g. the attachment's file has not arrived); send again.
    """

    change_id: str
    outcome: Outcome
    revision: int | None = None
    was: Literal["applied", "merged"] | None = None
    record: RemoteRecord | None = None
    conflicting: list[str] = Field(default_factory=list)
    code: str | None = None
    reason: Text | None = None
    fields: dict[str, Text] = Field(default_factory=dict)


class PushResult(Message):
    """One result per change, in the order sent."""

    results: list[ChangeResult]


class PullPage(Message):
    """``GET /pull?cursor=…&limit=…``: the current state of records changed since the cursor,
    in commit order; an empty cursor starts from the beginning."""

    changes: list[RemoteRecord]
    next_cursor: str
    has_more: bool


class Officer(Message):
    """An officer known to the registry (verifications and edits name them)."""

    id: str
    name: str
    nip: str | None = None
    role: Role
    agency_id: str | None = None


class Reference(Message):
    """``GET /reference``: the officers the registry knows; agencies and hubs come by pull."""

    officers: list[Officer]


class Hashes(Message):
    """``POST /attachments/missing``: which of these files the registry lacks."""

    sha256: Annotated[list[Sha256], Field(max_length=1000)]


class Missing(Message):
    """The files of a :class:`Hashes` request the registry does not have."""

    missing: list[str]
