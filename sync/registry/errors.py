"""HTTP errors of the envelope, always as a :class:`~sync.protocol.Problem` with the reason
in Indonesian and English; the handlers that turn every client mistake into a 4xx."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import MAX_BATCH, Problem, Text
from sync.registry.db import is_transient

log = logging.getLogger("jipp_registry")

_STATUS_TEXT = {
    400: ("permintaan tidak sah", "bad request", "bad_request"),
    401: ("perlu masuk terlebih dahulu", "login required", "unauthorized"),
    403: ("tidak diizinkan", "forbidden", "forbidden"),
    404: ("tidak ditemukan", "not found", "not_found"),
    405: ("metode tidak diizinkan", "method not allowed", "method_not_allowed"),
    406: ("format jawaban tidak tersedia", "not acceptable", "not_acceptable"),
    413: ("permintaan terlalu besar", "request too large", "too_large"),
    415: ("jenis isi tidak didukung", "unsupported media type", "unsupported_media_type"),
    422: ("isi permintaan tidak sah", "invalid request content", "invalid"),
}


class ApiError(Exception):
    """An error answered with ``status`` and a Problem body."""

    def __init__(
        self,
        status: int,
        code: str,
        id_text: str,
        en_text: str,
        headers: dict[str, str] | None = None,
        fields: dict[str, Text] | None = None,
    ) -> None:
        super().__init__(en_text)
        self.status = status
        self.problem = Problem(code=code, message=Text(id=id_text, en=en_text), fields=fields or {})
        self.headers = headers or {}


def problem_response(
    status: int, problem: Problem, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A Problem as a JSON answer."""
    return JSONResponse(problem.model_dump(mode="json"), status_code=status, headers=headers)


def simple_problem(status: int, code: str, id_text: str, en_text: str) -> Problem:
    """A Problem without fields."""
    return Problem(code=code, message=Text(id=id_text, en=en_text))


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or str(loc[0] if loc else "body")


def validation_problem(exc: RequestValidationError) -> tuple[int, Problem]:
    """400 for JSON that does not parse, 413 for a batch over its size, 422 for the rest."""
    errors = exc.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return 400, simple_problem(
            400,
            "malformed_json",
            "isi permintaan bukan JSON yang sah",
            "the body is not valid JSON",
        )
    for e in errors:
        if e.get("type") == "too_long" and tuple(e.get("loc", ()))[-2:] == ("body", "changes"):
            return 413, simple_problem(
                413,
                "batch_too_large",
                f"paling banyak {MAX_BATCH} perubahan per kiriman",
                f"at most {MAX_BATCH} changes per push",
            )
    fields: dict[str, Text] = {}
    for e in errors[:50]:
        message = str(e.get("msg", "invalid"))
        fields.setdefault(
            _location(tuple(e.get("loc", ()))), Text(id=f"tidak sah: {message}", en=message)
        )
    return 422, Problem(
        code="invalid",
        message=Text(id="isi permintaan tidak sah", en="the request's content is invalid"),
        fields=fields,
    )


def install_handlers(app: FastAPI) -> None:
    """Every error as a Problem; database trouble as 503 with Retry-After."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return problem_response(exc.status, exc.problem, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        status, problem = validation_problem(exc)
        return problem_response(status, problem)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        id_text, en_text, code = _STATUS_TEXT.get(
            exc.status_code, ("permintaan gagal", "request failed", "error")
        )
        if isinstance(exc.detail, str) and exc.detail and exc.status_code not in _STATUS_TEXT:
            en_text = exc.detail
        return problem_response(
            exc.status_code,
            simple_problem(exc.status_code, code, id_text, en_text),
            dict(exc.headers or {}),
        )

    @app.exception_handler(DBAPIError)
    async def _database(_request: Request, exc: DBAPIError) -> JSONResponse:
        log.error("database error: %s", exc)
        if is_transient(exc) or exc.connection_invalidated:
            return _overloaded()
        return _internal()

    @app.exception_handler(PoolTimeout)
    async def _pool(_request: Request, exc: PoolTimeout) -> JSONResponse:
        log.warning("no database connection free: %s", exc)
        return _overloaded()

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return _internal()


def _overloaded() -> JSONResponse:
    return problem_response(
        503,
        simple_problem(
            503,
            "overloaded",
            "registri sedang sibuk; coba lagi sebentar lagi",
            "the registry is busy; try again shortly",
        ),
        {"Retry-After": "5"},
    )


def _internal() -> JSONResponse:
    return problem_response(
        500,
        simple_problem(
            500,
            "internal",
            "terjadi kesalahan di registri; laporkan ke admin",
            "the registry failed; please tell the administrator",
        ),
    )
