"""Devices for the client tests: each a store file of its own with local officer profiles that
sync with the registry's standard accounts (tests/sync/servers.py), through the real client
against a real ``jipp-registry serve``. Holds no tests itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.db.models import SYNCABLE, Innovation, OutboxChange
from jipp_desktop.services.officers import Actor, create_officer
from jipp_desktop.syncstate import list_problems, pending_count
from jipp_desktop.syncstate.records import records_data
from sync.client.engine import SyncResult, synchronise
from tests.conftest import innovation_values
from tests.sync.servers import ROOT, Registry

# Account key (tests/sync/servers.py) → the local profile that syncs with it.
PROFILES = {
    "op": ("Dewi Lestari", "operator"),
    "op2": ("Agus Salim", "operator"),
    "op_badung": ("Ketut Arya", "operator"),
    "ver": ("Bambang Sutrisno", "verifier"),
    "ver2": ("Sri Rahayu", "verifier"),
    "admin": ("Rina Wulandari", "admin"),
    "admin_bali": ("Nyoman Sudarsana", "admin"),
}
ENTITIES = (
    "agency",
    "hub",
    "innovation",
    "verification",
    "replication",
    "commitment",
    "attachment",
)


class Device:
    """One JIPP Desktop store and the officers using it."""

    def __init__(self, path: Path, registry: Registry, name: str) -> None:
        self.path = path
        self.name = name
        self.registry = registry
        self.db: Database = open_database(path)
        self.actors: dict[str, Actor] = {}

    def officer(self, key: str, profile: str | None = None) -> Actor:
        """The local profile syncing with account ``key`` (made on first use); ``profile``
        names another profile using the same account."""
        name = profile or key
        if name not in self.actors:
            full, role = PROFILES[key]
            if profile:
                full = f"{full} {profile.title()}"
            with self.db.transaction() as s:
                self.actors[name] = Actor.of(create_officer(s, full, role))
        return self.actors[name]

    def account(self, key: str) -> tuple[str, str]:
        return self.registry.accounts()[key]

    def sync(self, key: str, profile: str | None = None, **kw: Any) -> SyncResult:
        """One exchange as the officer of account ``key``."""
        username, password = self.account(key)
        return synchronise(
            self.db, self.officer(key, profile), self.registry.url, username, password, **kw
        )

    def write(self) -> Any:
        return self.db.transaction()

    def get(self, record_id: str) -> Innovation:
        with self.db.session() as s:
            found = s.get(Innovation, record_id)
            assert found is not None
            return found

    def pending(self) -> int:
        with self.db.session() as s:
            return pending_count(s)

    def problems(self) -> list[Any]:
        with self.db.session() as s:
            return list_problems(s)

    def outbox(self) -> list[OutboxChange]:
        with self.db.session() as s:
            return list(s.scalars(select(OutboxChange)))

    def snapshot(self) -> dict[str, dict[str, tuple[bool, dict[str, Any]]]]:
        """Every syncable record: entity → id → (deleted, wire data)."""
        out: dict[str, dict[str, tuple[bool, dict[str, Any]]]] = {}
        with self.db.session() as s:
            for entity, model in zip(ENTITIES, SYNCABLE, strict=True):
                rows = {
                    r.id: r.deleted_at is not None
                    for r in s.execute(select(model.id, model.deleted_at))
                }
                data = records_data(s, entity, list(rows))
                out[entity] = {i: (rows[i], data[i]) for i in rows}
        return out

    def cli(
        self, *args: str, env: dict[str, str] | None = None, **kw: Any
    ) -> subprocess.Popen[str]:
        """``jipp-desktop --db STORE ARGS`` as a process of its own."""
        full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        return subprocess.Popen(
            [sys.executable, "-m", "jipp_desktop", "--db", str(self.path), *args],
            env=full,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            **kw,
        )

    def cli_sync(
        self, key: str, *extra: str, registry_url: str | None = None
    ) -> tuple[int, Any, str]:
        """``jipp-desktop --as PROFILE sync --json``; returns (exit code, JSON or None, stderr)."""
        username, password = self.account(key)
        actor = self.officer(key)
        process = self.cli(
            "--as",
            actor.id,
            "sync",
            "--registry",
            registry_url or self.registry.url,
            "--user",
            username,
            "--json",
            *extra,
            env={"JIPP_PASSWORD": password},
        )
        out, err = process.communicate(timeout=300)
        return process.returncode, json.loads(out) if out.strip() else None, err

    def close(self) -> None:
        self.db.close()


def new_innovation(device: Device, actor: Actor, **values: Any) -> str:
    from jipp_desktop.services.innovations import create_innovation

    with device.write() as s:
        return create_innovation(s, actor, innovation_values(**values)).id


def update(device: Device, actor: Actor, record_id: str, **changes: Any) -> None:
    from jipp_desktop.services.innovations import update_innovation

    with device.write() as s:
        update_innovation(s, actor, record_id, changes)


def live(
    snapshot: dict[str, dict[str, tuple[bool, dict[str, Any]]]], entity: str
) -> dict[str, Any]:
    return {i: d for i, (deleted, d) in snapshot[entity].items() if not deleted}


def assert_agree(*devices: Device, registry_records: list[dict[str, Any]] | None = None) -> None:
    """Every device holds the same records with the same content (and, given the registry's
    records, the same as the registry), nothing pending and nothing doubled."""
    shots = [d.snapshot() for d in devices]
    first = shots[0]
    for device, shot in zip(devices[1:], shots[1:], strict=True):
        for entity in ENTITIES:
            assert shot[entity] == first[entity], f"{device.name} differs in {entity}"
    for device in devices:
        assert device.pending() == 0, device.name
        assert device.outbox() == [], device.name
    if registry_records is not None:
        for record in registry_records:
            mine = first[record["entity"]].get(record["id"])
            if mine is None:
                continue
            deleted, data = mine
            assert deleted == record["deleted"], record["id"]
            if not deleted:
                theirs = {k: v for k, v in record["data"].items() if k in data}
                assert {k: data[k] for k in theirs} == theirs, record["id"]


def device_maker(tmp_path: Path, registry: Registry) -> Iterator[Any]:
    """The body of each test module's ``devices`` fixture: ``devices("a", "b")`` makes
    devices on the registry (``on=`` another), closed at the end."""
    made: list[Device] = []

    def make(*names: str, on: Registry | None = None) -> list[Device]:
        out = [Device(tmp_path / f"{n}.db", on or registry, n) for n in names]
        made.extend(out)
        return out

    yield make
    for device in made:
        device.close()


def registry_records(registry: Registry, key: str = "admin") -> list[dict[str, Any]]:
    """Every record the registry holds (as the national admin pulls them)."""
    records, _ = registry.as_(key).pull_all()
    return records


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)
