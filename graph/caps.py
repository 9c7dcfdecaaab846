"""Every cap on work in one place: documents read, queries parsed and run, HTTP connections.

Each cap is one field of `Caps` with its environment variable and its default (the table below is
the documentation; README's Security section lists the same). `caps()` reads the environment
once per process; `Caps.from_env(environ)` reads any mapping, and `with_caps(...)` overrides
fields for a block (tests). The endpoint's own limits (query time, result rows, body size) stay
in graph/settings.py `Limits`, which the CLI's `--timeout` sets.

| field | variable | default | what it bounds |
|---|---|---|---|
| pdf_max_stream_mb | THBGRAPH_PDF_MAX_STREAM_MB | 64 | one PDF stream, decoded |
| pdf_max_total_mb | THBGRAPH_PDF_MAX_TOTAL_MB | 256 | all streams of one PDF, decoded |
| pdf_max_decode_s | THBGRAPH_PDF_MAX_DECODE_S | 20 | wall-clock time decoding one PDF's streams |
| pdf_max_pages | THBGRAPH_PDF_MAX_PAGES | 5000 | pages of one PDF |
| docx_max_part_mb | THBGRAPH_DOCX_MAX_PART_MB | 64 | one DOCX (ZIP) part, decompressed |
| html_max_mb | THBGRAPH_HTML_MAX_MB | 8 | one HTML file |
| max_text_chars | THBGRAPH_MAX_TEXT_CHARS | 20000000 | text of one PDF or DOCX (HTML: a quarter) |
| workers_memory_mb | THBGRAPH_MEMORY_MB | 1792 | address space of all query workers together |
| worker_memory_mb | THBGRAPH_WORKER_MEMORY_MB | 0 | one query worker (0: the share of the above) |
| export_timeout_s | THBGRAPH_EXPORT_TIMEOUT_S | 120 | one /export (in a query worker) |
| queue | THBGRAPH_QUEUE | 32 | queries waiting for a worker (then 503 at once) |
| queue_wait_s | THBGRAPH_QUEUE_WAIT_S | 2 | how long a query waits for a worker (then 503) |
| header_timeout_s | THBGRAPH_HEADER_TIMEOUT_S | 10 | a request's headers arriving |
| keepalive_s | THBGRAPH_KEEPALIVE_S | 5 | an idle keep-alive connection |
| max_connections | THBGRAPH_MAX_CONNECTIONS | 512 | open connections (then 503) |
| max_query_chars | THBGRAPH_MAX_QUERY_CHARS | 20000 | a query's length |
| max_query_depth | THBGRAPH_MAX_QUERY_DEPTH | 32 | a query's bracket nesting |
| max_triple_patterns | THBGRAPH_MAX_TRIPLE_PATTERNS | 200 | a query's triple patterns |
| response_cache_mb | THBGRAPH_RESPONSE_CACHE_MB | 64 | answers kept per server process and generation (0: none) |
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ThbGraphError

__all__ = ["ENV", "ZERO_MEANS", "Caps", "caps", "with_caps"]

MB = 1024 * 1024
# A worker's interpreter, rdflib's grammar, the store's mappings and the parse thread's stack take
# ~250-400 MB of address space before any query runs (malloc arenas limited: api/_sandbox.py).
MIN_WORKER_MB = 768

ENV = {
    "pdf_max_stream_mb": "THBGRAPH_PDF_MAX_STREAM_MB",
    "pdf_max_total_mb": "THBGRAPH_PDF_MAX_TOTAL_MB",
    "pdf_max_decode_s": "THBGRAPH_PDF_MAX_DECODE_S",
    "pdf_max_pages": "THBGRAPH_PDF_MAX_PAGES",
    "docx_max_part_mb": "THBGRAPH_DOCX_MAX_PART_MB",
    "html_max_mb": "THBGRAPH_HTML_MAX_MB",
    "max_text_chars": "THBGRAPH_MAX_TEXT_CHARS",
    "workers_memory_mb": "THBGRAPH_MEMORY_MB",
    "worker_memory_mb": "THBGRAPH_WORKER_MEMORY_MB",
    "export_timeout_s": "THBGRAPH_EXPORT_TIMEOUT_S",
    "queue": "THBGRAPH_QUEUE",
    "queue_wait_s": "THBGRAPH_QUEUE_WAIT_S",
    "header_timeout_s": "THBGRAPH_HEADER_TIMEOUT_S",
    "keepalive_s": "THBGRAPH_KEEPALIVE_S",
    "max_connections": "THBGRAPH_MAX_CONNECTIONS",
    "max_query_chars": "THBGRAPH_MAX_QUERY_CHARS",
    "max_query_depth": "THBGRAPH_MAX_QUERY_DEPTH",
    "max_triple_patterns": "THBGRAPH_MAX_TRIPLE_PATTERNS",
    "response_cache_mb": "THBGRAPH_RESPONSE_CACHE_MB",
}


@dataclass(frozen=True)
class Caps:
    """The caps (see the module's table for variables and meaning); sizes in MB, times in s."""

    pdf_max_stream_mb: float = 64
    pdf_max_total_mb: float = 256
    pdf_max_decode_s: float = 20
    pdf_max_pages: int = 5000
    docx_max_part_mb: float = 64
    html_max_mb: float = 8
    max_text_chars: int = 20_000_000
    workers_memory_mb: int = 1792
    worker_memory_mb: int = 0
    export_timeout_s: float = 120
    queue: int = 32
    queue_wait_s: float = 2
    header_timeout_s: float = 10
    keepalive_s: int = 5
    max_connections: int = 512
    max_query_chars: int = 20_000
    max_query_depth: int = 32
    max_triple_patterns: int = 200
    response_cache_mb: float = 64

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Caps:
        """The defaults, with each field whose variable is set in `environ` (os.environ) read
        from it; a value that is not a number, or is negative or zero (where 0 means nothing),
        is refused in one line naming the variable."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV[f.name])
            if raw is None or not raw.strip():
                continue
            kind = int if f.type in {"int", int} else float
            try:
                value = kind(raw)
            except ValueError:
                raise ThbGraphError(
                    f"{ENV[f.name]}={raw!r}: expected {'an integer' if kind is int else 'a number'}"
                ) from None
            values[f.name] = _checked(f.name, raw, value, kind is int)
        return cls(**values)

    def bytes(self, name: str) -> int:
        """A size field (…_mb) in bytes."""
        return int(float(getattr(self, name)) * MB)

    def memory_per_worker_mb(self, workers: int) -> int:
        """One query worker's address-space cap: the explicit one, else an equal share of the
        workers' budget (never below what a worker needs to start)."""
        if self.worker_memory_mb:
            return self.worker_memory_mb
        return max(MIN_WORKER_MB, self.workers_memory_mb // max(1, workers))


# The caps whose 0 means something (documented in the table): every other one must be above 0.
ZERO_MEANS = {
    "worker_memory_mb": "the share of THBGRAPH_MEMORY_MB",
    "response_cache_mb": "no answers kept",
}


def _checked(name: str, raw: str, value: float, whole: bool) -> float:
    """`value` if it is a cap that can be (finite, above 0, or 0 where 0 means something);
    else one line naming the variable: a negative or zero cap would refuse every document or
    query (or, read as 'no limit' by a comparison, none)."""
    if math.isfinite(value) and (value > 0 or (value == 0 and name in ZERO_MEANS)):
        return value
    above = f"{'a whole number' if whole else 'a number'} above 0"
    expected = f"0 ({ZERO_MEANS[name]}) or {above}" if name in ZERO_MEANS else above
    raise ThbGraphError(f"{ENV[name]}={raw!r}: expected {expected}")


_current: Caps | None = None


def caps() -> Caps:
    """The caps of this process (read from the environment at first use)."""
    global _current
    if _current is None:
        _current = Caps.from_env()
    return _current


@contextmanager
def with_caps(**changes: Any) -> Iterator[Caps]:
    """Override some caps of this process for a block (tests), then restore them."""
    global _current
    before = caps()
    _current = replace(before, **changes)
    try:
        yield _current
    finally:
        _current = before
