"""A meeting's page and a series' page: the `meeting` answer with its programme (sessions with
times, per document), its speakers with their role at that meeting, and labels for what it
cited; a series with its meetings in date order."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..store import GraphStore
from ._common import ID, rows, short, suggest
from .meeting import meeting, meetings

__all__ = ["meeting_page", "series_page"]


def _sessions(store: GraphStore, iri: str) -> list[dict[str, Any]]:
    """The programme of a meeting, one list per document that gives one, in time order."""
    out: dict[str, dict[str, Any]] = {}
    for row in rows(store, "meeting_sessions", meeting=ox.NamedNode(iri)):
        doc = str(row.get("document") or "")
        programme = out.setdefault(
            doc,
            {"document": doc or None, "document_title": row.get("documentTitle"), "items": []},
        )
        if any(i["iri"] == row["item"] for i in programme["items"]):
            continue
        start = str(row.get("start") or "")
        programme["items"].append(
            {
                "iri": row["item"],
                "name": row.get("name"),
                "position": row.get("position"),
                "day": row.get("day"),
                "date": start[:10] or None,
                "start_time": row.get("startTime") or (start[11:16] if "T" in start else None),
                "end_time": row.get("endTime"),
            }
        )
    for programme in out.values():
        programme["items"].sort(
            key=lambda i: (
                i["day"] or 0,
                i["date"] or "",
                i["start_time"] or "",
                i["position"] or 0,
                i["iri"],
            )
        )
    return sorted(out.values(), key=lambda p: (str(p["document_title"] or ""), str(p["document"])))


def _speakers(store: GraphStore, iri: str) -> list[dict[str, Any]]:
    """Each person of the meeting once, with the roles the meeting's documents give them."""
    people: dict[str, dict[str, Any]] = {}
    for row in rows(store, "meeting_speakers", meeting=ox.NamedNode(iri)):
        p = people.setdefault(
            row["person"],
            {
                "iri": row["person"],
                "id": short(row["person"]),
                "name": row["name"],
                "roles": [],
                "organisations": [],
                "documents": [],
            },
        )
        if row.get("role") and row["role"] not in p["roles"]:
            p["roles"].append(row["role"])
        org = row.get("organisation")
        if org and all(o["iri"] != org for o in p["organisations"]):
            p["organisations"].append({"iri": org, "label": row.get("organisationLabel")})
        if row["document"] not in p["documents"]:
            p["documents"].append(row["document"])
    return sorted(people.values(), key=lambda p: (str(p["name"]).casefold(), p["iri"]))


def meeting_page(store: GraphStore, meeting_id: str) -> dict[str, Any]:
    """`meeting` with `programmes` (sessions with times), `speakers` (roles at this meeting)
    and a label for every cited node (an unresolved reference's own wording)."""
    answer = meeting(store, meeting_id)
    answer["programmes"] = _sessions(store, answer["iri"])
    answer["speakers"] = _speakers(store, answer["iri"])
    unlabelled = [c["iri"] for c in answer["cited"] if not c.get("symbol")]
    labels: dict[str, str] = {}
    if unlabelled:
        for r in rows(store, "node_labels", node=[ox.NamedNode(i) for i in unlabelled]):
            if r["node"] not in labels or str(r["label"]) < labels[r["node"]]:
                labels[r["node"]] = str(r["label"])
    for c in answer["cited"]:
        c["label"] = c.get("symbol") or labels.get(c["iri"])
        c["resolved"] = c["iri"].startswith(f"{ID}commitment/")
    return answer


def series_page(store: GraphStore, series_id: str) -> dict[str, Any]:
    """A meeting series: its labels and organisers, and its meetings in date order."""
    sid = series_id.removeprefix("series/")
    iri = f"{ID}series/{sid}"
    facts: dict[str, Any] = {"label": None, "aliases": [], "comment": None, "organisers": []}
    for row in rows(store, "series_detail", series=ox.NamedNode(iri)):
        key, value = row["key"], row["value"]
        if key == "alias":
            facts["aliases"].append(value)
        elif key == "organiser":
            facts["organisers"].append(
                {"iri": value, "id": short(value), "label": row.get("label")}
            )
        elif facts.get(key) is None:
            facts[key] = value
    found = [m for m in meetings(store) if m["series"] == f"series/{sid}"]
    if facts["label"] is None and not found:
        known = sorted(
            {str(m["series"]).removeprefix("series/") for m in meetings(store) if m["series"]}
        )
        close = suggest(sid, known)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownEntityError(f"unknown meeting series {series_id!r}{hint}", close)
    return {"iri": iri, "id": f"series/{sid}", **facts, "meetings": found}
