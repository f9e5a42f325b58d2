"""The registry's FastAPI app: the protocol's endpoints under /api/v1 (docs/SYNC.md).

``create_app(db_url)`` makes one; ``app_from_env`` is the factory uvicorn's workers import
(``--workers N``), reading the database URL from ``JIPP_REGISTRY_DB``.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine, select
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    MAX_PULL_PAGE,
    MIN_PROTOCOL,
    PREFIX,
    PROTOCOL,
    PROTOCOL_HEADER,
    Hashes,
    Login,
    Missing,
    Officer,
    Problem,
    PullPage,
    Push,
    PushResult,
    Reference,
    Status,
    Token,
)
from sync.registry import __version__, attachments, auth, models
from sync.registry import pull as pulling
from sync.registry import push as pushing
from sync.registry.db import DB_ENV, kind_of, make_engine, prepare, read_only
from sync.registry.errors import ApiError, install_handlers
from sync.registry.middleware import RegistryMiddleware
from sync.registry.scope import AccountInfo

TOKEN_HOURS_ENV = "JIPP_REGISTRY_TOKEN_HOURS"
DEFAULT_TOKEN_HOURS = 12.0

_PROBLEMS = {
    status: {"model": Problem, "description": text}
    for status, text in (
        (400, "Malformed JSON"),
        (401, "No, unknown or expired token"),
        (403, "Disabled account"),
        (413, "Too large"),
        (422, "Wrong shapes or unknown fields"),
        (426, "Protocol too old"),
        (429, "Login throttled"),
        (503, "Overloaded"),
    )
}


@dataclass
class Registry:
    """What the endpoints share: the engine, the database id, the token lifetime."""

    engine: Engine
    database_id: str
    token_hours: float


def _protocol_header(
    jipp_protocol: Annotated[int, Header(alias=PROTOCOL_HEADER, ge=MIN_PROTOCOL)],
) -> None:
    """Documents the header; the middleware answers 426 before a request gets here."""


def _registry(request: Request) -> Registry:
    return request.app.state.registry


def _account(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> AccountInfo:
    account = auth.authenticate(_registry(request).engine, authorization)
    request.state.account = account.username
    return account


Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
RegistryDep = Annotated[Registry, Depends(_registry)]
AccountDep = Annotated[AccountInfo, Depends(_account)]


def _router() -> APIRouter:
    router = APIRouter(prefix=PREFIX, dependencies=[Depends(_protocol_header)], responses=_PROBLEMS)

    @router.get("/status", response_model=Status)
    def status(registry: RegistryDep) -> Status:
        """Is the registry there, and which protocol it speaks (no login)."""
        return Status(
            server_time=datetime.now(UTC),
            protocol=PROTOCOL,
            min_protocol=MIN_PROTOCOL,
            version=__version__,
            database=kind_of(registry.engine),  # type: ignore[arg-type]
        )

    @router.post("/login", response_model=Token)
    def login(body: Login, request: Request, registry: RegistryDep) -> Token:
        """A bearer token for a username and password."""
        request.state.account = body.username.strip()[:120]
        return auth.login(registry.engine, body, registry.token_hours)

    @router.post("/push", response_model=PushResult)
    def push(body: Push, registry: RegistryDep, account: AccountDep) -> Response:
        """One result per change, in the order sent."""
        if body.protocol < MIN_PROTOCOL:
            raise ApiError(
                426,
                "protocol_too_old",
                "versi protokol kiriman terlalu lama; perbarui JIPP Desktop",
                "the push's protocol is too old; please update JIPP Desktop",
            )
        result = pushing.push(registry.engine, account, body)
        return Response(result.model_dump_json(), media_type="application/json")

    @router.get("/pull", response_model=PullPage)
    def pull(
        registry: RegistryDep,
        account: AccountDep,
        cursor: Annotated[str, Query(max_length=2000)] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = MAX_PULL_PAGE,
    ) -> Response:
        """The records changed since the cursor, in commit order."""
        try:
            page = pulling.pull(registry.engine, account, registry.database_id, cursor, limit)
        except pulling.StaleCursor as exc:
            raise ApiError(
                410,
                "cursor_gone",
                "penanda tarik data berasal dari basis data atau cakupan lain; "
                "tarik ulang dari awal",
                "the cursor is of another database or scope; pull again from the beginning",
            ) from exc
        except pulling.BadCursor as exc:
            raise ApiError(
                400, "bad_cursor", "penanda tarik data tidak sah", "the cursor is not valid"
            ) from exc
        return Response(page.model_dump_json(), media_type="application/json")

    @router.get("/reference", response_model=Reference)
    def reference(registry: RegistryDep, account: AccountDep) -> Reference:
        """The officers the registry knows."""
        o = models.officers.c
        with registry.engine.connect() as connection, read_only(connection).begin():
            rows = connection.execute(
                select(o.id, o.name, o.nip, o.role, o.agency_id).order_by(o.name, o.id)
            ).all()
        return Reference(officers=[Officer(**row._mapping) for row in rows])

    @router.post("/attachments/missing", response_model=Missing)
    def missing(body: Hashes, registry: RegistryDep, account: AccountDep) -> Missing:
        """Which of these files the registry lacks."""
        return Missing(missing=attachments.missing(registry.engine, body.sha256))

    @router.put(
        "/attachments/{sha256}",
        status_code=204,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
    )
    async def upload(sha256: Sha256Path, request: Request, account: AccountDep) -> Response:
        """Stores a file (422 when its bytes do not hash to the name)."""
        content = await request.body()
        registry = _registry(request)
        await run_in_threadpool(attachments.store_file, registry.engine, sha256, content)
        return Response(status_code=204)

    @router.get(
        "/attachments/{sha256}",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}},
    )
    def download(sha256: Sha256Path, registry: RegistryDep, account: AccountDep) -> Response:
        """A stored file."""
        content = attachments.read_file(registry.engine, account, sha256)
        return Response(content, media_type="application/octet-stream")

    return router


def create_app(db_url: str, token_hours: float = DEFAULT_TOKEN_HOURS) -> FastAPI:
    """The registry app on this database (migrated and seeded when it starts)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(db_url)
        app.state.registry = Registry(engine, prepare(engine), token_hours)
        try:
            yield
        finally:
            engine.dispose()

    app = FastAPI(
        title="JIPP Registry",
        version=__version__,
        description="The central registry JIPP Desktop syncs with (docs/SYNC.md).",
        lifespan=lifespan,
    )
    app.include_router(_router())
    install_handlers(app)
    app.add_middleware(RegistryMiddleware)
    return app


def app_from_env() -> FastAPI:
    """The app for uvicorn's workers: ``JIPP_REGISTRY_DB`` and ``JIPP_REGISTRY_TOKEN_HOURS``."""
    return create_app(
        os.environ[DB_ENV], float(os.environ.get(TOKEN_HOURS_ENV, DEFAULT_TOKEN_HOURS))
    )
