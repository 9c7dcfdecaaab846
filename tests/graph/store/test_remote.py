"""The remote-store backend against a real Oxigraph SPARQL server started on 127.0.0.1."""

from __future__ import annotations

import pyoxigraph as ox

from thbgraph.graph.store.remote import RemoteGraphStore, inject_values, parse_remote_location


def test_endpoint_layouts() -> None:
    oxi = parse_remote_location("sparql+http://h:1/query")
    assert (oxi.update, oxi.gsp) == ("http://h:1/update", "http://h:1/store")
    fuseki = parse_remote_location("sparql+http://h:3030/ds/sparql")
    assert (fuseki.update, fuseki.gsp) == ("http://h:3030/ds/update", "http://h:3030/ds/data")


def test_bound_values_cannot_change_the_query() -> None:
    hostile = '" } ; DROP ALL # <http://x>'
    q = inject_values("SELECT ?s WHERE { ?s ?p ?o } # WHERE { in a comment", {"o": hostile})
    # the value is one escaped literal inside a VALUES block of the real WHERE group
    assert q.startswith('SELECT ?s WHERE { VALUES (?o) { ("\\" } ; DROP ALL # <http://x>") }')
    assert q.endswith("# WHERE { in a comment")


def test_replace_query_and_drop_graphs(oxigraph_server: str) -> None:
    store = RemoteGraphStore(oxigraph_server)
    p = ox.NamedNode("http://example.org/p")
    hostile = 'a "quoted" } ; DROP ALL #'
    store.replace_all(
        [
            ox.Quad(
                ox.NamedNode("http://example.org/a"),
                p,
                ox.Literal(hostile),
                ox.NamedNode("https://w3id.org/thbgraph/graph/test-g1"),
            ),
            ox.Quad(
                ox.NamedNode("http://example.org/b"),
                p,
                ox.Literal("b"),
                ox.NamedNode("https://w3id.org/thbgraph/graph/test-g2"),
            ),
        ]
    )
    assert store.named_graphs() == [
        ("https://w3id.org/thbgraph/graph/test-g1", 1),
        ("https://w3id.org/thbgraph/graph/test-g2", 1),
    ]
    rows = store.select("SELECT ?s WHERE { ?s <http://example.org/p> ?o }", bindings={"o": hostile})
    assert rows == [{"s": "http://example.org/a"}]
    assert len(store) == 2
    store.replace_all(
        [
            ox.Quad(
                ox.NamedNode("http://example.org/b"),
                p,
                ox.Literal("b"),
                ox.NamedNode("https://w3id.org/thbgraph/graph/test-g2"),
            )
        ]
    )
    assert [g for g, _ in store.named_graphs()] == ["https://w3id.org/thbgraph/graph/test-g2"]
    assert (
        store.canonical_nquads()
        == '<http://example.org/b> <http://example.org/p> "b" <https://w3id.org/thbgraph/graph/test-g2> .\n'
    )
    store.close()
