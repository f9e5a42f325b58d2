"""Command-line start-up: each data command against the floor, side by side.

Usage: .venv/bin/python benchmarks/bench_cli.py [--db STORE] [--innovations 100000] [--runs 7]

The floor is a bare Python process that imports SQLAlchemy, opens the store and runs one query
(``SELECT count(*) FROM innovations``). Each data command (`stats`, `list`, `search`) runs as
the installed ``jipp-desktop`` would, in its own process, over the same store; the runs of the
floor and of the commands alternate, and each figure is the median wall time of ``--runs``.
Without ``--db`` a demo store of ``--innovations`` records is made first (about 90 s for
100,000). Target: every data command at most 1.5× the floor.

The runs have bytecode caching on (PYTHONDONTWRITEBYTECODE, if set, is left out of their
environment), so that the project's modules load compiled, as SQLAlchemy's do and as they do
from an installed wheel or the frozen app; a first run writes the .pyc files.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = (
    "import sys\n"
    "from sqlalchemy import create_engine, text\n"
    "engine = create_engine('sqlite:///' + sys.argv[1])\n"
    "with engine.connect() as c:\n"
    "    c.execute(text('SELECT count(*) FROM innovations')).scalar()\n"
)
COMMANDS = {
    "stats --json": ["stats", "--json"],
    "list innovations": ["list", "innovations", "--limit", "20", "--json"],
    "list agencies": ["list", "agencies", "--limit", "20", "--json"],
    "search": ["search", "gizi balita", "--limit", "10", "--json"],
}


def launcher() -> list[str]:
    """The ``jipp-desktop`` entry point, run by this interpreter."""
    script = Path(sys.executable).with_name("jipp-desktop")
    return [sys.executable, str(script)]


# The runs' environment: with bytecode caching (see the module's docstring).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--innovations", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        store = args.db
        if store is None:
            store = Path(tmp) / "jipp.db"
            print(f"making a demo store of {args.innovations:,} innovations…", flush=True)
            subprocess.run(
                [*launcher(), "--db", str(store), "demo", "--innovations", str(args.innovations)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        floor_argv = [sys.executable, "-c", FLOOR, str(store)]
        runs: dict[str, list[float]] = {"floor": [], **{name: [] for name in COMMANDS}}
        for argv in COMMANDS.values():  # warm the page cache and write the .pyc files
            timed([*launcher(), "--db", str(store), *argv])
        for _ in range(args.runs):
            runs["floor"].append(timed(floor_argv))
            for name, argv in COMMANDS.items():
                runs[name].append(timed([*launcher(), "--db", str(store), *argv]))
        floor = statistics.median(runs["floor"])
        print(f"floor (python + SQLAlchemy + one query)  {floor * 1000:5.0f} ms")
        for name in COMMANDS:
            median = statistics.median(runs[name])
            print(f"jipp-desktop {name:27s} {median * 1000:5.0f} ms  ratio {median / floor:.2f}")


if __name__ == "__main__":
    main()
