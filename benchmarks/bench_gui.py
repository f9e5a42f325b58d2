"""GUI benchmark: start-up to the first rows of the innovation list, list and search speed, and
peak memory with the 100,000-record list scrolled end to end.

Usage: .venv/bin/python benchmarks/bench_gui.py [--innovations 100000] [--db PATH] [--runs 5]

1. Baseline, in the same run: a bare PySide6 QMainWindow, from process start to its first paint.
2. `jipp-desktop --db DB --as OFFICER` with JIPP_STARTUP_PROBE=first-rows: from process start
   to the innovation list's first paint with rows; the ratio to the baseline (target: ≤ 3×).
   The usual start reads the first rows with the SQL kept from the last run (one warm-up start
   in a fresh settings folder makes it); the very first start in a new settings folder, whose
   list fills only once the store has opened, is measured too. JIPP_STARTUP_PROBE=ready: until the
   store is open and the officer chosen (the window takes input).
3. In one process: opening the list model (count + first page) and a full-text search through
   the list's filter, from typing to its rows shown (it is read in the background; median of
   several words).
4. JIPP_STARTUP_PROBE=scroll: the list scrolled end to end; peak RSS (target: < 400 MB).
Both start-ups run offscreen (QT_QPA_PLATFORM=offscreen) so no display is needed; the store is
made once with `jipp-desktop demo` and reused (pass --db to keep it between runs).
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

BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("first-paint", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
window = QMainWindow()
window.resize(1280, 800)
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""
SEARCH_WORDS = ("layanan", "kesehatan anak", "pajak", "sampah", "desa digital", "akta")


def jipp() -> str:
    return str(Path(sys.executable).with_name("jipp-desktop"))


def timed_until(command: list[str], marker: str, env: dict[str, str]) -> tuple[float, list[str]]:
    """Seconds from starting ``command`` to the line ``marker`` on its stdout, and all lines."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert proc.stdout is not None
    elapsed = None
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if elapsed is None and line.strip() == marker:
            elapsed = time.perf_counter() - start
    proc.wait()
    if elapsed is None or proc.returncode:
        raise SystemExit(f"{command[0]} failed (exit {proc.returncode}): {lines}")
    return elapsed, lines


def ensure_store(path: Path, innovations: int) -> str:
    """Makes the demo store when missing; returns an operator's name to start as."""
    if not path.exists():
        print(f"making {path} with {innovations} innovations (jipp-desktop demo)…", flush=True)
        subprocess.run(
            [jipp(), "--db", str(path), "demo", "--innovations", str(innovations)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    out = subprocess.run(
        [jipp(), "--db", str(path), "officer", "list"], check=True, capture_output=True, text=True
    ).stdout
    return next(line.split("\t")[0] for line in out.splitlines() if "\toperator\t" in line)


def import_seconds(module: str) -> float:
    """Seconds a fresh interpreter takes to import ``module`` (beyond starting up)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout)


def open_seconds(db_path: Path) -> float:
    """Seconds a fresh interpreter takes in ``open_database`` on an up-to-date store."""
    code = (
        "from jipp_desktop.db.engine import open_database; import time, sys; "
        "t = time.perf_counter(); open_database(sys.argv[1]); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], check=True, capture_output=True, text=True
    )
    return float(out.stdout)


def in_process_timings(db_path: Path) -> tuple[float, int, list[float]]:
    """List open and search times through the list model itself."""
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from jipp_desktop.db.engine import open_database
    from jipp_desktop.domain.list_filter import InnovationFilter
    from jipp_desktop.services.officers import use_officer
    from ui.context import AppContext
    from ui.models.innovation_list import InnovationListModel

    app = QApplication.instance() or QApplication([])
    db = open_database(db_path)
    with db.transaction() as s:
        actor = use_officer(s, None)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(db, actor, settings)
        model = InnovationListModel(ctx)
        start = time.perf_counter()
        model.reload()
        model.data(model.index(0, 1))
        open_seconds = time.perf_counter() - start
        rows = model.rowCount()
        searches = []
        # A search is read in the background; it has answered when the model shows its rows.
        loop = QEventLoop()
        model.reloaded.connect(lambda _count: loop.quit())
        for words in SEARCH_WORDS:
            # Each search is a separate action: the previous one's background id read is done.
            ctx.jobs.wait_idle()
            app.processEvents()
            start = time.perf_counter()
            model.set_filter(InnovationFilter(text=words))
            loop.exec()
            model.data(model.index(0, 1))
            searches.append(time.perf_counter() - start)
        ctx.jobs.wait_idle()
        app.processEvents()
    db.close()
    return open_seconds, rows, searches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--innovations", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="store to use (made with `demo` when missing)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.db"
    officer = ensure_store(db, args.innovations)
    env = dict(os.environ, XDG_CONFIG_HOME=str(Path(tmp.name) / "config"))

    command = [jipp(), "--db", str(db), "--as", officer]
    first_rows = dict(env, JIPP_STARTUP_PROBE="first-rows")
    # The first start with these settings: no kept first page yet, the rows wait for the store.
    first_ever_s, lines = timed_until(command, "first-rows", first_rows)
    assert "sqlalchemy-loaded 1" in lines, lines
    bare, app, ready = [], [], []
    for _ in range(args.runs):
        bare.append(timed_until([sys.executable, "-c", BARE_WINDOW], "first-paint", env)[0])
        elapsed, lines = timed_until(command, "first-rows", first_rows)
        assert "sqlalchemy-loaded 0" in lines, lines
        app.append(elapsed)
        ready.append(timed_until(command, "ready", dict(env, JIPP_STARTUP_PROBE="ready"))[0])
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    print(
        f"start-up, bare PySide6 QMainWindow (baseline): {bare_s * 1000:.0f} ms (median of "
        f"{args.runs})"
    )
    print(
        f"start-up to the first rows of the innovation list: {app_s * 1000:.0f} ms "
        f"= {app_s / bare_s:.2f}× baseline (target ≤ 3×)"
    )
    print(
        f"  until the store is open and the officer chosen: "
        f"{statistics.median(ready) * 1000:.0f} ms; the very first start with new settings "
        f"(rows once the store has opened): {first_ever_s * 1000:.0f} ms "
        f"= {first_ever_s / bare_s:.2f}×"
    )

    engine_s = statistics.median(import_seconds("jipp_desktop.db.engine") for _ in range(3))
    opened_s = statistics.median(open_seconds(db) for _ in range(3))
    print(
        f"  of which the core's store layer: importing it (SQLAlchemy + Alembic) "
        f"{engine_s * 1000:.0f} ms, opening the store (revision check, reference data) "
        f"{opened_s * 1000:.0f} ms"
    )

    open_s, rows, searches = in_process_timings(db)
    print(f"innovation list opened over {rows} records: {open_s * 1000:.0f} ms (target < 1 s)")
    print(
        f"full-text search through the list: median {statistics.median(searches) * 1000:.0f} ms,"
        f" slowest {max(searches) * 1000:.0f} ms over {len(searches)} searches (target < 100 ms)"
    )

    _, lines = timed_until(
        [jipp(), "--db", str(db), "--as", officer],
        "first-rows",
        dict(env, JIPP_STARTUP_PROBE="scroll"),
    )
    peak_kb = int(next(line.split()[1] for line in lines if line.startswith("peak-rss-kb")))
    scrolled = next(line.split()[1] for line in lines if line.startswith("rows"))
    print(
        f"peak RSS, list of {scrolled} records scrolled end to end: {peak_kb / 1024:.0f} MB "
        f"(target < 400 MB)"
    )
    tmp.cleanup()


if __name__ == "__main__":
    main()
