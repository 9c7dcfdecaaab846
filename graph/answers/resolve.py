"""Resolution: the commitment a written reference (symbol, alias or name) means, and how sure."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from ..errors import UnknownEntityError
from ..store import GraphStore
from ._common import rows, split, suggest
from .symbols import resolve as resolve_symbol

__all__ = ["resolve"]


def resolve(store: GraphStore, ref: str) -> dict[str, Any]:
    """The commitment a written reference means, how it was resolved and how sure."""
    from ..extract.symbols import find_symbols, normalise_symbol

    text = " ".join(ref.split())
    symbols = {r["symbol"] for r in rows(store, "commitment_list")}
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
    for row in rows(store, "commitment_list"):
        for alias in [row.get("title"), *split(row.get("aliases"))]:
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
    close = suggest(text, sorted(symbols | set(labels)))
    raise UnknownEntityError(f"cannot resolve {ref!r} to a known commitment", close)


def _resolved(
    store: GraphStore, ref: str, symbol: str, method: str, confidence: float, note: str | None
) -> dict[str, Any]:
    canonical, iri, title = resolve_symbol(store, symbol)
    return {
        "ref": ref,
        "symbol": canonical,
        "iri": iri,
        "title": title,
        "method": method,
        "confidence": confidence,
        "note": note,
    }
