"""Defaults gathered in one place: where the store lives, and the limits of the endpoint."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Limits:
    """What the public SPARQL endpoint allows; each can be set by an environment variable."""

    query_timeout_s: float = float(os.environ.get("THBGRAPH_QUERY_TIMEOUT", "30"))
    max_results: int = int(os.environ.get("THBGRAPH_MAX_RESULTS", "100000"))
    max_body_bytes: int = int(os.environ.get("THBGRAPH_MAX_BODY", str(1024 * 1024)))
    max_document_bytes: int = int(os.environ.get("THBGRAPH_MAX_DOCUMENT", str(20 * 1024 * 1024)))
