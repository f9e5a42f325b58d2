"""Devices for the client tests: each a store file of its own with local officer profiles that
sync with the registry's standard accounts (tests/sync/servers.py), through the real client
against a real ``jipp-registry serve``; and a fault proxy to put between them. Holds no tests
itself."""

from __future__ import annotations

import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from jipp_desktop.db.engine import Database, open_database
from jipp_desktop.db.models import SYNCABLE, Innovation, OutboxChange
from jipp_desktop.services.officers import Actor, create_officer
from jipp_desktop.syncstate import list_problems, pending_count
from jipp_desktop.syncstate.records import records_data
from sync.client.engine import SyncResult, synchronise
from tests.conftest import innovation_values
from tests.sync.servers import HOST, ROOT, Registry

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
        self.url = registry.url  # where its client connects (a proxy, say)
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
        return synchronise(self.db, self.officer(key, profile), self.url, username, password, **kw)

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
            [sys.executable, "-m", "ui.launcher", "--db", str(self.path), *args],
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
            registry_url or self.url,
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


FAULTS = ("drop_request", "drop_reply", "delay", "error_500_after", "error_503", "cut_headers")


class FaultProxy:
    """An HTTP/1.1 proxy thread that spoils a share of the requests it forwards.

    Args:
        upstream: the registry's base URL.
        rate: the share of requests spoiled.
        seed: the seed of the choice of requests and faults.
        faults: the faults to choose from (default: all of ``FAULTS``).
        retry_after: the seconds a 503 asks to wait.
    """

    def __init__(
        self,
        upstream: str,
        rate: float = 0.3,
        seed: int = 7,
        faults: tuple[str, ...] = FAULTS,
        retry_after: int = 1,
    ) -> None:
        parts = urlsplit(upstream)
        self.target = (parts.hostname or HOST, parts.port or 80)
        self.rate = rate
        self.kinds = faults
        self.retry_after = retry_after
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.faults: Counter[str] = Counter()
        self.listener = socket.create_server((HOST, 0))
        self.port = self.listener.getsockname()[1]
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def stop(self) -> None:
        self.running = False
        with contextlib.suppress(OSError):
            self.listener.close()

    def _accept(self) -> None:
        while self.running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _choose(self) -> str | None:
        with self.lock:
            if self.rate <= 0 or self.random.random() >= self.rate:
                return None
            fault = self.random.choice(self.kinds)
            self.faults[fault] += 1
            return fault

    def _serve(self, client: socket.socket) -> None:
        with client:
            buffer = b""
            while self.running:
                request, buffer = _read_message(client, buffer, request=True)
                if request is None:
                    return
                fault = self._choose()
                if fault == "delay":
                    time.sleep(0.3)
                    fault = None
                if fault == "error_503":
                    client.sendall(_answer(503, b"busy", f"Retry-After: {self.retry_after}\r\n"))
                    continue
                if fault == "drop_request":
                    with contextlib.suppress(OSError), socket.create_connection(self.target) as up:
                        up.sendall(request[: len(request) // 2])
                    return
                try:
                    with socket.create_connection(self.target, timeout=120) as up:
                        up.sendall(request)
                        response, _ = _read_message(up, b"", request=False)
                except OSError:
                    return
                if response is None:
                    return
                if fault == "error_500_after":
                    client.sendall(_answer(500, b"Internal Server Error"))
                    continue
                if fault == "drop_reply":
                    head = response.index(b"\r\n\r\n") + 4
                    client.sendall(response[: head + max(1, (len(response) - head) // 2)])
                    return
                if fault == "cut_headers":
                    client.sendall(response[: response.index(b"\r\n") + 2])
                    return
                client.sendall(response)


def _answer(status: int, body: bytes, extra: str = "") -> bytes:
    reason = {500: "Internal Server Error", 503: "Service Unavailable"}[status]
    return (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\n{extra}\r\n"
    ).encode() + body


def _read_message(
    sock: socket.socket, buffer: bytes, *, request: bool
) -> tuple[bytes | None, bytes]:
    """One HTTP message (head and body) from ``sock``; None when the peer closed."""
    while b"\r\n\r\n" not in buffer:
        chunk = _recv(sock)
        if not chunk:
            return None, b""
        buffer += chunk
    end = buffer.index(b"\r\n\r\n") + 4
    head = buffer[:end].decode("latin-1").lower()
    headers = dict(line.split(":", 1) for line in head.split("\r\n")[1:] if ":" in line)
    headers = {k.strip(): v.strip() for k, v in headers.items()}
    if headers.get("transfer-encoding") == "chunked":
        while not buffer[end:].endswith(b"0\r\n\r\n"):
            chunk = _recv(sock)
            if not chunk:
                return None, b""
            buffer += chunk
        return buffer, b""
    length = int(headers.get("content-length", "0"))
    while len(buffer) < end + length:
        chunk = _recv(sock)
        if not chunk:
            return None, b""
        buffer += chunk
    return buffer[: end + length], buffer[end + length :]


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""
