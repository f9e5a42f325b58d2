"""A regular (non-editable) install carries its data files: the region codes and the Alembic
migrations must be inside the wheel, and the installed package must find them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from jipp_desktop.db.engine import head_revision

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "jipp_desktop", "ui", "sync", "resources")


def build_wheel(tmp: Path) -> Path:
    """Builds the project's wheel from a copy of the sources (the checkout stays clean)."""
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif path.exists():
            shutil.copy2(path, src / name)
    out = tmp / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(src)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    [wheel] = out.glob("jipp_desktop-*.whl")
    return wheel


def test_wheel_holds_regions_and_migrations(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "resources/regions/regions.csv" in names
    assert "jipp_desktop/db/migrations/env.py" in names
    assert "jipp_desktop/db/migrations/script.py.mako" in names
    versions = {Path(n).name for n in names if n.startswith("jipp_desktop/db/migrations/versions/")}
    shipped = {p.name for p in (ROOT / "jipp_desktop/db/migrations/versions").glob("*.py")}
    assert shipped and shipped <= versions

    # Installed from the wheel alone (no source tree on the path), the store opens and migrates.
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    # The editable install's import hook would find the checkout first: drop it.
    code = (
        "import sys\n"
        "sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]\n"
        f"sys.path = [p for p in sys.path if p not in ('', {str(ROOT)!r})]\n"
        f"sys.path.insert(0, {str(target)!r})\n"
        "import jipp_desktop.db.engine as e, resources\n"
        f"assert resources.__file__.startswith({str(target)!r}), resources.__file__\n"
        f"db = e.open_database({str(tmp_path / 'w.db')!r})\n"
        "from jipp_desktop.services.stats import store_stats\n"
        "with db.session() as s: print(e.schema_revision(db), store_stats(s)['regencies'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [head_revision(), "416"]
