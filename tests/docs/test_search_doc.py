"""docs/search.md: its SPARQL example runs as written on the bundled store and finds something."""

from __future__ import annotations

import re
from pathlib import Path

from thbgraph.graph.answers.textquery import rewrite_text_match
from thbgraph.graph.queryguard import inspect_query
from thbgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "search.md").read_text("utf-8")


def test_the_sparql_example_answers(built_store: Path) -> None:
    blocks = re.findall(r"```sparql\n(.*?)```", DOC, re.DOTALL)
    assert blocks, "docs/search.md shows a thb:textMatch query"
    for query in blocks:
        inspect_query(query)
        with open_store(built_store) as store:
            found = store.select(rewrite_text_match(query, store))
        assert found and all(isinstance(r["score"], float) for r in found), query
