"""Each pushed batch is logged with its id, its change ids and each change's outcome; the
pull pages and the exchange's result follow."""

from __future__ import annotations

import logging
import re

import pytest

from jipp_desktop import app_log
from tests.sync.test_client_support import device_maker, new_innovation


@pytest.fixture
def devices(tmp_path, registry):
    yield from device_maker(tmp_path, registry)


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setenv(app_log.LOG_DIR_ENV, str(tmp_path / "log"))
    path = app_log.start_logging()
    yield path
    logging.getLogger().removeHandler(app_log._handler)
    app_log._handler = None


def test_a_sync_logs_its_batches_with_ids_and_results(devices, log_file):
    (a,) = devices("a")
    new_innovation(a, a.officer("op"), title="Inovasi Yang Tercatat Di Log")

    result = a.sync("op")

    assert result.pushed == 1
    text = log_file.read_text(encoding="utf-8")
    batch = re.search(r"push batch ([0-9a-f-]{36}): 1 changes ([0-9a-f-]{36})", text)
    assert batch, text
    assert f"push answer: {batch.group(2)} applied" in text
    assert "pull page: " in text and "sync finished: {" in text and "'pushed': 1" in text
