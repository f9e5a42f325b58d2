"""The app's log: a rotating file in the user's data folder, written with standard ``logging``.

Every part logs to the logger of its module (``logging.getLogger(__name__)``); this module
attaches one file handler for the loggers of ``jipp_desktop``, ``ui`` and ``sync`` (INFO and
up) and, for every other library, WARNING and up. What is logged: each start (version,
platform, command), the store opened and migrated, imports, documents and other files
written, sync batches with their ids and results, and every error with its traceback.

The file is ``jipp-desktop.log`` in ``<user data folder>/log`` ($JIPP_LOG_DIR when set: tests
and the frozen app's smoke test keep it away from the officer's). It rotates at 1 MB, keeping
five older files. It is opened on the first record only, so a command that logs nothing opens
no file.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
from collections import deque
from pathlib import Path

LOG_DIR_ENV = "JIPP_LOG_DIR"
LOG_NAME = "jipp-desktop.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 5
# The project's own packages log at INFO; other libraries only their warnings and errors.
OWN_LOGGERS = ("jipp_desktop", "ui", "sync")
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_handler: logging.Handler | None = None

log = logging.getLogger(__name__)


def log_folder() -> Path:
    """The folder of the log: $JIPP_LOG_DIR, else ``log`` in the user's data folder."""
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    from jipp_desktop.paths import APP_AUTHOR, APP_NAME

    return user_data_path(APP_NAME, APP_AUTHOR) / "log"


def log_path() -> Path:
    """The log file now written (or to be written) by this process."""
    if isinstance(_handler, logging.FileHandler):
        return Path(_handler.baseFilename)
    return log_folder() / LOG_NAME


def start_logging(program: str = "jipp-desktop", command: str | None = None) -> Path | None:
    """Attaches the rotating file handler (once per process) and logs the start; returns the
    log's path, or None when its folder cannot be made (the app runs on without a log)."""
    global _handler
    from logging.handlers import RotatingFileHandler

    path = log_folder() / LOG_NAME
    if _handler is None or Path(getattr(_handler, "baseFilename", "")) != path.resolve():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"{program}: log {path}: {exc.strerror or exc}", file=sys.stderr)
            return None
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.setLevel(logging.INFO)
        root = logging.getLogger()
        if _handler is not None:
            root.removeHandler(_handler)
            _handler.close()
        root.addHandler(handler)
        if root.level == logging.NOTSET or root.level > logging.WARNING:
            root.setLevel(logging.WARNING)
        for name in OWN_LOGGERS:
            logging.getLogger(name).setLevel(logging.INFO)
        _handler = handler
    from jipp_desktop import __version__

    log.info(
        "start %s %s (%s, Python %s)%s",
        program,
        __version__,
        system(),
        platform.python_version(),
        f" command {command}" if command else "",
    )
    return path


def system() -> str:
    """The operating system in a few words ("Linux 6.1.0 x86_64", "Windows 10 AMD64");
    cheaper than platform.platform(), which reads the interpreter's file."""
    return f"{platform.system()} {platform.release()} {platform.machine()}"


def last_lines(count: int = 40) -> list[str]:
    """The last ``count`` lines of the log (fewer when it is shorter or missing)."""
    path = log_path()
    if isinstance(_handler, logging.StreamHandler):
        _handler.flush()
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return [line.rstrip("\n") for line in deque(f, maxlen=count)]
    except OSError:
        return []


def details(error: BaseException | None = None, *, lines: int = 40) -> str:
    """The text support asks for after an error: version, platform, the traceback and the
    log's last lines (what "Salin detail" copies)."""
    import traceback

    from jipp_desktop import __version__

    parts = [
        f"JIPP Desktop {__version__}",
        f"{system()}; Python {platform.python_version()}"
        + (" (frozen)" if getattr(sys, "frozen", False) else ""),
        f"Log: {log_path()}",
    ]
    if error is not None:
        parts += ["", "".join(traceback.format_exception(error)).rstrip()]
    tail = last_lines(lines)
    if tail:
        parts += ["", f"-- {len(tail)} baris terakhir log / last log lines --", *tail]
    return "\n".join(parts)
