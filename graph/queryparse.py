"""Decide on the parsed query: a full SPARQL 1.1 parser, limits first, fail closed.

The token scan in queryguard.py is one line of defence; this is the second. The query is measured
before any parsing (length, bracket depth, so that the parser cannot recurse to death), then
parsed with rdflib's full-grammar SPARQL 1.1 parser (PN_LOCAL escapes, \\u code points, comments,
nested groups, sub-queries). The parse tree is walked: SERVICE anywhere is refused, an update
request is refused, and a query the parser cannot read is refused (fail closed) rather than
handed to the engine. Every refusal is a QueryError (400) naming what or which limit.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .caps import caps
from .errors import QueryError

__all__ = ["QueryLimits", "check_parsed", "measure"]


@dataclass(frozen=True)
class QueryLimits:
    """Work limits checked before the query is parsed or run (defaults: graph/caps.py)."""

    max_query_chars: int = field(default_factory=lambda: caps().max_query_chars)
    max_depth: int = field(default_factory=lambda: caps().max_query_depth)
    max_triple_patterns: int = field(default_factory=lambda: caps().max_triple_patterns)


# Strings, IRIs and comments are skipped when counting brackets; escapes inside them included.
_SKIP = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n\r]*|\\.",
    re.DOTALL,
)
# reserved, not used: pages are touched only as it recurses (the depth limit bounds how far); it
# counts against a query worker's address-space cap while the parse runs
_STACK_BYTES = 64 * 1024 * 1024
_RECURSION = 20_000
_STACK_LOCK = threading.Lock()
if sys.getrecursionlimit() < _RECURSION:  # the parse thread's stack is sized for it
    sys.setrecursionlimit(_RECURSION)
_OPEN = {"{": "}", "(": ")", "[": "]"}


def measure(text: str, limits: QueryLimits) -> None:
    """Refuse a query over the length or nesting limit, before any parser sees it."""
    if len(text) > limits.max_query_chars:
        raise QueryError(
            f"the query has {len(text)} characters: over the limit max_query_chars="
            f"{limits.max_query_chars}"
        )
    depth = worst = 0
    bangs = 0
    pos = 0
    for m in _SKIP.finditer(text):
        depth, worst, bangs = _count(text[pos : m.start()], depth, worst, bangs)
        pos = m.end()
    depth, worst, bangs = _count(text[pos:], depth, worst, bangs)
    if max(worst, bangs) > limits.max_depth:
        raise QueryError(
            f"the query nests {max(worst, bangs)} levels deep: over the limit max_query_depth="
            f"{limits.max_depth}"
        )


def _count(chunk: str, depth: int, worst: int, bangs: int) -> tuple[int, int, int]:
    """Bracket depth and longest run of unary operators in a chunk outside strings and IRIs."""
    run = 0
    for ch in chunk:
        if ch in _OPEN:
            depth += 1
            worst = max(worst, depth)
        elif ch in "})]":
            depth = max(0, depth - 1)
        if ch in "!-+":
            run += 1
            bangs = max(bangs, run)
        elif not ch.isspace():
            run = 0
    return depth, worst, bangs


def _walk(node: object, seen: dict[str, int], budget: list[int]) -> None:
    """Count node kinds of a pyparsing parse tree (iteratively, bounded)."""
    stack = [node]
    while stack:
        budget[0] -= 1
        if budget[0] < 0:
            raise QueryError("the query is too large to inspect: simplify it")
        cur = stack.pop()
        name = getattr(cur, "name", None)
        if isinstance(name, str):
            seen[name] = seen.get(name, 0) + 1
            if name == "TriplesBlock":
                found = cur.get("triples") if hasattr(cur, "get") else None
                seen["triples"] = seen.get("triples", 0) + len(found or [])
        if isinstance(cur, dict):
            stack.extend(cur.values())
        if isinstance(cur, (list, tuple)) or hasattr(cur, "as_list"):
            with contextlib.suppress(TypeError):
                stack.extend(list(cur))  # type: ignore[call-overload]  # pyparsing results iterate


def check_parsed(text: str, limits: QueryLimits | None = None) -> None:
    """Measure, parse with the full grammar and refuse SERVICE, updates and unparsable text."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    limits = limits or QueryLimits()
    measure(text, limits)
    try:
        tree = _in_big_stack(parseQuery, text)
    except RecursionError as exc:
        raise QueryError(
            f"the query nests too deeply to parse: over the limit max_query_depth={limits.max_depth}"
        ) from exc
    except MemoryError:  # the worker's memory cap, not the query's syntax: the caller answers 503
        raise
    except (ParseException, Exception) as exc:  # any parser failure: refuse
        if _is_update(text, parseUpdate):
            raise QueryError(
                "SPARQL Update is refused: this endpoint is read-only; "
                "send a SELECT, ASK, CONSTRUCT or DESCRIBE query"
            ) from exc
        engine = _engine_syntax_error(text)
        if engine:
            raise QueryError(engine) from exc
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"SPARQL syntax error (the query is refused unread): {first}") from exc
    seen: dict[str, int] = {}
    _walk(tree, seen, [200_000])
    if seen.get("ServiceGraphPattern"):
        raise QueryError(
            "SERVICE is refused: this endpoint never sends requests to other endpoints "
            "(federated queries are disabled); run the remote part against its own endpoint"
        )
    if seen.get("triples", 0) > limits.max_triple_patterns:
        raise QueryError(
            f"the query has {seen['triples']} triple patterns: over the limit "
            f"max_triple_patterns={limits.max_triple_patterns}"
        )


def _in_big_stack(func: Callable[[str], Any], text: str) -> Any:
    """Run the parser in a thread with a large stack: it recurses once per triple and group."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = func(text)
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    with _STACK_LOCK:
        old = threading.stack_size(_STACK_BYTES)
        try:
            thread = threading.Thread(target=run, name="thbgraph-sparql-parse", daemon=True)
            thread.start()
        except RuntimeError as exc:  # no room for the parse thread's stack under a memory cap
            raise MemoryError("no memory for the query parser's stack") from exc
        finally:
            threading.stack_size(old)
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _engine_syntax_error(text: str) -> str:
    """The engine's own syntax message (with line and column), from a child with no network.

    Only asked when the full-grammar parser already refused the query. The child leaves the
    network (a new network namespace) before pyoxigraph sees the text, so even a query that the
    engine would accept and run cannot connect anywhere; it is killed after 2 s. '' if unknown.
    """
    import ctypes
    import ctypes.util
    import select
    import signal

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller
        try:
            os.close(read_end)
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.unshare(0x40000000) != 0:  # CLONE_NEWNET refused: do not run the engine
                os._exit(1)
            import pyoxigraph

            message = ""
            try:
                pyoxigraph.Store().query(text)
            except SyntaxError as err:
                message = str(err).splitlines()[0][:300]
            os.write(write_end, message.encode("utf-8", "replace"))
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 2.0)
        data = os.read(read_end, 4096) if ready else b""
    finally:
        os.close(read_end)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    message = data.decode("utf-8", "replace").strip()
    if not message:
        return ""
    return f"SPARQL syntax {message}" if message.startswith("error") else message


def _is_update(text: str, parse_update: object) -> bool:
    try:
        _in_big_stack(parse_update, text)  # type: ignore[arg-type]
    except Exception:
        return False
    return True
