"""The English translation is complete and current: every tr() text of ui/ has an English
translation in resources/translations/jipp_en.ts, and the committed .qm is compiled from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "jipp_en.ts"
QM = ROOT / "resources" / "translations" / "jipp_en.qm"


def tool(name: str) -> str:
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found (it comes with PySide6)")
    return found


def messages(ts: Path) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(context, source) → (translation type, translation text)."""
    out = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            translation = m.find("translation")
            assert translation is not None
            out[(name, m.findtext("source") or "")] = (
                translation.get("type"),
                translation.text or "",
            )
    return out


def untranslated(found: dict[tuple[str, str], tuple[str | None, str]]) -> list[tuple[str, str]]:
    return [key for key, (kind, text) in found.items() if kind is not None or not text.strip()]


def test_committed_translation_is_complete():
    found = messages(TS)
    assert len(found) > 200
    assert untranslated(found) == []


def test_every_tr_text_of_the_gui_is_in_the_ts_and_translated(tmp_path):
    # lupdate over all of ui/ into a copy: a new tr() text shows up as unfinished, a removed
    # one disappears, so any difference means the committed .ts is out of date.
    copy = tmp_path / "jipp_en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "id",
            "-target-language",
            "en",
            *sources,
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    fresh = messages(copy)
    assert untranslated(fresh) == [], "run scripts/update_translations.sh and translate these"
    assert fresh == messages(TS), "resources/translations/jipp_en.ts is not current"


def test_committed_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / "jipp_en.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-removeidentical", str(TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"


def test_a_text_without_translation_is_caught(tmp_path):
    # The check above must be able to fail: a widget with a new text makes it fail.
    source = tmp_path / "extra.py"
    source.write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass Extra(QWidget):\n"
        '    def label(self) -> str:\n        return self.tr("Teks baru tanpa terjemahan")\n',
        encoding="utf-8",
    )
    copy = tmp_path / "jipp_en.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", str(source), "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert ("Extra", "Teks baru tanpa terjemahan") in untranslated(messages(copy))
