"""One SQLite side-index file of a generation (the full-text index, the list summary): written to a
temporary file and renamed into place, so a reader sees the old file or the new one, never half of it."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..store import GraphStore


def write_atomically(
    directory: Path,
    name: str,
    what: str,
    fill: Callable[[sqlite3.Connection], object],
    start_from: Path | None = None,
) -> Path:
    """Write `directory/name` by `fill` (on a copy of `start_from` if given), then rename it into place.

    `what` names the index in the one-line error raised when the file cannot be written.
    """
    final = directory / name
    tmp = directory / f".{name}.{os.getpid()}.{threading.get_ident()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        if start_from is not None:
            shutil.copyfile(start_from, tmp)
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            fill(conn)
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, final)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"cannot write the {what} in {directory}: {exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return final


def has_version(path: Path, version: int) -> bool:
    """Whether `path` is a readable index file of this layout `version` (its meta table says so)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return found is not None and found[0] == str(version)


def open_readonly(
    store: Any,
    name: str,
    usable: Callable[[Path], bool],
    opened: MutableMapping[str, sqlite3.Connection],
    lock: threading.Lock | threading.RLock,
    most: int,
) -> sqlite3.Connection | None:
    """A read-only connection to the index file `name` of the store's current generation, kept
    in `opened` (the oldest closed past `most`); None for a store without generations or a
    generation without a usable file (the caller then answers from the queries)."""
    generation = getattr(store, "generation", None)
    if not isinstance(store, GraphStore) or generation is None:
        return None
    path = Path(generation) / name
    with lock:
        conn = opened.get(str(path))
        if conn is None:
            if not path.exists() or not usable(path):
                return None
            conn = sqlite3.connect(
                f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
            )
            while len(opened) >= most:
                opened.pop(next(iter(opened))).close()
            opened[str(path)] = conn
        return conn
