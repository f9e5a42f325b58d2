"""What every subcommand handler gets: the parsed options, the store, the acting officer and a
way to print human text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jipp_desktop.language import pick

if TYPE_CHECKING:
    from jipp_desktop.db.engine import Database
    from jipp_desktop.services.officers import Actor


class CliError(Exception):
    """A failure to report as one line and a non-zero exit."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """The ``--json`` flag every data command takes."""
    parser.add_argument(
        "--json",
        action="store_true",
        help=pick("cetak hasilnya sebagai JSON", "print the result as JSON"),
    )


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class CliContext:
    """The options of one command-line run, with the store opened on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None

    @property
    def db_path(self) -> Path:
        """The database file this run works on."""
        from jipp_desktop.paths import default_database_path

        return Path(self.args.db).expanduser() if self.args.db else default_database_path()

    @property
    def db(self) -> Database:
        """The opened (and migrated) store."""
        if self._db is None:
            from jipp_desktop.db.engine import open_database

            self._db = open_database(self.db_path)
        return self._db

    def actor(self) -> Actor:
        """The officer acting in this run (`--as`, else the last profile used)."""
        from jipp_desktop.services.officers import use_officer

        with self.db.transaction() as session:
            return use_officer(session, self.args.as_officer)

    @property
    def json(self) -> bool:
        """Whether the subcommand was asked for JSON."""
        return bool(getattr(self.args, "json", False))

    def emit(self, human: str, data: Any = None) -> None:
        """Prints ``data`` as JSON when asked for it, else the human text."""
        if self.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
            sys.stdout.write("\n")
        elif human:
            print(human)

    def close(self) -> None:
        """Releases the store."""
        if self._db is not None:
            self._db.close()
