"""jipp-registry throughput: one device pushing and pulling 10,000 innovations, and 50 devices
syncing at once against 1, 2 and 4 processes on PostgreSQL and against SQLite.

    .venv/bin/python benchmarks/bench_registry.py                 # everything (~3 min)
    .venv/bin/python benchmarks/bench_registry.py --innovations 2000 --devices 20 --skip-pg

Part 1 (SQLite, one ``jipp-registry serve`` process on 127.0.0.1): an operator's device pushes
N innovations (valid, created "submitted") in batches of 200, a verifier's device pushes one
verification of each (which writes its decision into the innovation), and a new account pulls
everything (pages of 500). Baseline: a bare FastAPI + uvicorn endpoint that validates the same
pydantic models (``Push`` → ``PushResult``, a ``PullPage`` of the same records) sent with the
same ``requests`` client, measured in the same run; the ratio is registry / baseline.

Part 2: D devices (threads, one account each, all of one agency) sync at once: login, then
rounds of push (a batch of their own new innovations) and pull (from their cursor), and a final
pull. Figures: requests/s, p50/p95 latency over all requests, and a check that every device
received every record exactly once. PostgreSQL runs in a throwaway cluster (tests/sync/servers,
fsync off); SQLite on a file in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi import FastAPI, Query  # noqa: E402
from fastapi.responses import Response  # noqa: E402

from sync.protocol import ChangeResult, PullPage, Push, PushResult, RemoteRecord  # noqa: E402
from sync.registry.accounts import NewAccount, add_account  # noqa: E402
from sync.registry.db import make_engine, prepare  # noqa: E402
from tests.sync.servers import (  # noqa: E402
    HOST,
    Client,
    Registry,
    author,
    change,
    free_port,
    innovation_fields,
    postgres_cluster,
)

BATCH = 200
PASSWORD = "rahasia-bench-1"


def make_accounts(db_url: str, specs: list[tuple[str, str, tuple[str, ...], str | None]]) -> None:
    """Accounts made directly (the CLI would take a second each)."""
    engine = make_engine(db_url, pool_size=1)
    prepare(engine)
    with engine.begin() as connection:
        for username, role, agencies, region in specs:
            add_account(connection, NewAccount(username, role, PASSWORD, agencies, region))
    engine.dispose()


def innovations(n: int, tag: str) -> list[dict[str, Any]]:
    """n valid innovation creates (submitted), of Kota Denpasar."""
    return [
        change(
            "innovation",
            str(uuid.uuid4()),
            "create",
            innovation_fields(title=f"Inovasi {tag} nomor {i}", workflow="submitted"),
            by=author("Operator Bench", "operator"),
        )
        for i in range(n)
    ]


def timed(fn: Any, *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - started


# --- the baseline: the same models, no registry -------------------------------------------


def baseline_app() -> Any:
    """A bare FastAPI app validating the protocol's models."""
    app = FastAPI()
    stored: list[RemoteRecord] = []

    @app.post("/api/v1/push", response_model=PushResult)
    def push(body: Push) -> Response:
        results = []
        for c in body.changes:
            record = RemoteRecord(
                entity=c.entity,
                id=c.record_id,
                revision=1,
                deleted=False,
                data={k: v.new for k, v in c.fields.items()},
                updated_at=datetime.now(UTC),
            )
            stored.append(record)
            results.append(
                ChangeResult(change_id=c.change_id, outcome="applied", revision=1, record=record)
            )
        return Response(
            PushResult(results=results).model_dump_json(), media_type="application/json"
        )

    @app.get("/api/v1/pull", response_model=PullPage)
    def pull(cursor: str = "", limit: int = Query(500)) -> Response:
        start = int(cursor or 0)
        page = stored[start : start + limit]
        body = PullPage(
            changes=page,
            next_cursor=str(start + len(page)),
            has_more=start + len(page) < len(stored),
        )
        return Response(body.model_dump_json(), media_type="application/json")

    return app


def serve_baseline(port: int) -> None:
    import uvicorn

    uvicorn.run(baseline_app(), host=HOST, port=port, log_level="warning", access_log=False)


def start_baseline() -> tuple[subprocess.Popen[bytes], str]:
    import requests

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, __file__, "--baseline-server", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://{HOST}:{port}/api/v1"
    for _ in range(200):
        try:
            requests.get(url + "/pull", timeout=1)
            return process, url
        except requests.RequestException:
            time.sleep(0.05)
    raise RuntimeError("baseline server did not start")


# --- part 1 -------------------------------------------------------------------------------


def push_all(client: Client, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for start in range(0, len(changes), BATCH):
        out += client.push(changes[start : start + BATCH])
    return out


def part_one(n: int, folder: Path) -> None:
    print(f"== one device: {n:,} innovations and {n:,} verifications, batches of {BATCH} ==")
    db_url = f"sqlite:///{folder / 'one.db'}"
    make_accounts(
        db_url,
        [
            ("operator", "operator", ("Pemerintah Kota Denpasar",), None),
            ("verifier", "verifier", (), "51"),
            ("reader", "operator", ("Pemerintah Kota Denpasar",), None),
        ],
    )
    server = Registry(db_url, folder / "one")
    server.start()
    try:
        device = str(uuid.uuid4())
        operator = server.client("operator", PASSWORD, device)
        verifier = server.client("verifier", PASSWORD, device)
        creates = innovations(n, "satu")
        results, push_s = timed(push_all, operator, creates)
        assert {r["outcome"] for r in results} == {"applied"}, Counter(
            r["outcome"] for r in results
        )
        decisions = [
            change(
                "verification",
                str(uuid.uuid4()),
                "create",
                {"innovation_id": c["record_id"], "method": "desk", "outcome": "valid_continuing"},
                by=author("Verifikator Bench", "verifier"),
            )
            for c in creates
        ]
        verified, verify_s = timed(push_all, verifier, decisions)
        assert {r["outcome"] for r in verified} == {"applied"}, Counter(
            (r["outcome"], r["code"]) for r in verified
        )
        reader = server.client("reader", PASSWORD)
        (records, _), pull_s = timed(reader.pull_all)
        ids = Counter(r["id"] for r in records if r["entity"] in ("innovation", "verification"))
        assert len(ids) == 2 * n and set(ids.values()) == {1}
        pulled_innovations = sum(1 for r in records if r["entity"] == "innovation")
        assert pulled_innovations == n
        assert server.five_hundreds() == []
    finally:
        server.stop()
    baseline, url = start_baseline()
    try:
        bare = Client(url)
        _, bare_push_s = timed(push_all, bare, innovations(n, "dasar"))
        (bare_records, _), bare_pull_s = timed(bare.pull_all)
        assert len(bare_records) == n
    finally:
        baseline.terminate()
        baseline.wait(10)
    print(f"push innovations    {push_s:6.2f} s  {n / push_s:8.0f} records/s")
    print(f"push verifications  {verify_s:6.2f} s  {n / verify_s:8.0f} records/s")
    print(
        f"pull (new account)  {pull_s:6.2f} s  {len(records) / pull_s:8.0f} records/s  "
        f"({len(records):,} records: innovations, verifications, reference agencies and hubs)"
    )
    print(
        f"baseline push       {bare_push_s:6.2f} s  {n / bare_push_s:8.0f} records/s  "
        f"ratio {push_s / bare_push_s:.1f}"
    )
    print(
        f"baseline pull       {bare_pull_s:6.2f} s  {n / bare_pull_s:8.0f} records/s  "
        f"ratio (per record) {(pull_s / len(records)) / (bare_pull_s / n):.1f}"
    )


# --- part 2 -------------------------------------------------------------------------------


def part_two_run(
    label: str, db_url: str, workers: int, devices: int, rounds: int, per_round: int, folder: Path
) -> None:
    usernames = [f"device{i}" for i in range(devices)]
    make_accounts(db_url, [(u, "operator", ("Pemerintah Kota Denpasar",), None) for u in usernames])
    server = Registry(db_url, folder / label.replace(" ", "-"), workers=workers)
    server.start(timeout=60)
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(devices)

    def device(username: str) -> tuple[list[str], Counter[str]]:
        client = Client(server.api)
        original = client.http.request

        def measured(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            answer = original(*args, **kwargs)
            with lock:
                latencies.append(time.perf_counter() - started)
            return answer

        client.http.request = measured  # type: ignore[method-assign]
        barrier.wait()
        assert client.login(username, PASSWORD).status_code == 200
        made: list[str] = []
        seen: Counter[str] = Counter()
        cursor = ""
        for r in range(rounds):
            batch = innovations(per_round, f"{username} ronde {r}")
            results = client.push(batch)
            assert {x["outcome"] for x in results} == {"applied"}
            made += [c["record_id"] for c in batch]
            records, cursor = client.pull_all(cursor)
            seen.update(x["id"] for x in records)
        return made, seen

    try:
        started = time.perf_counter()
        with ThreadPoolExecutor(devices) as pool:
            outcomes = list(pool.map(device, usernames))
        wall = time.perf_counter() - started
        # After everyone finished: one more pull each from its cursor was done in the last
        # round only for its own view; a final full pull per device checks "exactly once".
        everything = {i for made, _ in outcomes for i in made}
        final = Client(server.api)
        final.login(usernames[0], PASSWORD)
        all_records, _ = final.pull_all()
        counts = Counter(r["id"] for r in all_records)
        exactly_once = everything <= set(counts) and all(counts[i] == 1 for i in everything)
        # Each device's incremental pulls never repeated a record (they are created once).
        no_repeats = all(max(seen.values()) == 1 for _, seen in outcomes)
        fives = server.five_hundreds()
    finally:
        server.stop()
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000
    pulled = sum(seen.total() for _, seen in outcomes)
    print(
        f"{label:<22} {len(latencies) / wall:5.0f} req/s  p50 {p50:6.1f} ms  p95 {p95:7.1f} ms  "
        f"{len(everything):,} pushed, {pulled:,} pulled in {wall:5.1f} s  exactly once: "
        f"{'yes' if exactly_once and no_repeats and not fives else 'NO'}"
    )


def part_two(devices: int, rounds: int, per_round: int, folder: Path, pg: bool) -> None:
    print(
        f"== {devices} devices at once: {rounds} rounds of push ({per_round} innovations) + pull =="
    )
    part_two_run(
        "SQLite, 1 process",
        f"sqlite:///{folder / 'many.db'}",
        1,
        devices,
        rounds,
        per_round,
        folder,
    )
    if not pg:
        return
    with postgres_cluster() as cluster:
        for workers in (1, 2, 4):
            part_two_run(
                f"PostgreSQL, {workers} proc",
                cluster.new_database(),
                workers,
                devices,
                rounds,
                per_round,
                folder,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--innovations", type=int, default=10_000)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--per-round", type=int, default=10)
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--baseline-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline_server:
        serve_baseline(args.baseline_server)
        return
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    print(f"jipp-registry benchmark, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="bench-registry-") as tmp:
        folder = Path(tmp)
        if args.innovations:
            part_one(args.innovations, folder)
        if args.devices:
            part_two(args.devices, args.rounds, args.per_round, folder, not args.skip_pg)


if __name__ == "__main__":
    main()
