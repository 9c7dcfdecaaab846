"""The JSON API's answers, computed inside a query worker from the named queries.

Each public function takes the worker's GraphStore and plain arguments and returns plain JSON
data, so it runs under the same time limit as a SPARQL query. `CALLS` is the whitelist the
worker accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Any

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from ..graph import traceability
from ..graph.errors import UnknownEntityError
from ..graph.store import GraphStore

__all__ = ["CALLS", "ID", "THB"]

ID = "https://w3id.org/thbgraph/id/"
THB = "https://w3id.org/thbgraph/ontology#"
SEP = "\u001f"


@cache
def _query(name: str) -> str:
    return (files("thbgraph.api") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def _rows(store: GraphStore, name: str, **bindings: Any) -> list[dict[str, Any]]:
    return store.select(_query(name), bindings=bindings)


def _split(value: Any) -> list[str]:
    return [v for v in str(value).split(SEP) if v] if value else []


def _short(iri: str | None) -> str | None:
    return iri[len(ID) :] if iri and iri.startswith(ID) else iri


def _suggest(needle: str, choices: list[str], limit: int = 5) -> list[str]:
    found = process.extract(needle, choices, scorer=fuzz.WRatio, limit=limit)
    return [c for c, score, _ in found if score >= 50]


# -- commitments ----------------------------------------------------------------------------------
def cited_by(store: GraphStore, symbol: str) -> dict[str, Any]:
    """The meetings and documents citing a commitment, with the passages (the lead's query)."""
    return traceability.cited_by(store, symbol)


def commitment(store: GraphStore, symbol: str) -> dict[str, Any]:
    """One commitment: register facts, aliases, and every meeting and passage that cites it."""
    answer = traceability.cited_by(store, symbol)
    iri = answer["commitment"]["iri"]
    facts: dict[str, Any] = {"types": [], "aliases": [], "amends": [], "sources": []}
    for row in _rows(store, "commitment_detail", commitment=ox.NamedNode(iri)):
        key, value = row["key"], row["value"]
        if key == "type":
            facts["types"].append(value.removeprefix(THB))
        elif key == "alias":
            facts["aliases"].append(value)
        elif key == "amends":
            facts["amends"].append(value)
        elif key == "source":
            facts["sources"].append(value)
        elif key == "body":
            facts["body"] = {"iri": value, "id": _short(value), "label": row.get("label")}
        else:
            facts.setdefault(key, value)
    return {
        "symbol": answer["commitment"]["symbol"],
        "iri": iri,
        "id": _short(iri),
        "title": facts.get("title"),
        "date": facts.get("date"),
        "body": facts.get("body"),
        "place": facts.get("place"),
        "types": facts["types"],
        "aliases": sorted(set(facts["aliases"])),
        "amends": facts["amends"],
        "sources": facts["sources"],
        "cited_by": answer["meetings"],
        "cited_in_documents_without_meeting": answer["documents_without_meeting"],
    }


def commitments(
    store: GraphStore, body: str | None = None, year: int | None = None, text: str | None = None
) -> list[dict[str, Any]]:
    """Every commitment, filtered by adopting body (id, acronym or name), year, or text."""
    out = []
    for row in _rows(store, "commitment_list"):
        aliases = _split(row.get("aliases"))
        item = {
            "symbol": row["symbol"],
            "iri": row["commitment"],
            "id": _short(row["commitment"]),
            "title": row.get("title"),
            "date": row.get("date"),
            "body": _short(row.get("body")),
            "body_label": row.get("bodyLabel"),
            "aliases": aliases,
            "meetings": row.get("meetings") or 0,
            "citations": row.get("citations") or 0,
        }
        if body and body.lower() not in {
            str(item["body"] or "").lower(),
            str(item["body"] or "").removeprefix("org/").lower(),
            str(item["body_label"] or "").lower(),
        }:
            continue
        if year and not str(item["date"] or "").startswith(str(year)):
            continue
        if text:
            hay = " ".join([item["symbol"], item["title"] or "", *aliases]).lower()
            if text.lower() not in hay:
                continue
        out.append(item)
    return out


# -- meetings -------------------------------------------------------------------------------------
_MEETING_FACT = {
    "https://schema.org/name": "name",
    "https://schema.org/startDate": "startDate",
    "https://schema.org/endDate": "endDate",
    "https://schema.org/location": "place",
    THB + "online": "online",
    "https://schema.org/superEvent": "series",
    "https://schema.org/organizer": "organisers",
    THB + "cites": "cites",
    THB + "describedBy": "documents",
}


def _meeting_rows(store: GraphStore) -> list[dict[str, Any]]:
    """One dict per meeting from the one-fact-per-row meeting_list query, in date order."""
    meetings: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "meeting_list"):
        m = meetings.setdefault(
            row["meeting"],
            {
                "meeting": row["meeting"],
                "organisers": [],
                "organiserLabels": [],
                "cites": [],
                "documents": [],
            },
        )
        key, value, label = _MEETING_FACT[row["property"]], row["value"], row.get("label")
        if key == "organisers":
            if value not in m["organisers"]:
                m["organisers"].append(value)
            if label and label not in m["organiserLabels"]:
                m["organiserLabels"].append(label)
        elif key == "cites":
            if label and label not in m["cites"]:
                m["cites"].append(label)
        elif key == "documents":
            if value not in m["documents"]:
                m["documents"].append(value)
        elif key == "place":
            m["place"] = min(filter(None, [m.get("place"), label or value]))
        elif key == "startDate":
            m[key] = min(filter(None, [m.get(key), value]), key=str)
        elif key == "endDate":
            m[key] = max(filter(None, [m.get(key), value]), key=str)
        elif key == "online":
            m[key] = bool(m.get(key)) or bool(value)
        elif m.get(key) is None or str(value) < str(m[key]):
            m[key] = value
    for m in meetings.values():
        m["documents"].sort()
        m["organisers"].sort()
    return sorted(meetings.values(), key=lambda m: (str(m.get("startDate") or ""), m["meeting"]))


def meetings(
    store: GraphStore,
    year: int | None = None,
    series: str | None = None,
    place: str | None = None,
    online: bool | None = None,
    cites: str | None = None,
    organiser: str | None = None,
) -> list[dict[str, Any]]:
    """Every meeting (agenda items left out), filtered as the list endpoint allows."""
    cites_symbol = traceability.normalise_user_symbol(cites) if cites else None
    out = []
    for row in _meeting_rows(store):
        org_ids = [_short(o) or o for o in row["organisers"]]
        item = {
            "id": _short(row["meeting"]).removeprefix("meeting/"),
            "iri": row["meeting"],
            "name": row.get("name"),
            "start_date": row.get("startDate"),
            "end_date": row.get("endDate"),
            "place": row.get("place"),
            "online": bool(row.get("online")),
            "series": _short(row.get("series")),
            "organisers": org_ids,
            "organiser_labels": row["organiserLabels"],
            "cites": sorted(row["cites"]),
            "documents": [_short(d) for d in row["documents"]],
        }
        if year and not str(item["start_date"] or "").startswith(str(year)):
            continue
        if series and series.lower() not in str(item["series"] or "").lower():
            continue
        if place and place.lower() not in str(item["place"] or "").lower():
            continue
        if online is not None and item["online"] != online:
            continue
        if cites_symbol and cites_symbol not in item["cites"]:
            continue
        if organiser:
            wanted = organiser.lower()
            names = [o.lower() for o in org_ids + item["organiser_labels"]]
            if not any(wanted == n or wanted == n.removeprefix("org/") for n in names):
                continue
        out.append(item)
    return out


def _meeting_iri(store: GraphStore, meeting_id: str) -> str:
    iri = (
        meeting_id
        if meeting_id.startswith(ID)
        else f"{ID}meeting/{meeting_id.removeprefix('meeting/')}"
    )
    result = store.query(
        "ASK { ?m a <https://w3id.org/thbgraph/ontology#Meeting> }",
        bindings={"m": ox.NamedNode(iri)},
    )
    if not bool(result):
        known = [
            (_short(r["meeting"]) or "").removeprefix("meeting/")
            for r in _rows(store, "meeting_ids")
        ]
        close = _suggest(meeting_id, known)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see GET /api/meetings"
        raise UnknownEntityError(f"unknown meeting {meeting_id!r}{hint}", close)
    return iri


def meeting(store: GraphStore, meeting_id: str) -> dict[str, Any]:
    """One meeting: dates, place, organisers, sessions, documents, citations, publications,
    persons and follow-up actions."""
    iri = _meeting_iri(store, meeting_id)
    out: dict[str, Any] = {
        "id": _short(iri).removeprefix("meeting/"),
        "iri": iri,
        "names": [],
        "organisers": [],
        "sessions": [],
        "documents": [],
        "publications": [],
        "persons": [],
        "follow_up": [],
    }
    seen: set[tuple[str, str]] = set()
    for row in _rows(store, "meeting_detail", meeting=ox.NamedNode(iri)):
        key, value = row["key"], row["value"]
        if (key, str(value)) in seen and key not in {"name"}:
            continue
        seen.add((key, str(value)))
        if key == "name":
            if value not in out["names"]:
                out["names"].append(value)
        elif key in {"startDate", "endDate", "participants", "states"}:
            out.setdefault(key, value)
        elif key == "online":
            out["online"] = bool(value)
        elif key == "place":
            out["place"] = row.get("label") or value
        elif key == "series":
            out["series"] = {"iri": value, "id": _short(value), "label": row.get("label")}
        elif key == "organiser":
            out["organisers"].append(
                {
                    "iri": value,
                    "id": _short(value),
                    "label": row.get("label"),
                    "acronym": row.get("extra"),
                }
            )
        elif key == "session":
            out["sessions"].append(
                {
                    "iri": value,
                    "name": row.get("label"),
                    "start": row.get("extra"),
                    "start_time": row.get("extra2"),
                    "day": row.get("extra3"),
                }
            )
        elif key == "document":
            out["documents"].append(
                {
                    "iri": value,
                    "id": _short(value).removeprefix("document/"),
                    "title": row.get("label"),
                    "file": row.get("extra"),
                    "type": str(row.get("extra2") or "").removeprefix(THB) or None,
                }
            )
        elif key == "publication":
            out["publications"].append(
                {
                    "iri": value,
                    "id": _short(value),
                    "title": row.get("label"),
                    "date": row.get("extra"),
                }
            )
        elif key == "person":
            out["persons"].append(
                {
                    "iri": value,
                    "id": _short(value),
                    "name": row.get("label"),
                    "role": row.get("extra"),
                }
            )
        elif key == "action":
            out["follow_up"].append(
                {
                    "iri": value,
                    "description": row.get("label"),
                    "led_by": _short(row.get("extra")),
                    "due": row.get("extra2"),
                }
            )
    out["name"] = out["names"][0] if out["names"] else None
    out["start_date"] = out.pop("startDate", None)
    out["end_date"] = out.pop("endDate", None)
    out["participants_count"] = out.pop("participants", None)
    out["states_count"] = out.pop("states", None)
    out.setdefault("online", False)
    out["cited"] = traceability.meeting_citations(store, iri)
    return out


def meeting_citations(store: GraphStore, meeting_id: str) -> dict[str, Any]:
    """What a meeting cited, with the passages."""
    iri = _meeting_iri(store, meeting_id)
    return {"meeting": iri, "cited": traceability.meeting_citations(store, iri)}


# -- documents ------------------------------------------------------------------------------------
def document(store: GraphStore, document_id: str) -> dict[str, Any]:
    """A document's metadata, full text and the span of every fact extracted from it."""
    iri = document_id if document_id.startswith(ID) else f"{ID}document/{document_id}"
    meta: dict[str, Any] = {"types": [], "about": [], "mentions": []}
    for row in _rows(store, "document_detail", document=ox.NamedNode(iri)):
        key, value = row["key"], row["value"]
        if key == "type":
            meta["types"].append(value.removeprefix(THB))
        elif key in {"about", "mentions"}:
            meta[key].append(value)
        else:
            meta.setdefault(key, value)
    if not meta["types"] and "text" not in meta:
        ids = [
            r["d"].removeprefix(f"{ID}document/")
            for r in store.select(
                "SELECT DISTINCT ?d WHERE { ?d <https://w3id.org/thbgraph/ontology#sourceFile> ?f }"
            )
        ]
        close = _suggest(document_id, ids)
        raise UnknownEntityError(f"unknown document {document_id!r}", close)
    text = meta.get("text") or ""
    spans = []
    for row in _rows(store, "document_evidence", document=ox.NamedNode(iri)):
        start, end = row["start"], row["end"]
        spans.append(
            {
                "evidence": row["evidence"],
                "supports": row["body"],
                "property": row.get("property"),
                "quote": row["quote"],
                "start": start,
                "end": end,
                "page": row.get("page"),
                "text_at_offsets": text[start:end] if isinstance(start, int) else None,
            }
        )
    return {
        "id": document_id.removeprefix(f"{ID}document/"),
        "iri": iri,
        "types": meta["types"],
        "title": meta.get("title"),
        "date": meta.get("date"),
        "language": meta.get("language"),
        "file": meta.get("file"),
        "sha256": meta.get("sha256"),
        "about": meta["about"],
        "mentions": meta["mentions"],
        "text": text,
        "spans": spans,
    }


# -- actors, publications, search, resolution -----------------------------------------------------
def actors(store: GraphStore, kind: str | None = None, text: str | None = None) -> list[dict]:
    """Organisations and persons."""
    out = []
    for row in _rows(store, "actors"):
        item = {
            "id": _short(row["actor"]),
            "iri": row["actor"],
            "kind": row["kind"],
            "label": row.get("label"),
            "acronym": row.get("acronym"),
            "role": row.get("role"),
        }
        if kind and item["kind"] != kind:
            continue
        if text and text.lower() not in " ".join(str(v) for v in item.values()).lower():
            continue
        out.append(item)
    return out


def publications(store: GraphStore) -> list[dict[str, Any]]:
    """Publications with the meetings where they were presented."""
    return [
        {
            "id": _short(row["publication"]),
            "iri": row["publication"],
            "title": row.get("title"),
            "date": row.get("date"),
            "publisher": _short(row.get("publisher")),
            "url": row.get("url"),
            "presented_at": _split(row.get("meetings")),
        }
        for row in _rows(store, "publications")
    ]


def describe(store: GraphStore, iri: str) -> dict[str, Any]:
    """Everything said about an entity (outgoing and incoming), for pages and /actors/{id}."""
    from ..graph.queries import load_query

    rows = store.select(load_query("entity"), bindings={"entity": ox.NamedNode(iri)})
    if not rows:
        labels = sorted({r["entity"] for r in _rows(store, "labels")})
        close = _suggest(iri.removeprefix(ID), [_short(x) or x for x in labels])
        raise UnknownEntityError(f"nothing is known about <{iri}>", close)
    evidence = [
        {
            "evidence": r["evidence"],
            "supports": r["body"],
            "property": r.get("property"),
            "document": r["source"],
            "quote": r["quote"],
            "start": r["start"],
            "end": r["end"],
        }
        for r in _rows(store, "entity_evidence", entity=ox.NamedNode(iri))
    ]
    return {"iri": iri, "id": _short(iri), "statements": rows, "evidence": evidence}


def search(store: GraphStore, q: str, limit: int = 50) -> list[dict[str, Any]]:
    """Entities whose labels, aliases or evidence passages contain `q` (case-insensitive)."""
    needle = q.lower().strip()
    hits: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "labels"):
        if needle in str(row["label"]).lower():
            hit = hits.setdefault(
                row["entity"],
                {
                    "iri": row["entity"],
                    "id": _short(row["entity"]),
                    "kind": None,
                    "labels": [],
                    "passages": [],
                },
            )
            if row["label"] not in hit["labels"]:
                hit["labels"].append(row["label"])
            if row.get("kind") and not hit["kind"]:
                hit["kind"] = str(row["kind"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    for row in _rows(store, "passages_search", needle=ox.Literal(needle)):
        hit = hits.setdefault(
            row["body"],
            {
                "iri": row["body"],
                "id": _short(row["body"]),
                "kind": None,
                "labels": [],
                "passages": [],
            },
        )
        hit["passages"].append(
            {
                "document": row["source"],
                "text": row["quote"],
                "start": row["start"],
                "end": row["end"],
            }
        )
    ranked = sorted(hits.values(), key=lambda h: (not h["labels"], h["id"] or h["iri"]))
    return ranked[:limit]


def resolve(store: GraphStore, ref: str) -> dict[str, Any]:
    """The commitment a written reference means, how it was resolved and how sure."""
    from ..graph.extract.symbols import find_symbols, normalise_symbol

    text = " ".join(ref.split())
    symbols = {r["symbol"] for r in store.select(_query("commitment_list"))}
    candidates: list[tuple[str, str, float, str | None]] = []
    exact = normalise_symbol(text)
    if exact:
        candidates.append((exact, "symbol", 1.0, None))
    for m in find_symbols(text):
        if m.start == 0 and m.end == len(text):
            candidates.append((m.symbol, m.method, m.confidence, m.note))
    for symbol, method, confidence, note in candidates:
        if symbol in symbols:
            return _resolved(store, ref, symbol, method, confidence, note)
    labels = {}
    for row in _rows(store, "commitment_list"):
        for alias in [row.get("title"), *_split(row.get("aliases"))]:
            if alias:
                labels[str(alias)] = row["symbol"]
    lowered = {k.lower(): v for k, v in labels.items()}
    if text.lower() in lowered:
        return _resolved(store, ref, lowered[text.lower()], "alias", 0.95, None)
    best = process.extractOne(text, list(labels), scorer=fuzz.WRatio)
    if best and best[1] >= 85:
        return _resolved(
            store,
            ref,
            labels[best[0]],
            "name",
            round(best[1] / 100 * 0.9, 2),
            f"closest name: {best[0]!r}",
        )
    close = _suggest(text, sorted(symbols | set(labels)))
    raise UnknownEntityError(f"cannot resolve {ref!r} to a known commitment", close)


def _resolved(
    store: GraphStore, ref: str, symbol: str, method: str, confidence: float, note: str | None
) -> dict[str, Any]:
    canonical, iri, title = traceability.resolve(store, symbol)
    return {
        "ref": ref,
        "symbol": canonical,
        "iri": iri,
        "title": title,
        "method": method,
        "confidence": confidence,
        "note": note,
    }


def known_symbols(store: GraphStore) -> list[str]:
    """Every commitment symbol."""
    return traceability.known_symbols(store)


CALLS: dict[str, Callable[..., Any]] = {
    f.__name__: f
    for f in (
        cited_by,
        commitment,
        commitments,
        meetings,
        meeting,
        meeting_citations,
        document,
        actors,
        publications,
        describe,
        search,
        resolve,
        known_symbols,
    )
}
