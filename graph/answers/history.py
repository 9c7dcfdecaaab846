"""A commitment's history: the `commitment` answer with the sentence of each citation, the citing
meetings counted per year, its addenda and corrigenda, and links to its official text."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pyoxigraph as ox

from ..errors import UnknownEntityError
from ..store import GraphStore
from ._common import ID, THB, rows, short
from .commitment import commitment

__all__ = ["commitment_history", "sentence_around"]

MAX_SENTENCE = 400  # characters of a citing sentence shown at most (the rest is cut with …)
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n")
# (relation, direction) -> how the page names the other commitment
_RELATIONS = {
    (f"{THB}addendumTo", "in"): "addendum",
    (f"{THB}corrigendumOf", "in"): "corrigendum",
    (f"{THB}revisionOf", "in"): "revision",
    (f"{THB}addendumTo", "out"): "addendum to",
    (f"{THB}corrigendumOf", "out"): "corrects",
    (f"{THB}revisionOf", "out"): "revises",
}


def sentence_around(text: str, start: int, end: int) -> dict[str, Any] | None:
    """The sentence of `text` holding the span [start, end), with the span's place inside it.

    At most MAX_SENTENCE characters around the span are kept (`cut_before`/`cut_after` say where).
    """
    if not (0 <= start <= end <= len(text)):
        return None
    budget = max(0, MAX_SENTENCE - (end - start)) // 2
    lo = max(0, start - budget)
    hi = min(len(text), end + budget)
    left = lo
    for found in _BOUNDARY.finditer(text, lo, start):
        left = found.end()
    right = hi
    following = _BOUNDARY.search(text, end, hi)
    if following:
        right = following.start()
    cut_before = left == lo and lo > 0
    cut_after = right == hi and hi < len(text)
    if cut_before:  # cut inside a sentence: start at a word
        space = text.find(" ", lo, start)
        left = lo if text[lo - 1].isspace() else (space + 1 if space >= 0 else lo)
    if cut_after:  # and end at one
        space = text.rfind(" ", end, hi)
        right = space if space >= 0 else hi
    before, quote, after = text[left:start], text[start:end], text[end:right]
    return {
        "before": before.lstrip(),
        "quote": quote,
        "after": after.rstrip(),
        "cut_before": cut_before,
        "cut_after": cut_after,
    }


def _commitment_iri(store: GraphStore, commitment_id: str) -> tuple[str, str]:
    """(IRI, symbol) of a commitment from its id ('mc-dec-6-18' or 'commitment/mc-dec-6-18')."""
    iri = f"{ID}commitment/{commitment_id.removeprefix('commitment/')}"
    for row in rows(store, "commitment_detail", commitment=ox.NamedNode(iri)):
        if row["key"] == "symbol":
            return iri, str(row["value"])
    raise UnknownEntityError(f"unknown commitment {commitment_id!r}; see GET /api/commitments")


def _related(store: GraphStore, iri: str) -> list[dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows(store, "commitment_related", commitment=ox.NamedNode(iri)):
        kind = _RELATIONS.get((row["relation"], row["direction"]))
        if kind is None:
            continue
        key = (kind, row["other"])
        if key not in out:
            out[key] = {
                "relation": kind,
                "direction": row["direction"],
                "iri": row["other"],
                "id": short(row["other"]),
                "symbol": row.get("symbol"),
                "label": row.get("label"),
                "date": row.get("date"),
            }
    return list(out.values())


def _texts(store: GraphStore, documents: list[str]) -> dict[str, str]:
    if not documents:
        return {}
    found = rows(store, "document_texts", document=[ox.NamedNode(d) for d in documents])
    return {r["document"]: str(r["text"]) for r in found}


def commitment_history(store: GraphStore, commitment_id: str) -> dict[str, Any]:
    """`commitment` for the commitment with this id, each passage with its sentence, plus
    `years` (citing meetings per year of their start), `related` and `official_links`."""
    iri, symbol = _commitment_iri(store, commitment_id)
    answer = commitment(store, symbol)
    docs = sorted(
        {d["iri"] for m in answer["cited_by"] for d in m["documents"]}
        | {d["iri"] for d in answer["cited_in_documents_without_meeting"]}
    )
    texts = _texts(store, docs)
    for group in [
        *(m["documents"] for m in answer["cited_by"]),
        answer["cited_in_documents_without_meeting"],
    ]:
        for d in group:
            text = texts.get(d["iri"])
            for p in d["passages"]:
                p["sentence"] = None
                if text is not None and isinstance(p["start"], int) and isinstance(p["end"], int):
                    p["sentence"] = sentence_around(text, p["start"], p["end"])
    per_year = Counter(
        int(str(m["start_date"])[:4])
        for m in answer["cited_by"]
        if re.match(r"\d{4}", str(m.get("start_date") or ""))
    )
    answer["years"] = [{"year": y, "meetings": per_year[y]} for y in sorted(per_year)]
    answer["meetings_without_date"] = sum(1 for m in answer["cited_by"] if not m.get("start_date"))
    answer["related"] = _related(store, iri)
    answer["official_links"] = [
        s for s in answer["sources"] if str(s).startswith(("https://", "http://"))
    ]
    return answer
