"""One commitment with its register facts and citations; the list of commitments with their counts."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..store import GraphStore
from ..timeline import within
from ._common import THB, rows, short, split
from .cited_by import cited_by
from .summary import list_rows

__all__ = ["commitment", "commitments"]


def commitment(
    store: GraphStore, symbol: str, *, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """One commitment: register facts, aliases, and every meeting and passage that cites it
    (with `since`/`until`, YYYY-MM-DD inclusive, the meetings starting within those dates)."""
    answer = within(cited_by(store, symbol), since=since, until=until)
    iri = answer["commitment"]["iri"]
    facts: dict[str, Any] = {"types": [], "aliases": [], "amends": [], "sources": []}
    for row in rows(store, "commitment_detail", commitment=ox.NamedNode(iri)):
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
            facts["body"] = {"iri": value, "id": short(value), "label": row.get("label")}
        else:
            facts.setdefault(key, value)
    return {
        "symbol": answer["commitment"]["symbol"],
        "iri": iri,
        "id": short(iri),
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
        **({"since": answer["since"], "until": answer["until"]} if "since" in answer else {}),
    }


def commitments(
    store: GraphStore, body: str | None = None, year: int | None = None, text: str | None = None
) -> list[dict[str, Any]]:
    """Every commitment, filtered by adopting body (id, acronym or name), year, or text."""
    out = []
    for row in list_rows(store, "commitment_list"):
        aliases = split(row.get("aliases"))
        item = {
            "symbol": row["symbol"],
            "iri": row["commitment"],
            "id": short(row["commitment"]),
            "title": row.get("title"),
            "date": row.get("date"),
            "body": short(row.get("body")),
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
