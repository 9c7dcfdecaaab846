"""A user's SPARQL text made ready for the embedded engine: the same query, planned fast.

The HTTP endpoint and `thbgraph sparql` run users' queries; both must answer the same way, so
both call `planned_query` after the query guard has read the text as written. Two rewrites,
each giving the same solutions: a VALUES block moved in front of the first triple patterns
(values_inward.py, pyoxigraph plans a query as written) and `thb:textMatch` patterns answered
from the full-text index (textquery.py).
"""

from __future__ import annotations

from ..store import Store
from .textquery import rewrite_text_match
from .values_inward import move_values_inward

__all__ = ["planned_query"]


def planned_query(text: str, store: Store) -> str:
    """The query to run for `text` on `store`: VALUES moved inward, then thb:textMatch resolved."""
    return rewrite_text_match(move_values_inward(text), store)
