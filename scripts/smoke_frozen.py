"""Smoke test of the frozen app (.ci/run runs it after ./test): builds the bundle with
build_app.py, then runs its programs headless against stores in a temporary folder.

    .venv/bin/python scripts/smoke_frozen.py [--app DIST/jipp-desktop] [--keep DIR]

Checked, each step failing the script with what went wrong: ``--version`` is pyproject's; a
store left at the first schema revision is upgraded by the bundled migrations (kept records,
a backup beside it); ``demo``; the ``template`` filled with one innovation and ``import``ed;
a ``letter`` (its text read back with pypdf); ``--screenshot`` of every screen; and a sync
against the bundled ``jipp-registry`` on 127.0.0.1 (a free port): the imported record pushed
by one store and pulled by another, each batch in the log. Then the start-up figures of the
frozen app against the source install over the same store in the same run (not pass/fail).

It uses the source tree only to make the older store and the filled template (openpyxl,
Alembic) and to read the letter (pypdf): everything under test runs from the bundle.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "sandi-uji-123"  # a made-up password for a throw-away registry
OFFICER = "Dewi Lestari"
AGENCY = "Pemerintah Kota Denpasar"


class SmokeFailure(Exception):
    """A step of the smoke test went wrong."""


def exe(app: Path, name: str) -> str:
    """A program of the bundle (Windows: the console twin for the data commands)."""
    if sys.platform == "win32":
        name = "jipp-desktop-console" if name == "jipp-desktop" else name
        return str(app / f"{name}.exe")
    return str(app / name)


def environment(tmp: Path) -> dict[str, str]:
    """Headless, with settings, data and log folders of its own (never the user's)."""
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        JIPP_LOG_DIR=str(tmp / "log"),
        JIPP_PASSWORD=PASSWORD,
        JIPP_DB="",
    )


def run(command: list[str], env: dict[str, str], step: str) -> str:
    """Runs a command; returns its stdout, or fails the step with its stderr."""
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0:
        raise SmokeFailure(f"{step}: exit {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def check(condition: bool, step: str, detail: object) -> None:
    """Fails the step unless ``condition``."""
    if not condition:
        raise SmokeFailure(f"{step}: {detail}")
    print(f"ok  {step}")


def older_store(path: Path) -> None:
    """A store as the first release left it: made at head by the source, then migrated down
    to revision 0001, with one officer in it."""
    from alembic import command
    from sqlalchemy import create_engine

    from jipp_desktop.db.engine import _alembic_config, open_database

    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO officers (id, name, nip, role, created_at) VALUES "
        "('o-lama', 'Ni Luh Putu Ayu', NULL, 'operator', '2023-05-01 02:00:00')"
    )
    con.commit()
    con.close()


def fill_template(path: Path) -> None:
    """One innovation in the template's Data sheet (the template's own example row)."""
    import openpyxl

    from jipp_desktop.spreadsheets.columns import FIELD_COLUMNS
    from jipp_desktop.spreadsheets.template import EXAMPLE

    wb = openpyxl.load_workbook(path)
    ws = wb["Data"]
    for i, col in enumerate(FIELD_COLUMNS, 1):
        ws.cell(2, i, EXAMPLE.get(col.key))
    wb.save(path)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Waits until the registry answers at ``url``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SmokeFailure(f"jipp-registry serve ended with exit {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:  # it answers (426 without the protocol header)
            return
        except OSError:
            time.sleep(0.3)
    raise SmokeFailure(f"jipp-registry did not answer at {url} within {seconds:.0f} s")


def smoke(app: Path, tmp: Path) -> None:
    """Every step, in order; raises SmokeFailure at the first that goes wrong."""
    import tomllib

    from jipp_desktop.db.engine import head_revision

    env = environment(tmp)
    desktop = exe(app, "jipp-desktop")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    out = run([desktop, "--version"], env, "--version").strip()
    check(out == f"jipp-desktop {version}", "--version", out)

    old = tmp / "lama.db"
    older_store(old)
    stats = json.loads(run([desktop, "--db", str(old), "stats", "--json"], env, "upgrade"))
    con = sqlite3.connect(old)
    revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    officers = con.execute("SELECT name FROM officers").fetchall()
    con.close()
    backups = list(tmp.glob("lama.before-0001-*.db"))
    check(
        revision == head_revision() and officers == [("Ni Luh Putu Ayu",)] and backups,
        "upgrade of a revision-0001 store by the bundled migrations",
        (revision, officers, backups),
    )
    check(stats["provinces"] == 38, "stats after the upgrade", stats)

    store = tmp / "kantor.db"
    run([desktop, "--db", str(store), "demo", "--innovations", "40"], env, "demo")
    demo = json.loads(run([desktop, "--db", str(store), "stats", "--json"], env, "stats"))
    check(demo["innovations"] == 40 and demo["commitments"] > 0, "demo", demo)

    run(
        [desktop, "--db", str(store), "officer", "add", OFFICER, "--role", "operator"],
        env,
        "officer",
    )
    template = tmp / "templat.xlsx"
    run([desktop, "--db", str(store), "template", str(template)], env, "template")
    fill_template(template)
    report = json.loads(
        run(
            [desktop, "--db", str(store), "--as", OFFICER, "import", str(template), "--json"],
            env,
            "import",
        )
    )
    check(report["new"] == 1 and report["committed"] is True, "import of the template", report)

    commitments = json.loads(
        run([desktop, "--db", str(store), "list", "commitments", "--json"], env, "list")
    )
    letter = tmp / "surat.pdf"
    made = json.loads(
        run(
            [desktop, "--db", str(store), "letter", commitments[0]["id"], str(letter), "--json"],
            env,
            "letter",
        )
    )
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(letter).pages)
    check(
        made["pages"] >= 1 and commitments[0]["number"] in text and "Halaman 1 dari" in text,
        "letter",
        made,
    )

    shots = tmp / "layar"
    written = run([desktop, "--db", str(store), "--screenshot", str(shots)], env, "--screenshot")
    pngs = sorted(p.name for p in shots.glob("*.png") if p.stat().st_size > 10_000)
    check(len(pngs) >= 9 and len(written.split()) == len(pngs), "--screenshot", pngs)

    sync_round_trip(app, tmp, env, store)


def sync_round_trip(app: Path, tmp: Path, env: dict[str, str], store: Path) -> None:
    """The bundled registry on loopback: the imported record pushed, then pulled elsewhere."""
    registry = exe(app, "jipp-registry")
    url = f"sqlite:///{tmp / 'registri.db'}"
    run(
        [registry, "--db", url, "user", "add", "dewi", "--role", "operator", "--agency", AGENCY],
        env,
        "registry user add",
    )
    run(
        [registry, "--db", url, "user", "add", "bali", "--role", "admin", "--region", "51"],
        env,
        "registry user add",
    )
    port = free_port()
    log = (tmp / "registry.log").open("wb")
    server = subprocess.Popen(
        [registry, "--db", url, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{address}/api/v1/status", server)
        desktop = exe(app, "jipp-desktop")
        pushed = json.loads(
            run(
                [
                    desktop,
                    "--db",
                    str(store),
                    "--as",
                    OFFICER,
                    "sync",
                    "--registry",
                    address,
                    "--user",
                    "dewi",
                    "--json",
                ],
                env,
                "sync push",
            )
        )
        check(
            pushed["pushed"] >= 1 and pushed["rejected"] == 0 and pushed["pending"] == 0,
            "sync: the imported innovation pushed to the bundled registry",
            pushed,
        )
        other = tmp / "kantor-lain.db"
        run(
            [desktop, "--db", str(other), "officer", "add", "Rina Wulandari", "--role", "admin"],
            env,
            "officer",
        )
        pulled = json.loads(
            run(
                [
                    desktop,
                    "--db",
                    str(other),
                    "--as",
                    "Rina Wulandari",
                    "sync",
                    "--registry",
                    address,
                    "--user",
                    "bali",
                    "--json",
                ],
                env,
                "sync pull",
            )
        )
        titles = run([desktop, "--db", str(other), "search", "Akta Kelahiran", "--json"], env, "")
        check(
            pulled["pulled"] >= 1 and "Layanan Akta Kelahiran" in titles,
            "sync: pulled by a second store",
            pulled,
        )
        text = (tmp / "log" / "jipp-desktop.log").read_text(encoding="utf-8")
        check(
            all(
                line in text
                for line in ("store ", "import templat.xlsx", "push batch ", "push answer: ")
            ),
            "the log holds the store, the import and the sync batches",
            text[-2000:],
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def startup_figures(app: Path, tmp: Path, runs: int = 7) -> dict[str, float]:
    """Median seconds, frozen against source on the same demo store, the two alternating run
    by run after one warm-up each (so both meet the same load): a data command
    (``stats --json``) and the GUI to its list's first rows (JIPP_STARTUP_PROBE)."""
    env = environment(tmp)
    store = str(tmp / "kantor.db")
    source = str(Path(sys.executable).with_name("jipp-desktop"))
    if sys.platform == "win32":
        source += ".exe"
    programs = {"frozen": exe(app, "jipp-desktop"), "source": source}
    cases = {
        "stats": (["--db", store, "stats", "--json"], {}, None),
        "first_rows": (["--db", store, "--as", OFFICER], {"JIPP_STARTUP_PROBE": "first-rows"},
                       "first-rows"),
    }  # fmt: skip

    def once(program: str, args: list[str], extra: dict[str, str], marker: str | None) -> float:
        start = time.perf_counter()
        done = subprocess.run(
            [program, *args], capture_output=True, text=True, env={**env, **extra}
        )
        if done.returncode or (marker and marker not in done.stdout):
            raise SmokeFailure(f"start-up run failed: {done.stderr.strip()[-500:]}")
        return time.perf_counter() - start

    times: dict[str, list[float]] = {f"{p}_{c}_s": [] for p in programs for c in cases}
    for case, (args, extra, marker) in cases.items():
        for program in programs.values():
            once(program, args, extra, marker)  # warm-up: files in the page cache
        for _ in range(runs):
            for label, program in programs.items():
                times[f"{label}_{case}_s"].append(once(program, args, extra, marker))
    return {key: round(statistics.median(values), 3) for key, values in times.items()}


def main() -> int:
    """Builds (unless --app) and runs the smoke test; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="an already built folder (skips the build)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--figures", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jipp-smoke-") as scratch:
        tmp = (args.keep or Path(scratch)).resolve()
        tmp.mkdir(parents=True, exist_ok=True)
        figures: dict[str, object] = {}
        app = args.app
        if app is None:
            report = tmp / "build.json"
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "build_app.py"),
                    "--dist",
                    str(tmp / "dist"),
                    "--work",
                    str(tmp / "build"),
                    "--report",
                    str(report),
                ],
                check=True,
            )
            figures["build"] = json.loads(report.read_text())
            app = tmp / "dist" / "jipp-desktop"
        try:
            smoke(app.resolve(), tmp)
            figures["startup"] = startup_figures(app.resolve(), tmp)
        except SmokeFailure as exc:
            print(f"smoke_frozen: FAILED {exc}", file=sys.stderr)
            return 1
        print(json.dumps(figures.get("startup"), indent=2))
        if args.figures:
            args.figures.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print("smoke_frozen: the frozen app passed every step")
    return 0


if __name__ == "__main__":
    sys.exit(main())
