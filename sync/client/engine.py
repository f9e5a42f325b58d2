"""One exchange with the registry (docs/SYNC.md, "The client"):

1. ``GET /status`` (426 → please update) and login; the token is kept for the exchange.
2. The attachment files the registry lacks are uploaded (by SHA-256).
3. The outbox is pushed in batches; each answer is written before the next batch.
4. The officers the registry knows are stored (pulled records name them).
5. Pages are pulled until ``has_more`` is false, each applied with its cursor in one
   transaction; a cursor the registry no longer knows (410) starts the pull over.
6. Files named by pulled attachments are downloaded.

Each step's writes commit before the next request, so an exchange cut off anywhere leaves the
store consistent: the next one sends the same changes again (the registry answers
``duplicate``) and pulls from the last committed cursor. ``progress(stage, done, total)`` is
called as it goes (total 0: not known); ``cancel()`` is asked between batches and pages.
``changed(change_set)`` is told, after each committed page and batch answer, which records the
exchange wrote (``services.change_set.ChangeSet``, origin "registry"), so that an open list or
form shows a pulled record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from jipp_desktop.db.engine import Database
from jipp_desktop.db.models import new_id, utcnow
from jipp_desktop.domain.errors import ServiceError
from jipp_desktop.services.attachments import store_folder
from jipp_desktop.services.change_set import ChangeSet, collect_changes
from jipp_desktop.services.officers import Actor
from jipp_desktop.syncstate import list_problems, pending_count
from jipp_desktop.syncstate.acks import AckCounts, acknowledge
from jipp_desktop.syncstate.device import (
    backoff_until,
    cursor,
    device_id,
    mark_synced,
    reset_cursor,
    set_backoff,
)
from jipp_desktop.syncstate.files import files_to_download, files_to_upload, read_file, store_file
from jipp_desktop.syncstate.officers import upsert_officers
from jipp_desktop.syncstate.outbox import next_batch, sender_of
from jipp_desktop.syncstate.pull import PullCounts, apply_page
from jipp_desktop.syncstate.transaction import remote_transaction
from sync.client.errors import BadAnswer, Busy, CursorExpired, RegistryError, UpdateRequired
from sync.client.http import RegistryClient
from sync.protocol import (
    MAX_ATTACHMENT_BYTES,
    MAX_BATCH,
    MAX_PULL_PAGE,
    MIN_PROTOCOL,
    PROTOCOL,
    Change,
    Push,
    PushResult,
)

Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]
Changed = Callable[[ChangeSet], None]
STAGES = ("status", "login", "upload", "push", "reference", "pull", "download")
log = logging.getLogger(__name__)
# Longest wait a busy registry's Retry-After is remembered for.
MAX_BACKOFF = timedelta(hours=1)
_HASHES_PER_ASK = 1000


@dataclass
class SyncResult:
    """What one exchange did.

    Attributes:
        pushed: changes the registry took (applied, merged or already had).
        pulled: registry records written to the store (new, updated or merged in).
        merged: changes merged with the registry's (pushed or pulled).
        conflicts: records that became conflicts for the officer.
        rejected: changes the registry refused (now quarantined).
        quarantined: records quarantined in this exchange (rejected, or sent too often).
        pending: records still waiting for the registry afterwards.
        uploaded: attachment files uploaded.
        downloaded: attachment files downloaded.
        problems: every record the sync could not settle, as {id, entity, kind, code,
            message, …} (see ``syncstate.SyncIssue.as_json``).
        cancelled: the exchange was stopped by ``cancel`` before it completed.
    """

    pushed: int = 0
    pulled: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    quarantined: int = 0
    pending: int = 0
    uploaded: int = 0
    downloaded: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    cancelled: bool = False

    def as_json(self) -> dict[str, Any]:
        """The result for ``--json`` and the GUI."""
        return asdict(self)


class SyncFailed(ServiceError):
    """The exchange could not complete; says why and what is left.

    Attributes:
        cause: the registry's error.
        pending: records still waiting for the registry.
        result: what the exchange did before it stopped.
    """

    def __init__(self, cause: RegistryError, result: SyncResult) -> None:
        n = result.pending
        super().__init__(
            f"{cause.id}; {n} perubahan menunggu dikirim", f"{cause.en}; {n} changes waiting"
        )
        self.cause = cause
        self.pending = n
        self.result = result

    @property
    def transient(self) -> bool:
        """Whether trying again later may succeed."""
        return self.cause.transient


class _Cancelled(Exception):
    pass


class Exchange:
    """One push and pull between a store and a registry (see the module's description).

    Args:
        db: the store.
        actor: the officer whose changes are pushed, as the author of each.
        client: the registry.
        username: the registry account.
        password: its password.
        progress: called with (stage, done, total).
        cancel: asked between batches and pages; True stops the exchange.
        changed: told what each committed step wrote (on the exchange's thread).
    """

    def __init__(
        self,
        db: Database,
        actor: Actor,
        client: RegistryClient,
        username: str,
        password: str,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
        changed: Changed | None = None,
    ) -> None:
        self.db = db
        self.actor = actor
        self.client = client
        self.username = username
        self.password = password
        self.progress = progress or (lambda stage, done, total: None)
        self.cancel = cancel or (lambda: False)
        self.changed = changed or (lambda changes: None)
        self.result = SyncResult()
        self.folder: Path = store_folder(db.path)
        self._pulled = PullCounts()
        self._pushed = AckCounts()

    def run(self) -> SyncResult:
        """Runs the exchange.

        Raises:
            SyncFailed: it could not complete (the registry unreachable, busy, refusing the
                login or this version); says how many changes wait.
        """
        try:
            self._check_backoff()
            self._connect()
            self._upload()
            self._push()
            self._reference()
            self._pull()
            self._download()
            with self._telling(), self.db.transaction() as session:
                mark_synced(session)
        except _Cancelled:
            self.result.cancelled = True
        except RegistryError as exc:
            if isinstance(exc, Busy):
                self._remember_backoff(exc)
            self._finish()
            log.warning("sync failed: %s", exc, exc_info=exc)
            raise SyncFailed(exc, self.result) from exc
        self._finish()
        log.info("sync finished: %s", self.result.as_json())
        return self.result

    # -- steps -----------------------------------------------------------------------------

    def _check_backoff(self) -> None:
        with self.db.session() as session:
            until = backoff_until(session)
        if until is not None and until > utcnow():
            raise Busy(
                f"registri meminta menunggu sampai {until:%H:%M} UTC",
                f"the registry asked to wait until {until:%H:%M} UTC",
                code="backoff",
            )

    def _remember_backoff(self, exc: Busy) -> None:
        if exc.retry_after:
            wait = min(timedelta(seconds=exc.retry_after), MAX_BACKOFF)
            with self.db.transaction() as session:
                set_backoff(session, utcnow() + wait)

    def _connect(self) -> None:
        self._step("status")
        status = self.client.status()
        if status.min_protocol > PROTOCOL or status.protocol < MIN_PROTOCOL:
            raise UpdateRequired(
                f"registri memakai protokol {status.protocol}; perbarui JIPP Desktop",
                f"the registry speaks protocol {status.protocol}; please update JIPP Desktop",
                code="protocol_too_old",
            )
        with self.db.transaction() as session:
            self.device = device_id(session)
            self.sender = sender_of(session, self.actor.id)
        self._step("login")
        self.client.login(self.username, self.password, self.device)

    def _upload(self) -> None:
        with self.db.session() as session:
            hashes = files_to_upload(session)
        if not hashes:
            return
        missing: list[str] = []
        for start in range(0, len(hashes), _HASHES_PER_ASK):
            missing += self.client.missing(hashes[start : start + _HASHES_PER_ASK])
        for done, sha in enumerate(missing):
            self._step("upload", done, len(missing))
            content = read_file(self.folder, sha)
            if content is None or len(content) > MAX_ATTACHMENT_BYTES:
                continue  # its record gets "retry", and is quarantined in the end
            self.client.upload(sha, content)
            self.result.uploaded += 1

    def _push(self) -> None:
        """Pushes batch after batch; the next batch is frozen and sent while the answer to the
        previous one is written (one request at a time, so the registry takes them in order)."""
        tried: set[str] = set()
        counts = AckCounts()
        total = self._pending()
        with ThreadPoolExecutor(1, thread_name_prefix="jipp-push") as pool:
            flying: tuple[list[str], Future[PushResult]] | None = None
            while True:
                try:
                    self._step("push", counts.pushed, total)
                except _Cancelled:
                    if flying is not None:  # its answer is written before stopping
                        with self._telling(), remote_transaction(self.db) as session:
                            counts.add(acknowledge(session, flying[1].result().results))
                        self._record_push(counts)
                    raise
                changes = self._freeze(tried, flying[0] if flying else ())
                answer = flying[1].result() if flying else None
                if changes:
                    tried |= {c["change_id"] for c in changes}
                    sent = pool.submit(self.client.push, self._batch(changes))
                if answer is not None:
                    _log_answer(answer)
                    with self._telling(), remote_transaction(self.db) as session:
                        counts.add(acknowledge(session, answer.results))
                    self._record_push(counts)
                if not changes:
                    if flying is None:
                        break
                    flying = None  # its answer may have freed later changes of its records
                    continue
                flying = ([c["change_id"] for c in changes], sent)
        self._step("push", counts.pushed, total)

    def _freeze(self, tried: set[str], in_flight: Iterable[str]) -> list[dict[str, Any]]:
        with remote_transaction(self.db) as session:
            return next_batch(
                session,
                self.sender,
                exclude=tried - set(in_flight),
                in_flight=set(in_flight),
                limit=MAX_BATCH,
            )

    def _batch(self, changes: list[dict[str, Any]]) -> Push:
        batch = Push(
            protocol=PROTOCOL,
            device_id=self.device,
            batch_id=new_id(),
            changes=[Change.model_validate(c) for c in changes],
        )
        log.info(
            "push batch %s: %d changes %s",
            batch.batch_id,
            len(changes),
            ", ".join(c["change_id"] for c in changes),
        )
        return batch

    def _record_push(self, counts: AckCounts) -> None:
        r = self.result
        r.pushed = counts.pushed
        r.merged = counts.merged + self._pulled.merged
        r.conflicts = counts.conflicts + self._pulled.conflicts
        r.rejected = counts.rejected
        r.quarantined = counts.quarantined
        self._pushed = counts

    def _reference(self) -> None:
        self._step("reference")
        officers = self.client.reference().officers
        with remote_transaction(self.db) as session:
            upsert_officers(session, officers)

    def _pull(self) -> None:
        position = self._cursor()
        restarted = False
        while True:
            self._step("pull", self._pulled.applied, 0)
            try:
                page = self.client.pull(position, MAX_PULL_PAGE)
            except CursorExpired:
                if restarted:
                    raise
                restarted = True
                with self.db.transaction() as session:
                    reset_cursor(session)
                position = ""
                continue
            if page.has_more and not page.changes and page.next_cursor == position:
                raise BadAnswer(
                    "registri mengulang halaman yang sama tanpa data",
                    "the registry repeats the same page without records",
                    code="pull_stuck",
                )
            with self._telling(), remote_transaction(self.db) as session:
                self._pulled.add(apply_page(session, page.changes, page.next_cursor))
            log.info("pull page: %d records, more: %s", len(page.changes), page.has_more)
            position = page.next_cursor
            self.result.pulled = self._pulled.applied
            self._record_push(self._pushed)
            if not page.has_more:
                break

    def _download(self) -> None:
        with self.db.session() as session:
            hashes = files_to_download(session, self.folder)
        for done, sha in enumerate(hashes):
            self._step("download", done, len(hashes))
            try:
                store_file(self.folder, sha, self.client.download(sha))
            except RegistryError as exc:
                if exc.status != 404:
                    raise
                continue  # the registry has not received it either: asked again next time
            except ValueError:
                continue  # damaged on the way: asked again next time
            self.result.downloaded += 1

    # -- helpers ---------------------------------------------------------------------------

    @contextmanager
    def _telling(self) -> Iterator[None]:
        """Tells ``changed`` what the transactions committed within the block wrote."""
        with collect_changes("registry") as collected:
            yield
        changes = collected.changes
        if changes:
            self.changed(changes)

    def _step(self, stage: str, done: int = 0, total: int = 0) -> None:
        if self.cancel():
            raise _Cancelled
        self.progress(stage, done, total)

    def _cursor(self) -> str:
        with self.db.session() as session:
            return cursor(session)

    def _pending(self) -> int:
        with self.db.session() as session:
            return pending_count(session)

    def _finish(self) -> None:
        with self.db.session() as session:
            self.result.pending = pending_count(session)
            self.result.problems = [p.as_json() for p in list_problems(session)]


def synchronise(
    db: Database,
    actor: Actor,
    registry: str,
    username: str,
    password: str,
    *,
    ca_file: str | Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    changed: Changed | None = None,
    client: RegistryClient | None = None,
) -> SyncResult:
    """Runs one exchange of ``db`` with the registry at ``registry`` (the GUI's and the
    command's entry point).

    Args:
        db: the store.
        actor: the officer whose changes are pushed (each officer syncs with their own
            account; other officers' changes wait for theirs).
        registry: the registry's address.
        username: the registry account.
        password: its password.
        ca_file: a CA bundle to verify the registry's certificate with.
        progress: called with (stage, done, total) as the exchange goes (total 0: unknown);
            stages are ``STAGES``.
        cancel: asked between batches and pages; returning True stops the exchange (the
            result says ``cancelled``; everything done so far is kept).
        changed: told after each committed page and batch answer which records the exchange
            wrote (a ``ChangeSet`` of origin "registry"), on the exchange's thread.
        client: a client to use instead of one made for ``registry``.

    Raises:
        SyncFailed: the exchange could not complete; its message says why and how many
            changes wait (``transient``: trying later may succeed).
    """
    own = client is None
    client = client or RegistryClient(registry, ca_file=ca_file)
    try:
        exchange = Exchange(
            db,
            actor,
            client,
            username,
            password,
            progress=progress,
            cancel=cancel,
            changed=changed,
        )
        return exchange.run()
    finally:
        if own:
            client.close()


def _log_answer(answer: PushResult) -> None:
    """One line per pushed batch's answer: each change id with its outcome (and code)."""
    log.info(
        "push answer: %s",
        ", ".join(
            f"{r.change_id} {r.outcome}" + (f" ({r.code})" if r.code else "")
            for r in answer.results
        ),
    )
