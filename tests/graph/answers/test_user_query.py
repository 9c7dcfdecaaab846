"""A user's query planned for the engine (graph/answers/user_query.py): both rewrites applied,
the same solutions as the text the user wrote."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from thbgraph.graph.answers.user_query import planned_query
from thbgraph.graph.queryguard import inspect_query
from thbgraph.graph.store import open_store

THB = "https://w3id.org/thbgraph/ontology#"
CITED = f"""PREFIX thb: <{THB}>
PREFIX cito: <http://purl.org/spar/cito/>
SELECT ?d ?c WHERE {{ GRAPH ?g {{ ?x cito:hasCitedEntity ?c ; cito:hasCitingEntity ?d }} }}
VALUES ?c {{ <https://w3id.org/thbgraph/id/commitment/mc-dec-6-18> }}"""


def _rows(store: object, query: str) -> Counter[tuple[str, ...]]:
    return Counter(tuple(sorted(f"{k}={v}" for k, v in r.items())) for r in store.select(query))  # type: ignore[attr-defined]


def test_a_trailing_values_block_moves_in_and_the_rows_stay(built_store: Path) -> None:
    inspect_query(CITED)
    with open_store(built_store) as store:
        planned = planned_query(CITED, store)
        assert planned != CITED
        assert planned.index("VALUES") < planned.index("cito:hasCitedEntity")
        rows = _rows(store, planned)
        assert rows and rows == _rows(store, CITED)


def test_text_match_is_resolved_from_the_index(built_store: Path) -> None:
    q = f'PREFIX thb: <{THB}>\nSELECT ?s WHERE {{ ?s thb:textMatch "trafficking" }}'
    with open_store(built_store) as store:
        planned = planned_query(q, store)
        assert "textMatch" not in planned and "VALUES" in planned
        assert store.select(planned)
