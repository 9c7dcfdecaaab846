"""A per-user cache of data derived from bundled files (the compiled shapes, the parsed register).

Deriving them costs a short command such as `thbgraph add` a few tenths of a second each time.
A cache file is named after a digest of everything it is derived from, so a changed input simply
misses; files of the same kind with another digest are removed when a new one is written. The
folder is $THBGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/thbgraph, else ~/.cache/thbgraph. A cache
that cannot be read or written is no error: the data is derived again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["cache_file", "read_cached", "write_cached"]


def _folder() -> Path | None:
    folder = os.environ.get("THBGRAPH_CACHE_DIR")
    if folder:
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if base.startswith("~"):  # no home directory to expand
        return None
    return Path(base) / "thbgraph"


def cache_file(kind: str, sources: list[bytes], suffix: str) -> Path | None:
    """The cache file for data of `kind` derived from `sources` (None when there is no folder)."""
    folder = _folder()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for source in sources:
        digest.update(hashlib.sha256(source).digest())
    return folder / f"{kind}-{digest.hexdigest()[:32]}{suffix}"


def read_cached(path: Path) -> bytes | None:
    """The cache file's bytes, or None when it is missing or unreadable."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_cached(path: Path, data: bytes) -> None:
    """Write the cache file atomically (a temporary file, renamed) and drop stale ones of its kind."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    for stale in path.parent.glob(f"{kind}-*{path.suffix}"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()
