"""Store benchmark: `demo` bulk writes against plain sqlite3, search, stats and list speed.

Usage: .venv/bin/python benchmarks/bench_store.py [--innovations 100000] [--dir DIR]

1. Fills a fresh store with ``add_demo_data`` (what `demo --innovations N` runs) and times it.
2. Baseline, in the same run: copies exactly the rows the demo wrote (officers, innovations,
   verifications, replications, awards, audit log) into a second fresh store of the same schema
   (same indexes, same FTS triggers) with plain ``sqlite3`` executemany, and prints the ratio.
3. Times `search` over typical title words (median, 90th percentile, slowest), `stats` and the
   first page of the innovation list, each on the filled store.
4. Prints the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from jipp_desktop.db.engine import open_database
from jipp_desktop.demo.generator import add_demo_data
from jipp_desktop.domain.list_filter import InnovationFilter
from jipp_desktop.services.search import list_innovations, search_innovations
from jipp_desktop.services.stats import store_stats

COPIED_TABLES = ("officers", "innovations", "verifications", "replications", "awards", "audit_log")


def copy_rows(source: Path, target: Path) -> tuple[float, int]:
    """Inserts the demo's rows of ``source`` into ``target`` with plain executemany; timed."""
    src = sqlite3.connect(source)
    data = {}
    for table in COPIED_TABLES:
        cur = src.execute(f"SELECT * FROM {table} ORDER BY rowid")
        columns = [d[0] for d in cur.description]
        data[table] = (columns, cur.fetchall())
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA foreign_keys = ON")
    dst.execute("PRAGMA synchronous = NORMAL")
    rows = 0
    start = time.perf_counter()
    dst.execute("BEGIN")
    for table, (columns, values) in data.items():
        marks = ", ".join("?" for _ in columns)
        dst.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
        rows += len(values)
    dst.execute("COMMIT")
    elapsed = time.perf_counter() - start
    dst.close()
    return elapsed, rows


def timed(fn, repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls of ``fn``, in milliseconds."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> int:
    """Runs the benchmark and prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--innovations", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None, help="keep the stores here")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="jipp-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    demo_path, base_path = folder / "demo.db", folder / "baseline.db"
    for p in folder.glob("*.db*"):
        p.unlink()

    db = open_database(demo_path)
    start = time.perf_counter()
    result = add_demo_data(db, args.innovations)
    demo_s = time.perf_counter() - start
    rss_demo = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db.close()
    open_database(base_path).close()
    base_s, rows = copy_rows(demo_path, base_path)
    print(f"demo --innovations {args.innovations}: {demo_s:.1f} s "
          f"({result.verifications} verifications, {result.replications} replications, "
          f"{result.awards} awards)")  # fmt: skip
    print(f"  plain sqlite3 executemany of the same {rows:,} rows: {base_s:.1f} s; "
          f"ratio {demo_s / base_s:.2f}x")  # fmt: skip

    db = open_database(demo_path)
    with db.session() as session:
        sample = text("SELECT title FROM innovations ORDER BY random() LIMIT 60")
        titles = [t for (t,) in session.execute(sample)]
        rng = random.Random(7)
        words = [rng.choice([w for w in t.split() if len(w) >= 4]) for t in titles]
        search_innovations(session, words[0])  # warm the page cache once
        times = [timed(lambda w=w: search_innovations(session, w, 20), 1)[0] for w in words]
        times.sort()
        median = statistics.median(times)
        p90 = times[int(len(times) * 0.9)]
        print(f"search (limit 20) over {len(words)} title words: median {median:.1f} ms, "
              f"p90 {p90:.1f} ms, slowest {times[-1]:.1f} ms")  # fmt: skip
        stats_ms = timed(lambda: store_stats(session), 5)
        print(f"stats: first {stats_ms[0]:.0f} ms, median {statistics.median(stats_ms):.0f} ms")
        for sort in ("updated_at", "title"):
            page_ms = timed(
                lambda s=sort: list_innovations(session, InnovationFilter(), sort=s, limit=200), 5
            )
            print(
                f"list first page (200 rows, by {sort}): median {statistics.median(page_ms):.1f} ms"
            )
    db.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss_demo:.0f} MB after demo, {rss:.0f} MB at the end")
    print(f"store size: {demo_path.stat().st_size / 1e6:.0f} MB ({folder})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
