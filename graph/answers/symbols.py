"""Commitment symbols as people type them: the canonical form, the known ones, the commitment a symbol names."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from ..errors import UnknownEntityError
from ..queries import run_named

__all__ = ["known_symbols", "normalise_user_symbol", "resolve"]


def normalise_user_symbol(text: str) -> str:
    """The canonical form of a symbol as people type it ('mc.dec/6/18', 'MC Decision 6/18')."""
    from ..extract.symbols import normalise_symbol  # the extractors are heavy: load when asked

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
