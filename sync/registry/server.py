"""Running the app under uvicorn: one process, or ``workers`` processes importing the app
factory (the database URL passed in the environment), over HTTPS when given a certificate."""

from __future__ import annotations

import logging
import os
import sys

import uvicorn

from sync.registry.app import DB_ENV, TOKEN_HOURS_ENV, create_app

LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(message)s"},
        "server": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        # One JSON line per request on stdout; everything else on stderr.
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stdout",
        },
        "server": {
            "class": "logging.StreamHandler",
            "formatter": "server",
            "stream": "ext://sys.stderr",
        },
    },
    "loggers": {
        "jipp_registry.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        "jipp_registry": {"handlers": ["server"], "level": "INFO", "propagate": False},
        "uvicorn": {"handlers": ["server"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}


def serve(
    db_url: str,
    host: str,
    port: int,
    *,
    workers: int = 1,
    certfile: str | None = None,
    keyfile: str | None = None,
    token_hours: float = 12.0,
) -> None:
    """Serves the registry until interrupted."""
    options: dict[str, object] = {
        "host": host,
        "port": port,
        "log_config": LOG_CONFIG,
        "access_log": False,
        "ssl_certfile": certfile,
        "ssl_keyfile": keyfile,
        "timeout_graceful_shutdown": 5,
        "server_header": False,
    }
    if workers > 1:
        os.environ[DB_ENV] = db_url
        os.environ[TOKEN_HOURS_ENV] = str(token_hours)
        uvicorn.run("sync.registry.app:app_from_env", factory=True, workers=workers, **options)
    else:
        uvicorn.run(create_app(db_url, token_hours), **options)  # type: ignore[arg-type]
    logging.getLogger("jipp_registry").info("stopped")
    sys.stdout.flush()
