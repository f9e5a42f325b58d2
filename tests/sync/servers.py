"""Real registry servers for the tests: ``jipp-registry serve`` subprocesses on 127.0.0.1 (on
SQLite in a temporary folder, or on a PostgreSQL cluster the tests start themselves), and a
small client for talking to them.

Fixtures (tests/sync/conftest.py):

- ``registry``: one server on SQLite for the session (:class:`Registry`);
- ``registry_pg``: one server on PostgreSQL (skipped when PostgreSQL is not installed);
- ``any_registry``: parametrised over both;
- ``registry_factory``: starts more servers, ``registry_factory(db_url=None, backend="sqlite",
  **options)``; all are stopped at the end of the session;
- ``postgres``: the session's PostgreSQL cluster (:class:`PostgresCluster`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

from sync.protocol import PREFIX, PROTOCOL, PROTOCOL_HEADER

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PASSWORD = "rahasia-123"
STANDARD_ACCOUNTS: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    ("op", "operator", ("Pemerintah Kota Denpasar",), None),
    ("op2", "operator", ("Pemerintah Kota Denpasar",), None),
    ("op_badung", "operator", ("Pemerintah Kabupaten Badung",), None),
    ("ver", "verifier", (), "51"),
    ("ver2", "verifier", ("Pemerintah Kota Denpasar",), None),
    ("admin", "admin", (), None),
    ("admin_bali", "admin", (), "51"),
    ("admin_jatim", "admin", (), "35"),
)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def registry_command(*args: str) -> list[str]:
    """The command line of ``jipp-registry`` with these arguments."""
    return [sys.executable, "-m", "sync.registry.cli", *args]


class Registry:
    """A ``jipp-registry serve`` process on 127.0.0.1.

    Attributes:
        url: the server's base URL (``http://127.0.0.1:PORT``); the API is at ``url + PREFIX``.
        api: ``url + PREFIX``.
        db_url: the database it serves.
        folder: a folder for its log files.
    """

    def __init__(
        self,
        db_url: str,
        folder: Path,
        *,
        workers: int = 1,
        token_hours: float | None = None,
        port: int | None = None,
        extra_args: Sequence[str] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.db_url = db_url
        self.folder = folder
        self.workers = workers
        self.token_hours = token_hours
        self.port = port or free_port()
        self.extra_args = list(extra_args)
        self.env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.scheme = "https" if "--cert" in self.extra_args else "http"
        self._accounts: dict[str, tuple[str, str]] = {}

    @property
    def url(self) -> str:
        """The base URL."""
        return f"{self.scheme}://{HOST}:{self.port}"

    @property
    def api(self) -> str:
        """The base URL of the API (``/api/v1``)."""
        return self.url + PREFIX

    @property
    def access_log(self) -> Path:
        """Where the server's stdout (the JSON access log) goes."""
        return self.folder / f"access-{self.port}.log"

    @property
    def error_log(self) -> Path:
        """Where the server's stderr goes."""
        return self.folder / f"server-{self.port}.log"

    def _env(self) -> dict[str, str]:
        env = {**os.environ, **self.env}
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env.pop("JIPP_REGISTRY_DB", None)
        return env

    def cli(self, *args: str, password: str | None = None, check: bool = True) -> str:
        """Runs ``jipp-registry --db DB ARGS`` (the real CLI); returns its stdout."""
        env = self._env()
        if password is not None:
            env["JIPP_PASSWORD"] = password
        done = subprocess.run(
            registry_command("--db", self.db_url, *args),
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"jipp-registry {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout if check else done.stdout + done.stderr

    def add_user(
        self,
        name: str,
        role: str,
        password: str,
        agencies: Sequence[str] = (),
        region: str | None = None,
        full_name: str | None = None,
    ) -> None:
        """``jipp-registry user add`` (agencies by id or name)."""
        args = ["user", "add", name, "--role", role]
        for agency in agencies:
            args += ["--agency", agency]
        if region:
            args += ["--region", region]
        if full_name:
            args += ["--full-name", full_name]
        self.cli(*args, password=password)

    def accounts(self, *keys: str) -> dict[str, tuple[str, str]]:
        """The standard accounts of the tests (all, or those of ``keys``), made once per
        server: key → (username, password). op, op2: operators of Kota Denpasar; op_badung: of
        Kabupaten Badung; ver: verifier of region 51 (Bali); ver2: verifier of Kota Denpasar;
        admin: national; admin_bali: admin of region 51; admin_jatim: admin of region 35."""
        wanted = [a for a in STANDARD_ACCOUNTS if (not keys or a[0] in keys)]
        missing = [a for a in wanted if a[0] not in self._accounts]
        made = {key: (f"{key}-{uuid.uuid4().hex[:6]}", PASSWORD) for key, *_ in missing}

        def add(spec: tuple[str, str, tuple[str, ...], str | None]) -> None:
            key, role, agencies, region = spec
            self.add_user(made[key][0], role, PASSWORD, agencies, region, full_name=key)

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(add, missing))
        self._accounts.update(made)
        return {a[0]: self._accounts[a[0]] for a in wanted}

    def as_(self, key: str, device_id: str | None = None) -> Client:
        """A client logged in as a standard account (see :meth:`accounts`)."""
        username, password = self.accounts(key)[key]
        return self.client(username, password, device_id)

    def start(self, timeout: float = 30) -> None:
        """Starts the server and waits until ``/status`` answers."""
        if self.process is not None and self.process.poll() is None:
            return
        args = ["--db", self.db_url, "serve", "--host", HOST, "--port", str(self.port)]
        if self.workers > 1:
            args += ["--workers", str(self.workers)]
        if self.token_hours is not None:
            args += ["--token-hours", str(self.token_hours)]
        args += self.extra_args
        self.folder.mkdir(parents=True, exist_ok=True)
        with self.access_log.open("ab") as out, self.error_log.open("ab") as err:
            self.process = subprocess.Popen(
                registry_command(*args),
                env=self._env(),
                stdout=out,
                stderr=err,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"jipp-registry serve exited ({self.process.returncode}): "
                    + self.error_log.read_text(errors="replace")[-3000:]
                )
            with contextlib.suppress(requests.RequestException), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                answer = requests.get(
                    self.api + "/status",
                    headers={PROTOCOL_HEADER: str(PROTOCOL)},
                    timeout=2,
                    verify=False,
                )
                if answer.status_code == 200:
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("jipp-registry serve did not answer /status in time")

    def stop(self) -> None:
        """Stops the server (SIGTERM to its process group, SIGKILL after 10 s)."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def restart(self) -> None:
        """Stops and starts the server (same port, same database)."""
        self.stop()
        self.start()

    def client(self, username: str, password: str, device_id: str | None = None) -> Client:
        """A logged-in client."""
        client = Client(self.api, device_id)
        client.login(username, password)
        return client

    def five_hundreds(self) -> list[str]:
        """Lines of the access log with a 5xx status."""
        if not self.access_log.exists():
            return []
        return [line for line in self.access_log.read_text().splitlines() if '"status": 5' in line]


class Client:
    """A minimal protocol client for the tests (the desktop's is sync.client)."""

    def __init__(self, api: str, device_id: str | None = None) -> None:
        self.api = api
        self.device_id = device_id or str(uuid.uuid4())
        self.http = requests.Session()
        self.http.headers[PROTOCOL_HEADER] = str(PROTOCOL)
        self.http.verify = False
        self.token: str | None = None
        self.account: dict[str, Any] = {}

    def login(self, username: str, password: str) -> requests.Response:
        """Logs in; keeps the token."""
        answer = self.http.post(
            self.api + "/login",
            json={"username": username, "password": password, "device_id": self.device_id},
            timeout=30,
        )
        if answer.status_code == 200:
            body = answer.json()
            self.token = body["token"]
            self.account = body["account"]
            self.http.headers["Authorization"] = f"Bearer {self.token}"
        return answer

    def push(
        self, changes: list[dict[str, Any]], batch_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Pushes changes; returns the results (raises on an HTTP error)."""
        answer = self.push_raw(changes, batch_id)
        answer.raise_for_status()
        return answer.json()["results"]

    def push_raw(
        self, changes: list[dict[str, Any]], batch_id: str | None = None
    ) -> requests.Response:
        """Pushes changes; returns the HTTP answer."""
        return self.http.post(
            self.api + "/push",
            json={
                "protocol": PROTOCOL,
                "device_id": self.device_id,
                "batch_id": batch_id or str(uuid.uuid4()),
                "changes": changes,
            },
            timeout=120,
        )

    def pull_page(self, cursor: str = "", limit: int = 500) -> requests.Response:
        """One pull page's HTTP answer."""
        return self.http.get(
            self.api + "/pull", params={"cursor": cursor, "limit": limit}, timeout=60
        )

    def pull_all(self, cursor: str = "", limit: int = 500) -> tuple[list[dict[str, Any]], str]:
        """Every page from ``cursor``; returns the records and the last cursor."""
        out: list[dict[str, Any]] = []
        while True:
            answer = self.pull_page(cursor, limit)
            answer.raise_for_status()
            page = answer.json()
            out += page["changes"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return out, cursor


class PostgresCluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1, in a folder owned by its user.

    ``initdb`` refuses to run as root, so as root the cluster belongs to ``postgres`` and is
    run with ``runuser -u postgres --``.
    """

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="jipp-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        self._prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self._names = itertools.count(1)

    @staticmethod
    def find_bindir() -> Path | None:
        """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
        candidates: list[Path] = []
        pg_config = shutil.which("pg_config")
        if pg_config:
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                out = subprocess.run(
                    [pg_config, "--bindir"], capture_output=True, text=True, timeout=10
                )
                candidates.append(Path(out.stdout.strip()))
        candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
        for folder in candidates:
            if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
                return folder
        return None

    def _run(self, *args: str, timeout: float = 120) -> None:
        subprocess.run(
            [*self._prefix, *args],
            check=True,
            capture_output=True,
            timeout=timeout,
            cwd=self.folder,
        )

    def start(self) -> None:
        """initdb and start, listening on 127.0.0.1 only (its socket in its own folder)."""
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            self.user,
            "-A",
            "trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        options = (
            f"-c listen_addresses={HOST} -p {self.port} -c unix_socket_directories={self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=300 -c shared_buffers=128MB"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "postgres.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        """Stops the cluster and removes its folder."""
        with contextlib.suppress(subprocess.SubprocessError, OSError):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def admin_url(self) -> str:
        """The maintenance database's URL."""
        return f"postgresql://{self.user}@{HOST}:{self.port}/postgres"

    def new_database(self, name: str | None = None) -> str:
        """Creates a database; returns its URL."""
        import psycopg

        name = name or f"registry_{next(self._names)}_{uuid.uuid4().hex[:6]}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://{self.user}@{HOST}:{self.port}/{name}"


@contextlib.contextmanager
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A started cluster, stopped at the end."""
    bindir = PostgresCluster.find_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL binaries (initdb, pg_ctl) not found")
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


# --- test data -------------------------------------------------------------------------------

DENPASAR = (
    "5f1900b7-3a65-5bdf-b88f-4e4f72a287c5"  # reference_id("agency", "Pemerintah Kota Denpasar")
)


def reference_agency(name: str) -> str:
    """The id the desktop and the registry give a reference agency."""
    from jipp_desktop.reference.seed import reference_id

    return reference_id("agency", name)


def innovation_fields(**changes: Any) -> dict[str, Any]:
    """A complete, valid innovation of Kota Denpasar (ready to submit), as wire values: the
    desktop tests' record with its contact person and workflow."""
    from tests.conftest import innovation_values

    contact = {
        "contact_name": "Made Wirawan",
        "contact_phone": "0361 222 333",
        "contact_email": "made@denpasarkota.go.id",
        "workflow": "draft",
    }
    return innovation_values(**{**contact, **changes})


def author(
    name: str = "Dewi Lestari", role: str = "operator", officer_id: str | None = None
) -> dict[str, Any]:
    """A change's author."""
    return {
        "id": officer_id or str(uuid.uuid5(uuid.NAMESPACE_DNS, name)),
        "name": name,
        "role": role,
    }


def change(
    entity: str,
    record_id: str,
    operation: str,
    fields: dict[str, Any] | None = None,
    *,
    by: dict[str, Any] | None = None,
    base: int | None = None,
    old: dict[str, Any] | None = None,
    change_id: str | None = None,
) -> dict[str, Any]:
    """A change as the device sends it (``fields``: name → new value)."""
    old = old or {}
    return {
        "change_id": change_id or str(uuid.uuid4()),
        "entity": entity,
        "record_id": record_id,
        "operation": operation,
        "base_revision": base,
        "fields": {k: {"old": old.get(k), "new": v} for k, v in (fields or {}).items()},
        "author": by or author(),
        "made_at": "2025-03-01T08:00:00+00:00",
    }


def new_id() -> str:
    """A device-made record id."""
    return str(uuid.uuid4())
