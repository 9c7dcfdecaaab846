"""The error classes: one root, whose messages tell the user what to fix.

Each class has a stable `kind` (a short machine name). The command line maps the classes to exit codes
in one table (`cli/errors.py`); the HTTP server maps them to problem details (RFC 9457) in one table
(`api/problems.py`). Errors that cross a process boundary (query workers) travel as
`(kind, message, extra)` and come back as the same class through `error_from_reply`.
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "DocumentError",
    "InternalError",
    "Overloaded",
    "QueryError",
    "QueryRefused",
    "QueryTimeout",
    "ResultTooLarge",
    "ShapesError",
    "StoreError",
    "ThbGraphError",
    "UnknownEntityError",
    "ValidationFailed",
    "error_from_reply",
]


class ThbGraphError(Exception):
    """Root of every error thbgraph raises on purpose; the CLI prints it as one line."""

    kind: ClassVar[str] = "error"

    @property
    def message(self) -> str:
        """The message alone (for ValidationFailed, without the report)."""
        return str(self.args[0]) if self.args else ""

    def extra(self) -> dict[str, Any]:
        """What, besides the message, a client needs (suggestions, the limit hit...)."""
        return {}

    def to_reply(self) -> tuple[str, str, dict[str, Any]]:
        """The error as plain data, to send from a worker process."""
        return (self.kind, str(self), self.extra())


class DocumentError(ThbGraphError):
    """A document cannot be read (empty, binary, wrong encoding, too large...). Names the file."""

    kind = "document"


class StoreError(ThbGraphError):
    """The store is missing, locked, read-only or cannot be written."""

    kind = "store"


class QueryError(ThbGraphError):
    """A SPARQL query is malformed, or an answer cannot be given for what was asked."""

    kind = "query"


class QueryRefused(QueryError):
    """A query the endpoint will not run (update, SERVICE, remote FROM, past a size limit)."""

    kind = "refused"

    def __init__(self, message: str, limit: str | None = None) -> None:
        super().__init__(message)
        self.limit = limit

    def extra(self) -> dict[str, Any]:
        return {"limit": self.limit} if self.limit else {}


class QueryTimeout(QueryError):
    """A query ran past its time limit and was stopped."""

    kind = "timeout"

    def __init__(self, message: str, limit: str | None = None) -> None:
        super().__init__(message)
        self.limit = limit

    def extra(self) -> dict[str, Any]:
        return {"limit": self.limit} if self.limit else {}


class ResultTooLarge(QueryError):
    """A result past the endpoint's size limit (rows or bytes)."""

    kind = "too_large"

    def __init__(self, message: str, limit: str | None = None) -> None:
        super().__init__(message)
        self.limit = limit

    def extra(self) -> dict[str, Any]:
        return {"limit": self.limit} if self.limit else {}


class Overloaded(ThbGraphError):
    """Every worker is busy and the queue is full: try again shortly."""

    kind = "overloaded"

    def __init__(self, message: str, retry_after_s: int = 1) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s

    def extra(self) -> dict[str, Any]:
        return {"retry_after_s": self.retry_after_s}


class InternalError(ThbGraphError):
    """A bug or a crashed worker: reported in one line, and logged."""

    kind = "internal"


class UnknownEntityError(ThbGraphError):
    """A symbol or id that the graph does not know; the message suggests the closest known ones."""

    kind = "unknown"

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []

    def extra(self) -> dict[str, Any]:
        return {"suggestions": self.suggestions}


class ValidationFailed(ThbGraphError):
    """SHACL validation found violations; carries the report text, shown with the message."""

    kind = "validation"

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report

    def __str__(self) -> str:
        message = super().__str__()
        return (
            f"{message}\n{self.report}" if self.report and self.report not in message else message
        )

    def extra(self) -> dict[str, Any]:
        return {"report": self.report} if self.report else {}


class ShapesError(ThbGraphError, ValueError):
    """The shapes graph uses a feature the fast engine does not run (use engine "pyshacl")."""

    kind = "shapes"


_BY_KIND: dict[str, type[ThbGraphError]] = {
    cls.kind: cls
    for cls in (
        ThbGraphError,
        DocumentError,
        StoreError,
        QueryError,
        QueryRefused,
        QueryTimeout,
        ResultTooLarge,
        Overloaded,
        InternalError,
        UnknownEntityError,
        ValidationFailed,
        ShapesError,
    )
}


def error_from_reply(kind: str, message: str, extra: dict[str, Any] | None = None) -> ThbGraphError:
    """The error a worker sent as `to_reply()`, rebuilt as its own class."""
    cls = _BY_KIND.get(kind, InternalError)
    extra = extra or {}
    if cls is UnknownEntityError:
        return UnknownEntityError(message, list(extra.get("suggestions") or []))
    if cls in (QueryRefused, QueryTimeout, ResultTooLarge):
        return cls(message, extra.get("limit"))
    if cls is Overloaded:
        return Overloaded(message, int(extra.get("retry_after_s") or 1))
    if cls is ValidationFailed:
        return ValidationFailed(message, str(extra.get("report") or ""))
    return cls(message)
