"""The errors of running a request: past the time limit, or reported by the code that ran it."""

from __future__ import annotations

from ..graph.errors import QueryError

__all__ = ["QueryTimeout", "WorkerError"]


class QueryTimeout(QueryError):
    """A query ran past the endpoint's time limit and was stopped."""


class WorkerError(QueryError):
    """A worker reported an error: `kind` is syntax, refused, too_large or internal."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
