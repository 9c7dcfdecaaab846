"""Defaults gathered in one place: where the store lives, and the limits of the endpoint."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ThbGraphError

__all__ = ["Limits", "default_store_path"]

STORE_ENV = "THBGRAPH_STORE"


def default_store_path() -> Path:
    """The store used when no --store is given: $THBGRAPH_STORE, else $XDG_DATA_HOME/thbgraph/store
    (~/.local/share/thbgraph/store)."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "thbgraph" / "store"


def _positive(name: str, default: float, kind: type[int] | type[float]) -> Any:
    """The environment variable `name` as a number above 0 (`default` when unset or empty);
    anything else is refused in one line naming the variable (a zero or negative timeout,
    result cap or size cap would refuse every query or document)."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return kind(default)
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value <= 0:
        what = "a whole number" if kind is int else "a number"
        raise ThbGraphError(f"{name}={raw!r}: expected {what} above 0")
    return value


@dataclass(frozen=True)
class Limits:
    """What the public SPARQL endpoint allows; each can be set by an environment variable
    (read when the limits are made, not when this module is imported)."""

    query_timeout_s: float = field(
        default_factory=lambda: _positive("THBGRAPH_QUERY_TIMEOUT", 30, float)
    )
    max_results: int = field(default_factory=lambda: _positive("THBGRAPH_MAX_RESULTS", 100000, int))
    max_body_bytes: int = field(
        default_factory=lambda: _positive("THBGRAPH_MAX_BODY", 1024 * 1024, int)
    )
    max_document_bytes: int = field(
        default_factory=lambda: _positive("THBGRAPH_MAX_DOCUMENT", 20 * 1024 * 1024, int)
    )
