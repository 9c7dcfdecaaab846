"""Real client libraries against a real server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

NAMES = """PREFIX schema: <https://schema.org/>
SELECT ?m ?n WHERE { ?m schema:name ?n } ORDER BY ?m ?n"""


def _wrapper(server: Any) -> SPARQLWrapper:
    sw = SPARQLWrapper(server.url("/sparql"))
    sw.setTimeout(30)
    return sw


def test_sparqlwrapper_default_is_xml(server: Any) -> None:
    sw = _wrapper(server)
    sw.setQuery(NAMES)
    result = sw.query()
    assert "sparql-results+xml" in result.info()["content-type"]
    doc = result.convert()  # an xml.dom.minidom document
    values = {
        tuple(
            b.getElementsByTagName("uri")[0].firstChild.data
            for b in r.getElementsByTagName("binding")[:1]
        )
        + tuple(lit.firstChild.data for lit in r.getElementsByTagName("literal"))
        for r in doc.getElementsByTagName("result")
    }
    assert len(values) == 3  # two meetings and one agenda item (the union may repeat a row)


@pytest.mark.parametrize("method", ["GET", POST])
def test_sparqlwrapper_json(server: Any, method: str) -> None:
    sw = _wrapper(server)
    sw.setQuery(NAMES)
    sw.setReturnFormat(JSON)
    if method == POST:
        sw.setMethod(POST)
    data = sw.query().convert()
    names = {b["n"]["value"] for b in data["results"]["bindings"]}
    assert "Session 1: implementing commitments" in names


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_sparqlwrapper_other_formats(server: Any, fmt: str) -> None:
    sw = _wrapper(server)
    sw.setQuery(NAMES)
    sw.setReturnFormat(fmt)
    assert sw.query().convert()


def test_sparqlwrapper_construct_turtle(server: Any) -> None:
    sw = _wrapper(server)
    sw.setQuery(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/thbgraph/graph/register> { ?s ?p ?o } }"
    )
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) == 42


def test_sparqlwrapper_reports_bad_query(server: Any) -> None:
    sw = _wrapper(server)
    sw.setQuery("SELECT * WHERE { ?s ?p }")
    sw.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed):
        sw.query()


def test_rdflib_sparqlstore(server: Any) -> None:
    """SPARQLStore asks for SPARQL-XML / RDF-XML only and sends ~2 KB GET URLs with prefixes."""
    store = SPARQLStore(server.url("/sparql"), returnFormat="xml")
    g = Graph(store=store)
    for prefix, ns in [
        ("thb", "https://w3id.org/thbgraph/ontology#"),
        ("schema", "https://schema.org/"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("cito", "http://purl.org/spar/cito/"),
        ("oa", "http://www.w3.org/ns/oa#"),
        ("prov", "http://www.w3.org/ns/prov#"),
        ("org", "http://www.w3.org/ns/org#"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("eli", "http://data.europa.eu/eli/ontology#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]:
        g.bind(prefix, ns)
    padding = "\n".join(f"# {'x' * 70}" for _ in range(20))  # a long query, as generated ones are
    rows = list(
        g.query(
            padding
            + """
            SELECT ?symbol ?title WHERE {
              ?c skos:notation ?symbol ; dcterms:title ?title .
              FILTER(STRSTARTS(?symbol, "MC.DEC"))
            } ORDER BY ?symbol"""
        )
    )
    assert [str(r[0]) for r in rows] == ["MC.DEC/6/18", "MC.DEC/7/17"]
    commitment = URIRef("https://w3id.org/thbgraph/id/commitment/mc-dec-6-18")
    notation = URIRef("http://www.w3.org/2004/02/skos/core#notation")
    assert (commitment, notation, Literal("MC.DEC/6/18")) in g
    assert g.query("ASK { ?s a thb:Meeting }").askAnswer is True
