"""ASGI middleware around every request: the structured access log, the protocol header and
the body size limits (checked on Content-Length and again while the body is read, so a chunked
upload cannot pass them)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any

from starlette.exceptions import HTTPException

from sync.protocol import (
    MAX_ATTACHMENT_BYTES,
    MAX_BODY_BYTES,
    MIN_PROTOCOL,
    PREFIX,
    PROTOCOL,
    PROTOCOL_HEADER,
    Problem,
    Text,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

access_log = logging.getLogger("jipp_registry.access")
_HEADER = PROTOCOL_HEADER.lower().encode()
_UPLOADS = f"{PREFIX}/attachments/"


class BodyTooLarge(HTTPException):
    """The body grew past its limit while it was read."""

    def __init__(self) -> None:
        super().__init__(413, "request too large")


def body_limit(method: str, path: str) -> int:
    """The largest body a request may send."""
    if method == "PUT" and path.startswith(_UPLOADS):
        return MAX_ATTACHMENT_BYTES
    return MAX_BODY_BYTES


async def _send_problem(send: Send, status: int, problem: Problem) -> None:
    body = problem.model_dump_json().encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _protocol_problem() -> Problem:
    return Problem(
        code="protocol_too_old",
        message=Text(
            id=f"versi JIPP Desktop ini terlalu lama untuk registri (perlu protokol {MIN_PROTOCOL}-"
            f"{PROTOCOL}, header {PROTOCOL_HEADER}); perbarui aplikasinya",
            en=f"this JIPP Desktop is too old for the registry (needs protocol {MIN_PROTOCOL}-"
            f"{PROTOCOL}, header {PROTOCOL_HEADER}); please update it",
        ),
    )


def _too_large(limit: int) -> Problem:
    return Problem(
        code="too_large",
        message=Text(
            id=f"permintaan terlalu besar (paling banyak {limit} bita)",
            en=f"request too large (at most {limit} bytes)",
        ),
    )


def _bad_length() -> Problem:
    return Problem(
        code="bad_request",
        message=Text(id="Content-Length tidak sah", en="invalid Content-Length"),
    )


class RegistryMiddleware:
    """See the module's docstring."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = scope.setdefault("state", {})
        status_holder = {"status": 500}

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
            await send(message)

        try:
            await self._handle(scope, receive, send_logged)
        finally:
            access_log.info(
                json.dumps(
                    {
                        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
                        "method": scope.get("method"),
                        "path": scope.get("path"),
                        "status": status_holder["status"],
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                        "account": state.get("account"),
                    },
                    ensure_ascii=False,
                )
            )

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        headers = dict(scope.get("headers") or [])
        if path.startswith(PREFIX + "/") or path == PREFIX:
            raw = headers.get(_HEADER, b"").decode("latin-1").strip()
            if not raw.isdigit() or int(raw) < MIN_PROTOCOL:
                await _send_problem(send, 426, _protocol_problem())
                return
        limit = body_limit(scope.get("method", ""), path)
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                declared = -1
            if declared < 0:
                await _send_problem(send, 400, _bad_length())
                return
            if declared > limit:
                await _send_problem(send, 413, _too_large(limit))
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        await self.app(scope, limited_receive, send)
