"""Linked data: /id/... answers 303 to /doc/..., which negotiates HTML, Turtle and JSON-LD."""

from __future__ import annotations

import html
import json
from importlib.resources import files
from string import Template
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ...graph.errors import UnknownEntityError
from ...graph.queries import load_query
from ..conneg import GRAPH_TYPES, HTML, negotiate
from ..deps import Backend, BackendDep
from ..pages import render_commitment, render_meeting, render_series
from ..reader import fact_anchor, render_reader

__all__ = ["CONTEXT", "router"]

router = APIRouter(tags=["Linked data"])

ID = "https://w3id.org/thbgraph/id/"
PAGE_TYPES = [(HTML, "html"), *GRAPH_TYPES]
CONTEXT_VERSION = "v1"
CONTEXT: dict[str, Any] = {
    "@version": 1.1,
    "thb": "https://w3id.org/thbgraph/ontology#",
    "tb": ID,
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "cito": "http://purl.org/spar/cito/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
SHORT = {v: k for k, v in CONTEXT.items() if isinstance(v, str) and k != "tb"}


@router.get("/id/{path:path}", summary="Entity IRI: 303 See Other to its description")
async def entity_iri(path: str, request: Request) -> Response:
    """Every https://w3id.org/thbgraph/id/... IRI dereferences here; the answer is a 303 to
    /doc/... (the description of the thing, not the thing), keeping the query string."""
    target = f"/doc/{path}"
    if request.url.query:
        target += f"?{request.url.query}"
    return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})


def _curie(iri: str) -> str:
    if iri.startswith(ID):
        return iri[len(ID) :]
    for ns, prefix in SHORT.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _link(value: Any) -> str:
    text = str(value)
    if text.startswith(ID):
        return f'<a href="/id/{html.escape(text[len(ID) :])}">{html.escape(_curie(text))}</a>'
    if text.startswith(("http://", "https://")):
        return f'<a href="{html.escape(text)}" rel="nofollow">{html.escape(_curie(text))}</a>'
    return html.escape(text)


def _label(statements: list[dict[str, Any]], iri: str) -> str:
    for prop in (
        "http://www.w3.org/2000/01/rdf-schema#label",
        "https://schema.org/name",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://xmlns.com/foaf/0.1/name",
        "http://purl.org/dc/terms/title",
        "http://www.w3.org/2004/02/skos/core#notation",
    ):
        for s in statements:
            if s["direction"] == "out" and s["property"] == prop:
                return str(s["value"])
    return _curie(iri)


def _reader_link(evidence: dict[str, Any]) -> str:
    """A link to the passage of one piece of evidence in the document reader."""
    doc = str(evidence.get("document") or "")
    if not doc.startswith(ID + "document/"):
        return ""
    anchor = fact_anchor(str(evidence.get("evidence") or ""))
    href = f"/doc/{doc[len(ID) :]}#{anchor}"
    return f'<a class="in-reader" href="{html.escape(href)}">read in context</a>'


def _in_sentence(evidence: dict[str, Any]) -> str:
    """The sentence of a passage as HTML, the passage itself marked (or the passage alone)."""
    quote = str(evidence["quote"])
    s = evidence.get("sentence") or {}
    try:
        a, b = int(evidence["start"]) - int(s["start"]), int(evidence["end"]) - int(s["start"])
        text = str(s["text"])
    except (KeyError, TypeError, ValueError):
        return html.escape(quote)
    if not (0 <= a <= b <= len(text)) or text[a:b] != quote:
        return html.escape(quote)
    return f"{html.escape(text[:a])}<mark>{html.escape(quote)}</mark>{html.escape(text[b:])}"


def render_page(data: dict[str, Any]) -> str:
    """The HTML page of an entity: label, properties, incoming links, evidence passages."""
    iri = data["iri"]
    stmts = data["statements"]
    out_rows: list[str] = []
    in_rows: list[str] = []
    seen = set()
    for s in stmts:
        key = (s["direction"], s["property"], str(s["value"]))
        if key in seen:
            continue
        seen.add(key)
        value = str(s["value"])
        if s["property"] == "https://w3id.org/thbgraph/ontology#text" and len(value) > 400:
            value = value[:400] + "…"
            cell = html.escape(value)
        else:
            cell = _link(value)
        row = f"<tr><th>{html.escape(_curie(s['property']))}</th><td>{cell}</td></tr>"
        (out_rows if s["direction"] == "out" else in_rows).append(row)
    evidence = [
        "<li><q>{q}</q> — {doc}, characters {a}–{b}{prop} {read}</li>".format(
            q=_in_sentence(e),
            doc=_link(e["document"]),
            read=_reader_link(e),
            a=e["start"],
            b=e["end"],
            prop=f" (supports {html.escape(_curie(e['property']))})" if e.get("property") else "",
        )
        for e in data.get("evidence", [])
    ]
    template = Template(
        (files("thbgraph.api") / "templates" / "entity.html").read_text(encoding="utf-8")
    )
    return template.substitute(
        label=html.escape(_label(stmts, iri)),
        iri=html.escape(iri),
        path=html.escape(iri[len(ID) :] if iri.startswith(ID) else iri),
        outgoing="\n".join(out_rows) or "<tr><td>none</td></tr>",
        incoming="\n".join(in_rows) or "<tr><td>none</td></tr>",
        evidence="\n".join(evidence) or "<li>none recorded</li>",
    )


def _is_document(path: str) -> bool:
    """A document's own page (document/{id}), whose HTML is the reader."""
    rest = path.removeprefix("document/")
    return path.startswith("document/") and bool(rest) and "/" not in rest


# (IRI kind, answer, renderer): the HTML pages that read one answer each, by a one-segment id
_PAGES = {
    "commitment": ("commitment_history", "commitment_id", render_commitment),
    "meeting": ("meeting_page", "meeting_id", render_meeting),
    "series": ("series_page", "series_id", render_series),
}


async def _own_page(backend: Backend, path: str) -> str | None:
    """The page of a commitment, meeting or series; None for other paths, or when the answer
    does not know the id (the generic page then answers, or 404s with suggestions)."""
    kind, _, rest = path.partition("/")
    if kind not in _PAGES or not rest or "/" in rest:
        return None
    answer, arg, render = _PAGES[kind]
    try:
        data = await backend.run(answer, **{arg: rest})
    except UnknownEntityError:
        return None
    return await run_in_threadpool(render, data)


def compact_jsonld(ntriples: bytes) -> bytes:
    """JSON-LD compacted with the versioned local context (embedded, so nothing is fetched)."""
    from rdflib import Graph

    g = Graph().parse(data=ntriples, format="nt")
    doc = json.loads(g.serialize(format="json-ld", context=CONTEXT, auto_compact=True))
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


@router.get("/doc/{path:path}", summary="Entity description: HTML, Turtle or JSON-LD")
async def entity_doc(path: str, request: Request, backend: BackendDep) -> Response:
    """The description of an entity, negotiated from Accept (HTML for browsers)."""
    iri = ID + path
    accept = request.headers.get("accept")
    chosen = negotiate(accept, PAGE_TYPES)
    if chosen is None:
        offered = ", ".join(dict.fromkeys(m for m, _ in PAGE_TYPES))
        return PlainTextResponse(f"offered: {offered}\n", status_code=406)
    media, fmt = chosen
    headers = {"Vary": "Accept", "Link": f'<{iri}>; rel="describes"'}
    if fmt == "html" and _is_document(path):
        doc = await backend.run("document_reader", document_id=path.removeprefix("document/"))
        return HTMLResponse(render_reader(doc), headers=headers)
    if fmt == "html":
        page = await _own_page(backend, path)
        if page is not None:
            return HTMLResponse(page, headers=headers)
    data = await backend.run("describe", iri=iri)  # 404 with suggestions when unknown
    if fmt == "html":
        return HTMLResponse(render_page(data), headers=headers)
    query = load_query("entity_graph")
    job = {
        "op": "sparql",
        "query": query,
        "format": "ntriples" if fmt == "jsonld" else fmt,
        "max_rows": backend.limits.max_results,
        "bindings": {"entity": ("iri", iri)},
    }
    body = await backend.named(job)  # a fixed, bounded query: answered in-process
    if fmt == "jsonld":
        body = await run_in_threadpool(compact_jsonld, body)
    media_type = f"{media}; charset=utf-8" if media.startswith("text/") else media
    return Response(body, media_type=media_type, headers=headers)
