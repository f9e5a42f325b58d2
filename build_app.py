"""Builds the distributable JIPP Desktop: the one-folder app, and on request its Windows installer.

    .venv/bin/python build_app.py [--dist DIR] [--work DIR] [--installer] [--report FILE]
    .venv\\Scripts\\python build_app.py --installer          (Windows, Inno Setup 6 installed)

The same script on Linux and Windows: PyInstaller runs ``build_installer.spec`` with this
interpreter (the project's venv, so the bundle holds exactly its packages); the folder
``DIST/jipp-desktop`` then holds ``jipp-desktop`` and ``jipp-registry``. The script prints the
build time and what takes the space, and fails when the folder is over the size limit or its
``--version`` is not pyproject's. ``--installer`` runs Inno Setup's compiler on
``jipp-desktop.iss`` (``ISCC.exe`` from PATH or its default folder; elsewhere ``iscc`` from PATH,
e.g. a wine wrapper) with the version from pyproject.toml. Build output never goes into the
repository: the default folders are under the system's temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "jipp-desktop.iss"
APP_FOLDER = "jipp-desktop"
# The most the folder may hold (issue 14).
SIZE_LIMIT_MB = 180
MB = 1024 * 1024
# Where the Inno Setup 6 installer puts its compiler on Windows.
ISCC_DEFAULTS = (
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6",
)


def project_version() -> str:
    """The version in pyproject.toml (the one every build and the installer carry)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def program(folder: Path, name: str) -> Path:
    """A program of the built folder, with Windows' ``.exe`` where it has one."""
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def build(dist: Path, work: Path, debug: bool) -> float:
    """Runs PyInstaller on the spec; returns the seconds it took."""
    env = dict(os.environ, JIPP_BUILD_DEBUG="1" if debug else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def group_of(relative: Path) -> str:
    """The row of the size table a bundled file counts under."""
    parts = relative.parts
    if parts[0] != "_internal":
        return "programs (" + ", ".join(("jipp-desktop", "jipp-registry")) + ")"
    inner = parts[1:]
    if not inner:
        return "other"
    top = inner[0]
    if top == "PySide6":
        if "plugins" in inner:
            return "Qt plugins"
        if "translations" in inner:
            return "Qt translations"
        if any(p.startswith(("libicu", "icu")) for p in inner):
            return "ICU (Qt's Unicode data)"
        if inner[-1].endswith((".pyd", ".abi3.so")) or inner[-1].startswith("libpyside"):
            return "PySide6 bindings"
        return "Qt libraries"
    if top.startswith(("libpython", "python3")) or top in ("base_library.zip", "lib-dynload"):
        return "Python runtime"
    if len(inner) == 1 and (top.endswith((".dll", ".pyd")) or ".so" in top):
        return "system libraries"
    if top in ("PIL", "pillow.libs"):
        return "Pillow (images in PDFs)"
    if top in ("jipp_desktop", "ui", "sync", "resources"):
        return "JIPP Desktop (code, migrations, resources)"
    if top in ("cryptography", "_cffi_backend"):
        return "cryptography (keyring on Linux)"
    return top.split(".")[0].split("-")[0]


def size_report(folder: Path) -> dict[str, int]:
    """Bytes per group of the folder's files (symlinks not counted twice), largest first."""
    sizes: dict[str, int] = defaultdict(int)
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            sizes[group_of(path.relative_to(folder))] += path.stat().st_size
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))


def print_table(sizes: dict[str, int]) -> None:
    """The size table, in the README's Markdown form."""
    print("| part | MB |\n|---|---:|")
    small = 0
    for name, size in sizes.items():
        if size < MB:
            small += size
            continue
        print(f"| {name} | {size / MB:.1f} |")
    print(f"| other (each under 1 MB) | {small / MB:.1f} |")
    print(f"| **total** | **{sum(sizes.values()) / MB:.1f}** |")


def check_version(folder: Path, version: str) -> None:
    """Fails unless the frozen app says pyproject's version (stale metadata in a build)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [str(program(folder, "jipp-desktop")), "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if sys.platform == "win32":  # the windowed program has no stdout: ask its console twin
        out = subprocess.run(
            [str(program(folder, "jipp-desktop-console")), "--version"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    if out.stdout.strip() != f"jipp-desktop {version}":
        sys.exit(f"build_app: the frozen app says {out.stdout.strip()!r}, pyproject {version!r}")


def find_iscc() -> str | None:
    """Inno Setup's command-line compiler, or None where there is none."""
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    if sys.platform == "win32":
        for folder in ISCC_DEFAULTS:
            if (folder / "ISCC.exe").is_file():
                return str(folder / "ISCC.exe")
    return None


def build_installer(folder: Path, out: Path, version: str) -> Path:
    """Compiles the Inno Setup script over the built folder; returns the installer's path."""
    iscc = find_iscc()
    if iscc is None:
        sys.exit(
            "build_app: Inno Setup's compiler (ISCC) was not found; install Inno Setup 6 on "
            "Windows (https://jrsoftware.org/isinfo.php) or put an iscc wrapper on PATH"
        )
    name = f"jipp-desktop-{version}-setup"
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DSourceDir={folder}",
            f"/DOutputName={name}",
            f"/O{out}",
            str(ISS),
        ],
        check=True,
        cwd=ROOT,
    )
    return out / f"{name}.exe"


def main(argv: list[str] | None = None) -> int:
    """Builds; returns the exit code."""
    tmp = Path(tempfile.gettempdir())
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=tmp / "jipp-dist", help="output folder")
    parser.add_argument("--work", type=Path, default=tmp / "jipp-build", help="PyInstaller's")
    parser.add_argument("--installer", action="store_true", help="then the Windows installer")
    parser.add_argument("--report", type=Path, help="write the figures as JSON here")
    parser.add_argument("--debug", action="store_true", help="console, import trace")
    args = parser.parse_args(argv)
    version = project_version()
    seconds = build(args.dist.resolve(), args.work.resolve(), args.debug)
    folder = args.dist.resolve() / APP_FOLDER
    sizes = size_report(folder)
    total = sum(sizes.values())
    print(f"\nbuild_app: {folder} built in {seconds:.0f} s, {total / MB:.1f} MB\n")
    print_table(sizes)
    check_version(folder, version)
    figures: dict[str, object] = {
        "version": version,
        "folder": str(folder),
        "build_seconds": round(seconds, 1),
        "folder_mb": round(total / MB, 1),
        "parts_mb": {k: round(v / MB, 2) for k, v in sizes.items()},
    }
    if args.installer:
        installer = build_installer(folder, args.dist.resolve(), version)
        figures["installer"] = str(installer)
        figures["installer_mb"] = round(installer.stat().st_size / MB, 1)
        print(f"build_app: installer {installer} ({figures['installer_mb']} MB)")
    if args.report:
        args.report.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if total > SIZE_LIMIT_MB * MB:
        print(f"build_app: {total / MB:.1f} MB is over {SIZE_LIMIT_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
