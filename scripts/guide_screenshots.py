"""Makes the user guide's screenshots again: every screen over a demo store, rendered by
``jipp-desktop --screenshot`` into ``docs/panduan/gambar/`` (Indonesian) and
``docs/panduan/en/gambar/`` (English).

    .venv/bin/python scripts/guide_screenshots.py [--app DIST/jipp-desktop]

``--app`` takes the screens from a frozen build (its ``jipp-desktop``); without it, from this
source install. The demo store is made in a temporary folder with a fixed seed, so the pictures
change only when the screens do. Each picture is then kept as a 256-colour PNG (Pillow's median
cut, no dithering): a screen of flat colours looks the same at less than half the size, in the
repository and in the bundle.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "panduan"


def main() -> int:
    """Makes the store and the screenshots; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="a built folder whose jipp-desktop renders")
    args = parser.parse_args()
    name = "jipp-desktop.exe" if sys.platform == "win32" else "jipp-desktop"
    if args.app:
        program = str(args.app / ("jipp-desktop-console.exe" if sys.platform == "win32" else name))
    else:
        program = str(Path(sys.executable).with_name(name))
    with tempfile.TemporaryDirectory(prefix="jipp-guide-") as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
            JIPP_LOG_DIR=str(Path(tmp) / "log"),
        )
        store = str(Path(tmp) / "panduan.db")
        subprocess.run([program, "--db", store, "demo", "--innovations", "300", "--seed", "14"],
                       check=True, env=env, stdout=subprocess.DEVNULL)  # fmt: skip
        for lang, folder in (("id", GUIDE / "gambar"), ("en", GUIDE / "en" / "gambar")):
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run([program, "--db", store, "--lang", lang, "--screenshot", str(folder)],
                           check=True, env=env)  # fmt: skip
            for png in folder.glob("*.png"):
                fewer_colours(png)
    return 0


def fewer_colours(png: Path) -> None:
    """Rewrites a screenshot as a 256-colour PNG."""
    from PIL import Image

    with Image.open(png) as image:
        reduced = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    reduced.save(png, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
