"""The read model: every answer the CLI, the REST routes and the HTML pages give, one module per
question, over the one folder of named queries and its loader (graph/queries/).

Each answer takes a GraphStore and plain arguments and returns plain JSON data. `CALLS` is the
whitelist of answers a query worker (api/_worker.py) accepts by name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .actor import actors
from .cited_by import cited_by, meeting_facts
from .commitment import commitment, commitments
from .document import document
from .entity import describe
from .history import commitment_history
from .meeting import cited, meeting, meeting_citations, meetings
from .programme import meeting_page, series_page
from .publication import publications
from .reader import document_reader
from .resolve import resolve
from .search import search, search_page
from .symbols import known_symbols, normalise_user_symbol
from .symbols import resolve as resolve_symbol

__all__ = [
    "CALLS",
    "actors",
    "cited",
    "cited_by",
    "commitment",
    "commitment_history",
    "commitments",
    "describe",
    "document",
    "document_reader",
    "known_symbols",
    "meeting",
    "meeting_citations",
    "meeting_facts",
    "meeting_page",
    "meetings",
    "normalise_user_symbol",
    "publications",
    "resolve",
    "resolve_symbol",
    "search",
    "search_page",
    "series_page",
]

CALLS: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (
        cited_by,
        commitment,
        commitments,
        meetings,
        meeting,
        meeting_citations,
        document,
        document_reader,
        actors,
        publications,
        describe,
        search,
        search_page,
        resolve,
        known_symbols,
        commitment_history,
        meeting_page,
        series_page,
    )
}
