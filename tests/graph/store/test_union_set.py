"""The union default graph is a set: a triple stated in several named graphs counts once."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from thbgraph.graph.store import open_store

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_count_over_the_default_graph_is_the_count_of_distinct_triples(built_store: Path) -> None:
    with open_store(built_store) as store:
        named = [q for q in store.inner if isinstance(q.graph_name, ox.NamedNode)]
        distinct = {q.triple for q in named}
        assert len(named) > len(distinct)  # some triple is stated in two graphs
        assert store.select(COUNT) == [{"n": len(distinct)}]
        assert len(store) == len(named)  # one quad per graph, the union copy not counted


def test_dumps_keep_one_quad_per_graph_and_no_default_copy(built_store: Path) -> None:
    with open_store(built_store) as store:
        quads = list(ox.parse(store.dump(), format=ox.RdfFormat.N_QUADS))
        assert quads and all(isinstance(q.graph_name, ox.NamedNode) for q in quads)
        assert len(quads) == len(store)
        assert len(store.canonical_nquads().splitlines()) == len(store)
