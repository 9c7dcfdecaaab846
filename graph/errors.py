"""The error classes: one root, whose messages tell the user what to fix."""

__all__ = [
    "DocumentError",
    "QueryError",
    "StoreError",
    "ThbGraphError",
    "UnknownEntityError",
    "ValidationFailed",
]


class ThbGraphError(Exception):
    """Root of every error thbgraph raises on purpose; the CLI prints it as one line."""


class DocumentError(ThbGraphError):
    """A document cannot be read (empty, binary, wrong encoding, too large...). Names the file."""


class StoreError(ThbGraphError):
    """The store is missing, locked, read-only or cannot be written."""


class QueryError(ThbGraphError):
    """A SPARQL query is malformed, refused (update, SERVICE, remote FROM) or hit a limit."""


class UnknownEntityError(ThbGraphError):
    """A symbol or id that the graph does not know; the message suggests the closest known ones."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class ValidationFailed(ThbGraphError):
    """SHACL validation found violations; carries the report text."""

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report
