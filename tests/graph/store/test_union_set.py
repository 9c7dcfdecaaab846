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


def _count_and_distinct(root: Path) -> tuple[int, int]:
    with open_store(root) as store:
        distinct = {q.triple for q in store.inner if isinstance(q.graph_name, ox.NamedNode)}
        return store.select(COUNT)[0]["n"], len(distinct)


def test_add_and_remove_keep_the_union_a_set(writable_store: Path, tmp_path: Path) -> None:
    from thbgraph.graph.pipeline import add_documents, remove_documents

    doc = tmp_path / "extra_press_release.txt"
    doc.write_text(
        "Press release\n\nVIENNA, 3 May 2024 - An OSCE meeting in Vienna recalled Ministerial"
        " Council Decision No. 6/18 on strengthening efforts to combat child trafficking.\n",
        encoding="utf-8",
    )
    add_documents(writable_store, [doc])
    n, distinct = _count_and_distinct(writable_store)
    assert n == distinct
    remove_documents(writable_store, [doc.name])
    n, distinct = _count_and_distinct(writable_store)
    assert n == distinct


def test_the_build_writes_the_union_copy_of_every_named_graph_with_the_change_log(
    built_store: Path,
) -> None:
    """The build loads the union copy with the quads (Generation.load_quads), then its change-log
    entry: the default graph is exactly the named graphs' triples, the log's included."""
    with open_store(built_store) as store:
        named = {q.triple for q in store.inner if isinstance(q.graph_name, ox.NamedNode)}
        copy = {q.triple for q in store.inner if isinstance(q.graph_name, ox.DefaultGraph)}
        assert copy == named
        change = "https://www.w3.org/ns/activitystreams#Activity"
        assert any(t.object.value == change for t in copy if isinstance(t.object, ox.NamedNode))
