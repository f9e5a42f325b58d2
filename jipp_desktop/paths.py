"""Where JIPP Desktop keeps its data: the user's data folder (platformdirs), or `--db` / JIPP_DB."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "JIPP Desktop"
APP_AUTHOR = "KemenPANRB"


def default_database_path() -> Path:
    """The database file: $JIPP_DB when set, else jipp.db in the user's data folder."""
    env = os.environ.get("JIPP_DB")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, APP_AUTHOR) / "jipp.db"
