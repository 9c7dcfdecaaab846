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


def meeting_facts(store: Any, meeting_iris: list[str]) -> dict[str, dict[str, Any]]:
    """Name, dates, place and online of meetings, from every document that states them.

    When documents disagree, the smallest value is shown (stable); SHACL reports the disagreement.
    """
    import pyoxigraph as ox

    facts: dict[str, dict[str, Any]] = {
        m: {"name": None, "start_date": None, "end_date": None, "place": None, "online": False}
        for m in meeting_iris
    }
    if not meeting_iris:
        return facts
    keys = {
        "https://schema.org/name": "name",
        "https://schema.org/startDate": "start_date",
        "https://schema.org/endDate": "end_date",
        "https://schema.org/location": "place",
        THB + "online": "online",
    }
    rows = run_named(store, "meeting_facts", meeting=[ox.NamedNode(m) for m in meeting_iris])
    for row in rows:
        key = keys[row["property"]]
        value = row["label"] if key == "place" and row.get("label") else row["value"]
        m = facts[row["meeting"]]
        if key == "online":
            m["online"] = m["online"] or bool(value)
        elif m[key] is None or str(value) < str(m[key]):
            m[key] = value
    return facts


def cited_by(store: Any, symbol: str) -> dict[str, Any]:
    """The meetings (and documents) that cite a commitment, each with its citing passages."""
    import pyoxigraph as ox

    canonical, iri, title = resolve(store, symbol)
    rows = run_named(store, "cited_by", commitment=ox.NamedNode(iri))
    facts = meeting_facts(store, sorted({r["meeting"] for r in rows if r.get("meeting")}))
    meetings: dict[str, dict[str, Any]] = {}
    loose: dict[str, dict[str, Any]] = {}
    for row in rows:
        doc_type = row.get("documentType")
        doc = {
            "iri": row["document"],
            "file": row.get("sourceFile"),
            "title": row.get("documentTitle"),
            "type": doc_type.removeprefix(THB) if doc_type else None,
            "passages": [],
        }
        if row.get("meeting"):
            m = meetings.setdefault(
                row["meeting"], {"iri": row["meeting"], **facts[row["meeting"]], "documents": {}}
            )
            docs = m["documents"]
        else:
            docs = loose
        d = docs.setdefault(row["document"], doc)
        if d["type"] is None and doc["type"]:
            d["type"] = doc["type"]
        passage = _passage(row)
        if passage not in d["passages"]:
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
