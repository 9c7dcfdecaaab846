"""The SPARQL 1.1 Service Description of the endpoint, in Turtle (converted on demand)."""

from __future__ import annotations

import pyoxigraph as ox

from ..graph.settings import Limits
from ._results import RDF_FORMATS

__all__ = ["service_description"]

FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = [
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def service_description(
    endpoint: str, graphs: list[tuple[str, int]], limits: Limits, *, fmt: str = "turtle"
) -> bytes:
    """The description of `endpoint`: formats, features, limits and the default dataset."""
    formats = ", ".join(f"<{FORMATS}{f}>" for f in RESULT_FORMATS)
    named = "".join(
        f"""
        sd:namedGraph [ a sd:NamedGraph ; sd:name <{iri}> ;
            sd:graph [ a sd:Graph ; void:triples {size} ] ] ;"""
        for iri, size in graphs
    )
    total = sum(size for _, size in graphs)
    comment = (
        f"Read-only. The default graph is the union of all named graphs. SERVICE, SPARQL Update "
        f"and FROM with an IRI that names no graph of the store are refused; nothing is ever "
        f"fetched. Limits: query timeout {limits.query_timeout_s:g} s (503 when hit), at most "
        f"{limits.max_results} result rows (400 when exceeded), request body at most "
        f"{limits.max_body_bytes} bytes (413)."
    )
    ttl = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix thb: <https://w3id.org/thbgraph/ontology#> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {formats} ;
    sd:feature sd:UnionDefaultGraph ;
    rdfs:comment {_lit(comment)}@en ;
    sd:defaultDataset [ a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; void:triples {total} ;
            rdfs:comment "the union of all named graphs"@en ] ;{named}
    ] .
"""
    if fmt == "turtle":
        return ttl.encode("utf-8")

    quads = ox.parse(ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    triples = [q.triple for q in quads]
    return ox.serialize(triples, format=RDF_FORMATS[fmt]) or b""
