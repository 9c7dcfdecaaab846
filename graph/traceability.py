"""Traceability answers: which meetings cited a commitment, what a meeting cited, with passages.

Plain functions over a store and the named queries, shared by the CLI and the HTTP API.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from .errors import UnknownEntityError
from .queries import run_named

__all__ = [
    "cited_by",
    "known_symbols",
    "meeting_citations",
    "meeting_facts",
    "normalise_user_symbol",
    "resolve",
]

THB = "https://w3id.org/thbgraph/ontology#"
PLACE = "https://schema.org/location"


def normalise_user_symbol(text: str) -> str:
    """The canonical form of a symbol as people type it ('mc.dec/6/18', 'MC Decision 6/18')."""
    from .extract.symbols import normalise_symbol  # the extractors are heavy: load when asked

    found = normalise_symbol(text)
    if found:
        return found
    cleaned = re.sub(r"\s+", " ", text.strip())
    return cleaned.upper() if re.fullmatch(r"[A-Za-z.()/0-9 -]+", cleaned) else cleaned


def known_symbols(store: Any) -> list[str]:
    """Every canonical symbol of a commitment in the graph."""
    return sorted(r["symbol"] for r in run_named(store, "symbols"))


def resolve(store: Any, symbol: str) -> tuple[str, str, str | None]:
    """(canonical symbol, commitment IRI, title) for a symbol as typed; UnknownEntityError if none."""
    import pyoxigraph as ox

    canonical = normalise_user_symbol(symbol)
    rows = run_named(store, "resolve_symbol", symbol=ox.Literal(canonical))
    if rows:
        return canonical, rows[0]["commitment"], rows[0]["title"]
    symbols = known_symbols(store)
    close = [
        s
        for s, score, _ in process.extract(canonical, symbols, scorer=fuzz.WRatio, limit=5)
        if score >= 50
    ]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UnknownEntityError(
        f"unknown commitment symbol {symbol!r} (read as {canonical!r}){hint}", close
    )


def _passage(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": row["quote"],
        "start": row["start"],
        "end": row["end"],
        "page": row.get("page"),
        "method": row["method"],
        "confidence": row["confidence"],
        "note": row.get("note"),
        "article": row.get("article"),
        "citation": row["citation"],
    }


_FACT_KEYS = {
    "https://schema.org/name": "name",
    "https://schema.org/startDate": "start_date",
    "https://schema.org/endDate": "end_date",
    "https://schema.org/location": "place",
    THB + "online": "online",
}


def _empty_facts() -> dict[str, Any]:
    return {"name": None, "start_date": None, "end_date": None, "place": None, "online": False}


def _fold_fact(facts: dict[str, Any], row: dict[str, Any]) -> None:
    """Add one stated fact; when documents disagree the smallest value is kept (stable)."""
    key = _FACT_KEYS[row["property"]]
    value = row["label"] if key == "place" and row.get("label") else row["value"]
    if key == "online":
        facts["online"] = facts["online"] or bool(value)
    elif facts[key] is None or str(value) < str(facts[key]):
        facts[key] = value


def meeting_facts(store: Any, meeting_iris: list[str]) -> dict[str, dict[str, Any]]:
    """Name, dates, place and online of meetings, from every document that states them.

    When documents disagree, the smallest value is shown (stable); SHACL reports the disagreement.
    """
    import pyoxigraph as ox

    facts = {m: _empty_facts() for m in meeting_iris}
    if not meeting_iris:
        return facts
    rows = run_named(store, "meeting_facts", meeting=[ox.NamedNode(m) for m in meeting_iris])
    for row in rows:
        _fold_fact(facts[row["meeting"]], row)
    return facts


def _cited_meeting_facts(store: Any, commitment: Any, meetings: set[str]) -> dict[str, Any]:
    """The facts of the meetings citing `commitment` (as `meeting_facts` gives them), from two
    small queries anchored on the commitment rather than on a list of meetings."""
    import pyoxigraph as ox

    rows = run_named(store, "cited_meeting_facts", commitment=commitment)
    places = sorted(
        {
            r["value"]
            for r in rows
            if r["property"] == PLACE and str(r["value"]).startswith(("http://", "https://"))
        }
    )
    labels: dict[str, str] = {}
    if places:
        for r in run_named(store, "node_labels", node=[ox.NamedNode(p) for p in places]):
            if r["node"] not in labels or str(r["label"]) < str(labels[r["node"]]):
                labels[r["node"]] = r["label"]
    facts = {m: _empty_facts() for m in meetings}
    for row in rows:
        if row["meeting"] in facts:
            if row["property"] == PLACE:
                row["label"] = labels.get(row["value"])
            _fold_fact(facts[row["meeting"]], row)
    return facts


def cited_by(store: Any, symbol: str) -> dict[str, Any]:
    """The meetings (and documents) that cite a commitment, each with its citing passages.

    A few queries whatever the number of meetings: the passages (cited_by.rq, read inside each
    citing document's graph), the facts of all citing meetings (cited_meeting_facts.rq) and the
    labels of their places. One query joining them was measured 3-30x slower: pyoxigraph does
    not push the bound commitment into a UNION or into OPTIONALs outside the GRAPH block.
    """
    import pyoxigraph as ox

    canonical, iri, title = resolve(store, symbol)
    commitment = ox.NamedNode(iri)
    passages = run_named(store, "cited_by", commitment=commitment)
    meeting_iris = {r["meeting"] for r in passages if r.get("meeting")}
    facts = _cited_meeting_facts(store, commitment, meeting_iris) if meeting_iris else {}
    meetings: dict[str, dict[str, Any]] = {}
    loose: dict[str, dict[str, Any]] = {}
    seen: set[tuple[Any, ...]] = set()
    for row in passages:
        meeting = row.get("meeting")
        if meeting:
            m = meetings.get(meeting)
            if m is None:
                m = meetings[meeting] = {
                    "iri": meeting,
                    **facts.get(meeting, _empty_facts()),
                    "documents": {},
                }
            docs = m["documents"]
        else:
            docs = loose
        d = docs.get(row["document"])
        doc_type = row.get("documentType")
        doc_type = doc_type.removeprefix(THB) if doc_type else None
        if d is None:
            d = docs[row["document"]] = {
                "iri": row["document"],
                "file": row.get("sourceFile"),
                "title": row.get("documentTitle"),
                "type": doc_type,
                "passages": [],
            }
        elif d["type"] is None and doc_type:
            d["type"] = doc_type
        passage = _passage(row)
        key = (meeting, row["document"], *passage.values())
        if key not in seen:
            seen.add(key)
            d["passages"].append(passage)
    ordered = sorted(meetings.values(), key=lambda m: (m["start_date"] or "9999", m["iri"]))
    for m in ordered:
        m["documents"] = list(m["documents"].values())
    return {
        "commitment": {"symbol": canonical, "iri": iri, "title": title},
        "meetings": ordered,
        "documents_without_meeting": list(loose.values()),
    }


def meeting_citations(store: Any, meeting_iri: str) -> list[dict[str, Any]]:
    """What a meeting cited: one entry per cited commitment or reference, with passages."""
    import pyoxigraph as ox

    rows = run_named(store, "meeting_citations", meeting=ox.NamedNode(meeting_iri))
    cited: dict[str, dict[str, Any]] = {}
    for row in rows:
        c = cited.setdefault(
            row["cited"],
            {
                "iri": row["cited"],
                "symbol": row.get("symbol"),
                "title": row.get("title"),
                "passages": [],
            },
        )
        c["passages"].append(
            {
                "document": row["document"],
                "file": row.get("sourceFile"),
                "text": row["quote"],
                "start": row["start"],
                "end": row["end"],
                "method": row["method"],
                "confidence": row["confidence"],
                "note": row.get("note"),
            }
        )
    return list(cited.values())
