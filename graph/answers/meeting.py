"""Meetings: the list with its filters, one meeting's facts, and what a meeting cited."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..queries import run_named
from ..store import GraphStore
from ..timeline import bounds, starts_within
from ._common import ID, THB, rows, short, suggest
from .summary import list_rows, memo
from .symbols import normalise_user_symbol

__all__ = ["cited", "meeting", "meeting_citations", "meetings"]


def _passage(row: dict[str, Any]) -> dict[str, Any]:
    """A citation's passage as cited-by gives it: the sentence (`text`, its offsets `start`-`end`
    in the document's normalised text) and the citing words within it (`quote`: its `text` and its
    offsets from the sentence's start; a passage written without refinement is its own sentence)."""
    start, end = int(row["sentenceStart"]), int(row["sentenceEnd"])
    if row.get("exact") is None or row.get("exactStart") is None or row.get("exactEnd") is None:
        quote = {"text": row["sentence"], "start": 0, "end": end - start}
    else:
        quote = {"text": row["exact"], "start": int(row["exactStart"]), "end": int(row["exactEnd"])}
    return {
        "document": row["document"],
        "file": row.get("sourceFile"),
        "text": row["sentence"],
        "start": start,
        "end": end,
        "quote": quote,
        "method": row["method"],
        "confidence": row["confidence"],
        "note": row.get("note"),
    }


def cited(store: Any, meeting_iri: str) -> list[dict[str, Any]]:
    """What a meeting cited: one entry per cited commitment or reference, with passages (each the
    sentence, with the citing words marked in it)."""
    found = run_named(store, "meeting_citations", meeting=ox.NamedNode(meeting_iri))
    cited: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, str, int, int]] = set()
    for row in found:
        c = cited.setdefault(
            row["cited"],
            {
                "iri": row["cited"],
                "symbol": row.get("symbol"),
                "title": row.get("title"),
                "passages": [],
            },
        )
        passage = _passage(row)
        key = (
            row["cited"],
            row["document"],
            passage["start"] + passage["quote"]["start"],
            passage["start"] + passage["quote"]["end"],
        )
        if key not in seen:
            seen.add(key)
            c["passages"].append(passage)
    return list(cited.values())


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
    """One dict per meeting from the one-fact-per-row meeting_list query, in date order
    (grouped once per store generation: read them, never change them)."""
    return memo(store, "meeting_rows", lambda: _group_meeting_rows(store))


def _group_meeting_rows(store: GraphStore) -> list[dict[str, Any]]:
    meetings: dict[str, dict[str, Any]] = {}
    for row in list_rows(store, "meeting_list"):
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
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Every meeting (agenda items left out), filtered as the list endpoint allows; `since` and
    `until` (YYYY-MM-DD, inclusive) keep the meetings starting within them."""
    low, high = bounds(since, until)
    cites_symbol = normalise_user_symbol(cites) if cites else None
    out = []
    for row in _meeting_rows(store):
        org_ids = [short(o) or o for o in row["organisers"]]
        item = {
            "id": short(row["meeting"]).removeprefix("meeting/"),
            "iri": row["meeting"],
            "name": row.get("name"),
            "start_date": row.get("startDate"),
            "end_date": row.get("endDate"),
            "place": row.get("place"),
            "online": bool(row.get("online")),
            "series": short(row.get("series")),
            "organisers": org_ids,
            "organiser_labels": list(row["organiserLabels"]),
            "cites": sorted(row["cites"]),
            "documents": [short(d) for d in row["documents"]],
        }
        if year and not str(item["start_date"] or "").startswith(str(year)):
            continue
        if not starts_within(item["start_date"], low, high):
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
            (short(r["meeting"]) or "").removeprefix("meeting/") for r in rows(store, "meeting_ids")
        ]
        close = suggest(meeting_id, known)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see GET /api/meetings"
        raise UnknownEntityError(f"unknown meeting {meeting_id!r}{hint}", close)
    return iri


def meeting(store: GraphStore, meeting_id: str) -> dict[str, Any]:
    """One meeting: dates, place, organisers, sessions, documents, citations, publications,
    persons and follow-up actions."""
    iri = _meeting_iri(store, meeting_id)
    out: dict[str, Any] = {
        "id": short(iri).removeprefix("meeting/"),
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
    for row in rows(store, "meeting_detail", meeting=ox.NamedNode(iri)):
        key, value = row["key"], row["value"]
        if (key, str(value)) in seen and key not in {"name", "action"}:
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
            out["series"] = {"iri": value, "id": short(value), "label": row.get("label")}
        elif key == "organiser":
            out["organisers"].append(
                {
                    "iri": value,
                    "id": short(value),
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
                    "id": short(value).removeprefix("document/"),
                    "title": row.get("label"),
                    "file": row.get("extra"),
                    "type": str(row.get("extra2") or "").removeprefix(THB) or None,
                }
            )
        elif key == "publication":
            out["publications"].append(
                {
                    "iri": value,
                    "id": short(value),
                    "title": row.get("label"),
                    "date": row.get("extra"),
                }
            )
        elif key == "person":
            out["persons"].append(
                {
                    "iri": value,
                    "id": short(value),
                    "name": row.get("label"),
                    "role": row.get("extra"),
                }
            )
        elif key == "action":  # one row per lead: led_by keeps every one of them
            lead = short(row.get("extra")) if row.get("extra") else None
            same = next((a for a in out["follow_up"] if a["iri"] == value), None)
            if same is None:
                out["follow_up"].append(
                    {
                        "iri": value,
                        "description": row.get("label"),
                        "led_by": [lead] if lead else [],
                        "due": row.get("extra2"),
                    }
                )
            elif lead and lead not in same["led_by"]:
                same["led_by"].append(lead)
    out["name"] = out["names"][0] if out["names"] else None
    out["start_date"] = out.pop("startDate", None)
    out["end_date"] = out.pop("endDate", None)
    out["participants_count"] = out.pop("participants", None)
    out["states_count"] = out.pop("states", None)
    out.setdefault("online", False)
    out["cited"] = cited(store, iri)
    return out


def meeting_citations(store: GraphStore, meeting_id: str) -> dict[str, Any]:
    """What a meeting cited, with the passages."""
    iri = _meeting_iri(store, meeting_id)
    return {"meeting": iri, "cited": cited(store, iri)}
