"""Dataset description (VoID + DCAT) at /.well-known/void, the dumps, and the JSON-LD context."""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from .._results import RDF_FORMATS
from ..conneg import GRAPH_TYPES, negotiate
from ..deps import BackendDep
from .linked_data import CONTEXT, CONTEXT_VERSION

__all__ = ["router"]

router = APIRouter(tags=["Dataset"])

DUMPS = {
    "thbgraph.nq": ("nquads", "application/n-quads"),
    "thbgraph.ttl": ("turtle", "text/turtle; charset=utf-8"),
}


def void_turtle(base: str, graphs: list[tuple[str, int]]) -> str:
    """VoID and DCAT for the dataset, its endpoint and its dump distributions."""
    total = sum(n for _, n in graphs)
    subsets = "".join(
        f"    void:subset [ a void:Dataset ; void:triples {n} ; sd:name <{g}> ] ;\n"
        for g, n in graphs
    )
    return f"""@prefix void: <http://rdfs.org/ns/void#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .

<{base}.well-known/void#thbgraph> a void:Dataset, dcat:Dataset ;
    dcterms:title "thbgraph"@en ;
    dcterms:description "Anti-trafficking commitments, meetings, actors and publications extracted from OSCE and Council of Europe meeting documents, each fact with its evidence passage."@en ;
    dcterms:license <https://www.apache.org/licenses/LICENSE-2.0> ;
    void:uriSpace "https://w3id.org/thbgraph/id/" ;
    void:sparqlEndpoint <{base}sparql> ;
    void:triples {total} ;
    void:vocabulary <https://w3id.org/thbgraph/ontology#>, <http://purl.org/spar/cito/>, <http://www.w3.org/ns/oa#> ;
    void:dataDump <{base}dumps/thbgraph.nq>, <{base}dumps/thbgraph.ttl> ;
{subsets}    dcat:distribution <{base}dumps/thbgraph.nq>, <{base}dumps/thbgraph.ttl>, <{base}sparql> .

<{base}dumps/thbgraph.nq> a dcat:Distribution ; dcat:downloadURL <{base}dumps/thbgraph.nq> ;
    dcat:mediaType "application/n-quads" ; dcterms:description "every named graph (N-Quads)"@en .
<{base}dumps/thbgraph.ttl> a dcat:Distribution ; dcat:downloadURL <{base}dumps/thbgraph.ttl> ;
    dcat:mediaType "text/turtle" ; dcterms:description "the union of all graphs (Turtle)"@en .
<{base}sparql> a dcat:DataService, sd:Service ; dcat:endpointURL <{base}sparql> ; sd:endpoint <{base}sparql> .
"""


@router.get("/.well-known/void", summary="VoID + DCAT description of the dataset")
async def void(request: Request, backend: BackendDep) -> Response:
    """Turtle by default; JSON-LD, N-Triples or RDF/XML by Accept."""
    chosen = negotiate(request.headers.get("accept"), GRAPH_TYPES)
    if chosen is None:
        return PlainTextResponse("offered: text/turtle, application/ld+json\n", status_code=406)
    media, fmt = chosen
    ttl = void_turtle(str(request.base_url), await backend.graphs())
    if fmt == "turtle":
        body = ttl.encode("utf-8")
    else:
        triples = [q.triple for q in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
        body = ox.serialize(triples, format=RDF_FORMATS[fmt]) or b""
    media_type = f"{media}; charset=utf-8" if media.startswith("text/") else media
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


@router.get("/dumps/{name}", summary="Dumps: thbgraph.nq (all graphs) and thbgraph.ttl (union)")
async def dump(name: str, backend: BackendDep) -> Response:
    """The whole dataset, served with its media type."""
    if name not in DUMPS:
        return JSONResponse(
            {"error": f"no dump {name!r}", "suggestions": sorted(DUMPS)}, status_code=404
        )
    fmt, media = DUMPS[name]
    graph = None if fmt == "nquads" else "__default__"
    body = await backend.call({"op": "dump", "format": fmt, "graph": graph}, timeout=300)
    return Response(body, media_type=media)


@router.get(f"/context/{CONTEXT_VERSION}.jsonld", summary="The JSON-LD context (versioned)")
async def context() -> Response:
    """The @context used by the JSON-LD entity pages."""
    return JSONResponse({"@context": CONTEXT}, media_type="application/ld+json")
