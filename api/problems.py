"""Errors as HTTP answers, mapped once: each error class has its status, and JSON answers are
problem details (RFC 9457, `application/problem+json`) with the message and what helps a client.

The SPARQL endpoint answers the same statuses as plain text (the SPARQL 1.1 Protocol's form).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..graph.errors import (
    DocumentError,
    InternalError,
    Overloaded,
    QueryError,
    QueryRefused,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    ThbGraphError,
    UnknownEntityError,
    ValidationFailed,
)

__all__ = ["PROBLEM_BASE", "headers_of", "install", "problem", "status_of"]

log = logging.getLogger(__name__)

PROBLEM_BASE = "https://w3id.org/thbgraph/problems/"

# Most specific first: the first class an error is an instance of gives its status.
STATUSES: tuple[tuple[type[ThbGraphError], int, str], ...] = (
    (UnknownEntityError, 404, "Not found"),
    (QueryTimeout, 503, "Time limit reached"),
    (Overloaded, 503, "Busy"),
    (ResultTooLarge, 400, "Result too large"),
    (QueryRefused, 400, "Query refused"),
    (QueryError, 400, "Bad query"),
    (DocumentError, 400, "Unreadable document"),
    (ValidationFailed, 422, "Validation failed"),
    (StoreError, 503, "Store unavailable"),
    (InternalError, 500, "Internal error"),
    (ThbGraphError, 400, "Bad request"),
)


def status_of(exc: ThbGraphError) -> tuple[int, str]:
    """The HTTP status and title of an error."""
    for cls, status, title in STATUSES:
        if isinstance(exc, cls):
            return status, title
    return 400, "Bad request"


def headers_of(exc: ThbGraphError) -> dict[str, str]:
    """Headers that tell a client what to do next (when to retry, which limit was hit)."""
    headers: dict[str, str] = {}
    extra = exc.extra()
    if isinstance(exc, Overloaded | QueryTimeout | StoreError):
        headers["Retry-After"] = str(extra.get("retry_after_s", 1))
    if extra.get("limit"):
        headers["THBGraph-Limit"] = str(extra["limit"])
    return headers


def _first_line(exc: ThbGraphError) -> str:
    text = str(exc.args[0]) if exc.args else str(exc)
    return text.splitlines()[0] if text else exc.kind


def problem(exc: ThbGraphError, instance: str | None = None) -> JSONResponse:
    """The problem-details answer of an error; `error` repeats the detail for older clients."""
    status, title = status_of(exc)
    if isinstance(exc, InternalError):
        log.error("internal error on %s: %s", instance, exc)
    detail = _first_line(exc)
    body: dict[str, object] = {
        "type": PROBLEM_BASE + exc.kind,
        "title": title,
        "status": status,
        "detail": detail,
        "error": detail,
    }
    if instance:
        body["instance"] = instance
    body.update({k: v for k, v in exc.extra().items() if k != "report" and v is not None})
    return JSONResponse(
        body, status_code=status, headers=headers_of(exc), media_type="application/problem+json"
    )


def install(app: FastAPI) -> None:
    """Answer every ThbGraphError, and every malformed parameter, as problem details."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in exc.errors()
        )
        return problem(ThbGraphError(f"bad request: {problems}"), request.url.path)

    @app.exception_handler(ThbGraphError)
    async def _domain(request: Request, exc: ThbGraphError) -> JSONResponse:
        return problem(exc, request.url.path)
