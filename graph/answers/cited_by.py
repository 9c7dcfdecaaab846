"""cited-by: the meetings (and documents) citing a commitment, each with its passages; the facts of meetings."""

from __future__ import annotations

from typing import Any

from ..queries import run_named
from ._common import THB
from .symbols import resolve

PLACE = "https://schema.org/location"

__all__ = ["cited_by", "meeting_facts"]


def _passage(row: dict[str, Any]) -> dict[str, Any]:
    """The sentence (`text`, its offsets `start`-`end` in the document's normalised text) and the
    citing words within it (`quote`: its `text` and its offsets from the sentence's start)."""
    return {
        "text": row["quote"],
        "start": row["start"],
        "end": row["end"],
        "quote": _quote(row),
        "page": row.get("page"),
        "method": row["method"],
        "confidence": row["confidence"],
        "note": row.get("note"),
        "article": row.get("article"),
        "citation": row["citation"],
    }


def _quote(row: dict[str, Any]) -> dict[str, Any]:
    """The passage within its sentence; a passage written without refinement is its own sentence."""
    if row.get("exact") is None or row.get("exactStart") is None or row.get("exactEnd") is None:
        return {"text": row["quote"], "start": 0, "end": int(row["end"]) - int(row["start"])}
    return {"text": row["exact"], "start": row["exactStart"], "end": row["exactEnd"]}


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
        key = (meeting, row["document"], row["citation"], passage["start"], passage["end"])
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
