"""The registry's HTTP API as Python calls (docs/SYNC.md, "Endpoints"), over one
``requests.Session``.

Connection errors, 429 and 503 (after their ``Retry-After``) and 500/502/504 are tried again
with backoff by urllib3's ``Retry``, POST included: every request of the protocol is safe to
repeat (a push is idempotent by its change ids). An answer cut off while its body was read is
asked again too. TLS is verified, against a CA file when one is given. Problem bodies become
:mod:`sync.client.errors` with the registry's reason in both languages.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, ResponseError
from urllib3.util.retry import Retry

import jipp_desktop
from sync.client.errors import (
    BadAnswer,
    Busy,
    CursorExpired,
    NotAuthorised,
    RegistryError,
    Unreachable,
    UpdateRequired,
)
from sync.protocol import (
    MAX_PULL_PAGE,
    PREFIX,
    PROTOCOL,
    PROTOCOL_HEADER,
    Hashes,
    Login,
    Missing,
    Problem,
    PullPage,
    Push,
    PushResult,
    Reference,
    Status,
    Token,
)

M = TypeVar("M", bound=BaseModel)
RETRY_STATUSES = (429, 500, 502, 503, 504)
# Answers cut off while their body was read: asked again this many times.
BODY_ATTEMPTS = 4


class CappedRetry(Retry):
    """urllib3's ``Retry`` that gives up at once when the registry asks to wait longer than
    ``max_wait`` seconds (the caller then waits as long as it said, not this process)."""

    def __init__(self, *args: Any, max_wait: float = 30.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_wait = max_wait

    def new(self, **kw: Any) -> CappedRetry:
        """A copy with ``kw`` changed (urllib3 makes one per attempt)."""
        retry = super().new(**kw)
        retry.max_wait = self.max_wait
        return retry

    def increment(
        self, method: str | None = None, url: str | None = None, *args: Any, **kwargs: Any
    ) -> CappedRetry:
        """Counts an attempt; refuses to wait longer than ``max_wait``."""
        response = kwargs.get("response")
        if response is not None and response.headers.get("Retry-After"):
            wait = self.get_retry_after(response)
            if wait is not None and wait > self.max_wait:
                raise MaxRetryError(
                    kwargs.get("_pool"), url or "", ResponseError(f"Retry-After {wait:.0f} s")
                )
        return super().increment(method, url, *args, **kwargs)  # type: ignore[return-value]


class RegistryClient:
    """One registry, spoken to in protocol version ``PROTOCOL``.

    Args:
        base_url: the registry's address (``https://registry.example`` — the ``/api/v1``
            prefix is added).
        ca_file: a CA bundle to verify the registry's certificate with (default: the system's).
        timeout: seconds to connect and to wait for an answer.
        retries: attempts after the first for one request.
        backoff: the backoff factor between attempts (0.3 → 0.3 s, 0.6 s, 1.2 s, …).
        max_wait: the longest ``Retry-After`` waited out inside one request.
    """

    def __init__(
        self,
        base_url: str,
        *,
        ca_file: str | Path | None = None,
        timeout: tuple[float, float] = (10.0, 120.0),
        retries: int = 5,
        backoff: float = 0.3,
        max_wait: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api = self.base_url + PREFIX
        self.timeout = timeout
        self.backoff = backoff
        self.session = requests.Session()
        retry = CappedRetry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            other=retries,
            backoff_factor=backoff,
            backoff_max=10,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET", "POST", "PUT"}),
            respect_retry_after_header=True,
            raise_on_status=False,
            max_wait=max_wait,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers[PROTOCOL_HEADER] = str(PROTOCOL)
        self.session.headers["User-Agent"] = f"jipp-desktop/{jipp_desktop.__version__}"
        # Given with every request: requests lets REQUESTS_CA_BUNDLE override a session's own.
        self.verify: str | bool = str(ca_file) if ca_file else True
        self.session.verify = self.verify
        self._login: Login | None = None

    def close(self) -> None:
        """Releases the connections."""
        self.session.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the endpoints ---------------------------------------------------------------------

    def status(self) -> Status:
        """``GET /status``: the registry is there and speaks this protocol."""
        return self._call("GET", "/status", Status, auth=False)

    def login(self, username: str, password: str, device_id: str) -> Token:
        """``POST /login``: the token is kept for the following calls (and renewed once when
        the registry forgets it mid-exchange)."""
        body = Login(username=username, password=password, device_id=device_id)
        token = self._call("POST", "/login", Token, json=body, auth=False)
        self._login = body
        self.session.headers["Authorization"] = f"Bearer {token.token}"
        return token

    def push(self, body: Push) -> PushResult:
        """``POST /push``: one result per change."""
        return self._call("POST", "/push", PushResult, json=body)

    def pull(self, cursor: str, limit: int = MAX_PULL_PAGE) -> PullPage:
        """``GET /pull``: the records changed since ``cursor`` (raises
        :class:`CursorExpired` when the registry does not know it)."""
        return self._call("GET", "/pull", PullPage, params={"cursor": cursor, "limit": limit})

    def reference(self) -> Reference:
        """``GET /reference``: the officers the registry knows."""
        return self._call("GET", "/reference", Reference)

    def missing(self, hashes: list[str]) -> list[str]:
        """``POST /attachments/missing``: which of these files the registry lacks."""
        return self._call(
            "POST", "/attachments/missing", Missing, json=Hashes(sha256=hashes)
        ).missing

    def upload(self, sha256: str, content: bytes) -> None:
        """``PUT /attachments/{sha256}``: stores a file."""
        self._send(
            "PUT",
            f"/attachments/{sha256}",
            data=content,
            headers={"Content-Type": "application/octet-stream"},
        )

    def download(self, sha256: str) -> bytes:
        """``GET /attachments/{sha256}``: a file's bytes."""
        return self._send("GET", f"/attachments/{sha256}").content

    # -- plumbing --------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        json: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
    ) -> M:
        data = None if json is None else json.model_dump_json().encode()
        headers = {"Content-Type": "application/json"} if data is not None else None
        for attempt in range(BODY_ATTEMPTS):
            response = self._send(
                method, path, data=data, params=params, headers=headers, auth=auth
            )
            try:
                return model.model_validate_json(response.content)
            except ValidationError as exc:
                # A body cut short arrives as broken JSON: ask again; a wrong one stays wrong.
                if attempt + 1 == BODY_ATTEMPTS or not _is_broken_json(exc):
                    raise BadAnswer(
                        f"jawaban registri untuk {path} tidak dapat dibaca ({exc.error_count()} "
                        "kesalahan)",
                        f"the registry's answer to {path} cannot be read "
                        f"({exc.error_count()} errors)",
                        status=response.status_code,
                        code="bad_answer",
                    ) from exc
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _send(
        self, method: str, path: str, *, auth: bool = True, **kwargs: Any
    ) -> requests.Response:
        renewed = False
        attempt = 0
        while True:
            try:
                response = self.session.request(
                    method, self.api + path, timeout=self.timeout, verify=self.verify, **kwargs
                )
            except requests.exceptions.SSLError as exc:
                raise Unreachable(
                    f"sertifikat registri {self.base_url} tidak dapat diverifikasi "
                    "(beri --ca-file)",
                    f"the certificate of the registry {self.base_url} cannot be verified "
                    "(give --ca-file)",
                    code="tls",
                ) from exc
            except (
                requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError,
                requests.exceptions.ConnectionError,
                requests.exceptions.Timeout,
            ) as exc:
                attempt += 1
                if _exhausted(exc) or attempt >= BODY_ATTEMPTS:
                    raise self._unreachable(exc) from exc
                time.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            if response.status_code == 401 and auth and self._login is not None and not renewed:
                renewed = True
                self.login(self._login.username, self._login.password, self._login.device_id)
                continue
            if response.status_code >= 400:
                raise self._problem(response)
            return response

    def _unreachable(self, exc: Exception) -> Unreachable:
        return Unreachable(
            f"registri {self.base_url} tidak terjangkau",
            f"the registry {self.base_url} is unreachable",
            code="unreachable",
        )

    def _problem(self, response: requests.Response) -> RegistryError:
        status = response.status_code
        try:
            problem: Problem | None = Problem.model_validate_json(response.content)
        except ValidationError:
            problem = None
        said_id = problem.message.id if problem else f"registri menjawab {status}"
        said_en = problem.message.en if problem else f"the registry answered {status}"
        code = problem.code if problem else f"http_{status}"
        fields = {k: (v.id, v.en) for k, v in problem.fields.items()} if problem else {}
        if status == 426:
            return UpdateRequired(
                f"{said_id}; perbarui JIPP Desktop",
                f"{said_en}; please update JIPP Desktop",
                status=status,
                code=code,
            )
        if status in (401, 403):
            return NotAuthorised(said_id, said_en, status=status, code=code)
        if status == 410:
            return CursorExpired(said_id, said_en, status=status, code=code)
        if status in (429, 503):
            wait = _retry_after(response)
            return Busy(said_id, said_en, retry_after=wait, status=status, code=code)
        if status >= 500:
            return Unreachable(
                f"registri {self.base_url} sedang bermasalah ({status})",
                f"the registry {self.base_url} is failing ({status})",
                status=status,
                code=code,
            )
        return RegistryError(said_id, said_en, status=status, code=code, fields=fields)


def _exhausted(exc: Exception) -> bool:
    """urllib3 tried as often as it may already (no more attempts here)."""
    return bool(exc.args) and isinstance(exc.args[0], MaxRetryError)


def _is_broken_json(exc: ValidationError) -> bool:
    return any(e.get("type") == "json_invalid" for e in exc.errors())


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return Retry().parse_retry_after(value)
    except Exception:
        return None
