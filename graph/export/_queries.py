"""The named SPARQL queries of the exports (`graph/queries/export_*.rq`), by the one loader."""

from __future__ import annotations

from ..queries import load_query

__all__ = ["load_query"]
