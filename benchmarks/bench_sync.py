"""Sync benchmark: the first sync of many innovations each way, a sync with nothing to do over a
small and a large store, and the peak memory of a large pull.

Usage: .venv/bin/python benchmarks/bench_sync.py [--records 10000] [--large 100000] [--dir DIR]

Against real ``jipp-registry serve`` processes on 127.0.0.1 (SQLite), through the real client:

1. First sync: a device with ``--records`` new innovations pushes them; a second, empty device
   pulls them. Target: each under 15 s.
2. Nothing to do: one exchange (status, login, push, reference, pull, files) of an up-to-date
   store, in-process, median of 7, on a store of 100 innovations and on one of ``--large``
   (their ratio shows what grows with the store). Target: under 100 ms.
3. Peak memory of pulling ``--large`` innovations into an empty store, in a process of its own
   (its peak resident set). Target: under 300 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jipp_desktop.db.engine import Database, open_database  # noqa: E402
from jipp_desktop.services.innovations import insert_innovations  # noqa: E402
from jipp_desktop.services.officers import Actor, create_officer  # noqa: E402
from jipp_desktop.syncstate import pending_count  # noqa: E402
from sync.client.engine import synchronise  # noqa: E402
from sync.client.http import RegistryClient  # noqa: E402
from sync.protocol import PREFIX, PROTOCOL, PROTOCOL_HEADER  # noqa: E402

HOST = "127.0.0.1"
PASSWORD = "rahasia-bench-1"
DENPASAR = "Pemerintah Kota Denpasar"


class Server:
    """A ``jipp-registry serve`` process with one operator account of Kota Denpasar."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.db_url = f"sqlite:///{folder / f'{name}.db'}"
        with socket.socket() as s:
            s.bind((HOST, 0))
            self.port = s.getsockname()[1]
        self.url = f"http://{HOST}:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "JIPP_PASSWORD": PASSWORD}
        self._cli("user", "add", "bench", "--role", "operator", "--agency", DENPASAR, env=env)
        self.log = (folder / f"{name}.log").open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.registry.cli",
                "--db",
                self.db_url,
                "serve",
                "--host",
                HOST,
                "--port",
                str(self.port),
            ],
            env=env,
            stdout=self.log,
            stderr=self.log,
            stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                answer = requests.get(
                    f"{self.url}{PREFIX}/status",
                    headers={PROTOCOL_HEADER: str(PROTOCOL)},
                    timeout=2,
                )
                if answer.status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError("jipp-registry serve did not start")

    def _cli(self, *args: str, env: dict[str, str]) -> None:
        subprocess.run(
            [sys.executable, "-m", "sync.registry.cli", "--db", self.db_url, *args],
            env=env,
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


def device(path: Path) -> tuple[Database, Actor]:
    db = open_database(path)
    with db.transaction() as s:
        actor = Actor.of(create_officer(s, "Dewi Lestari", "operator"))
    return db, actor


def fill(db: Database, actor: Actor, n: int, prefix: str) -> None:
    """``n`` new innovations of Kota Denpasar, as an import would write them."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import innovation_values

    with db.transaction() as s:
        for start in range(0, n, 10_000):
            rows = [
                innovation_values(title=f"{prefix} {i}", summary=f"Ringkasan inovasi nomor {i}.")
                for i in range(start, min(n, start + 10_000))
            ]
            insert_innovations(s, actor, rows)


class TimedClient(RegistryClient):
    """The real client, noting the time spent waiting for the registry."""

    waited = 0.0

    def _send(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return super()._send(*args, **kwargs)
        finally:
            TimedClient.waited += time.perf_counter() - start


def sync(db: Database, actor: Actor, server: Server) -> tuple[float, object, dict[str, float]]:
    """One exchange, timed; with the time of each stage and the time waiting for the registry
    (``registry``)."""
    marks: list[tuple[str, float]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if not marks or marks[-1][0] != stage:
            marks.append((stage, time.perf_counter()))

    TimedClient.waited = 0.0
    client = TimedClient(server.url)
    start = time.perf_counter()
    result = synchronise(db, actor, server.url, "bench", PASSWORD, progress=progress, client=client)
    end = time.perf_counter()
    client.close()
    stages = {}
    for (stage, at), (_, after) in zip(marks, [*marks[1:], ("end", end)], strict=True):
        stages[stage] = (after - at) * 1000
    stages["registry"] = TimedClient.waited * 1000
    stages["client"] = (end - start - TimedClient.waited) * 1000
    return end - start, result, stages


def first_sync(folder: Path, n: int) -> tuple[float, float]:
    server = Server(folder / "first", "registry")
    try:
        a, op = device(folder / "first-a.db")
        fill(a, op, n, "Inovasi Tolok Ukur")
        push_s, result, push_stages = sync(a, op, server)
        assert result.pushed == n and result.pending == 0, result  # type: ignore[attr-defined]
        b, op2 = device(folder / "first-b.db")
        pull_s, result, pull_stages = sync(b, op2, server)
        assert result.pulled >= n, result  # type: ignore[attr-defined]
        a.close()
        b.close()
    finally:
        server.stop()
    for name, stages in (("push", push_stages), ("pull", pull_stages)):
        print(f"  {name}: " + ", ".join(f"{k} {v / 1000:.1f} s" for k, v in stages.items()))
    return push_s, pull_s


def idle(db: Database, actor: Actor, server: Server, repeat: int = 7) -> tuple[float, dict]:
    sync(db, actor, server)  # warm
    times, stages = [], []
    for _ in range(repeat):
        elapsed, result, stage = sync(db, actor, server)
        assert result.pushed == 0 and result.pulled == 0, result  # type: ignore[attr-defined]
        times.append(elapsed * 1000)
        stages.append(stage)
    median = statistics.median(times)
    middle = stages[times.index(sorted(times)[len(times) // 2])]
    return median, middle


PULL_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from jipp_desktop.db.engine import open_database
from jipp_desktop.services.officers import Actor, create_officer
from sync.client.engine import synchronise


def status(key):  # this process's own figures (ru_maxrss would count the parent's from fork)
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1])


db = open_database({path!r})
with db.transaction() as s:
    actor = Actor.of(create_officer(s, "Made Wirawan", "operator"))
before = status("VmRSS:")
start = time.perf_counter()
result = synchronise(db, actor, {url!r}, "bench", {password!r})
print(json.dumps({{"seconds": time.perf_counter() - start, "pulled": result.pulled,
                  "before_kb": before, "peak_kb": status("VmHWM:")}}))
"""


def large(folder: Path, n: int) -> dict[str, float]:
    out: dict[str, float] = {}
    big = Server(folder / "large", "registry")
    small = Server(folder / "small", "registry")
    try:
        a, op = device(folder / "large-a.db")
        fill(a, op, n, "Inovasi Besar")
        push_s, _, _ = sync(a, op, big)
        out["push_large_s"] = push_s
        with a.session() as s:
            assert pending_count(s) == 0
        code = PULL_CHILD.format(
            root=str(ROOT), path=str(folder / "large-b.db"), url=big.url, password=PASSWORD
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        out["pull_large_s"] = figures["seconds"]
        out["pull_large_peak_mb"] = figures["peak_kb"] / 1024
        out["pull_large_start_mb"] = figures["before_kb"] / 1024
        s_db, s_op = device(folder / "small-a.db")
        fill(s_db, s_op, 100, "Inovasi Kecil")
        sync(s_db, s_op, small)
        out["idle_small_ms"], out["idle_small_stages"] = idle(s_db, s_op, small)  # type: ignore[assignment]
        out["idle_large_ms"], out["idle_large_stages"] = idle(a, op, big)  # type: ignore[assignment]
        a.close()
        s_db.close()
    finally:
        big.stop()
        small.stop()
    return out


def main() -> int:
    """Runs the benchmark and prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="keep the stores here")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="jipp-bench-sync-"))

    push_s, pull_s = first_sync(folder, args.records)
    print(
        f"first sync, {args.records:,} innovations: push {push_s:.1f} s, pull {pull_s:.1f} s "
        f"(target < 15 s each)"
    )
    figures = large(folder, args.large)
    print(
        f"{args.large:,} innovations: push {figures['push_large_s']:.1f} s, "
        f"pull {figures['pull_large_s']:.1f} s"
    )
    print(
        f"peak memory of the {args.large:,}-record pull: {figures['pull_large_peak_mb']:.0f} MB "
        f"(at its start {figures['pull_large_start_mb']:.0f} MB; target < 300 MB)"
    )
    small, big = figures["idle_small_ms"], figures["idle_large_ms"]
    print(
        f"sync with nothing to do: {small:.0f} ms (100 innovations), {big:.0f} ms "
        f"({args.large:,}); ratio {big / small:.2f} (target < 100 ms)"
    )
    for name in ("idle_small_stages", "idle_large_stages"):
        stages = figures[name]
        print(f"  {name.split('_')[1]}: " + ", ".join(f"{k} {v:.0f} ms" for k, v in stages.items()))  # type: ignore[union-attr]
    return 0


if __name__ == "__main__":
    sys.exit(main())
