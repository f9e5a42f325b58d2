"""Fixtures of the core's command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from jipp_desktop.cli.main import main


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with 120 demo innovations made by `demo` (one per test module)."""
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(path), "demo", "--innovations", "120"])
    assert exit_info.value.code in (0, None)
    return path
