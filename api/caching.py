"""Conditional requests: an ETag and Last-Modified on every GET answer, 304 when nothing changed.

An answer depends only on the store's generation and the request (path, query parameters,
Accept), so the ETag is a hash of those: it changes when `thbgraph build`, `add` or `remove`
swaps in a new generation, and a client (or a cache) that sends it back in If-None-Match gets a
304 before any query runs. Last-Modified is the time the generation was made current.

The generation is read before the request is answered; a swap during the request can only make
the body newer than its tag, so a later revalidation sees a different tag and fetches again.
A remote store (sparql+http://...) has no generations: its answers carry no validators.

The same key keeps answers: a GET answered 200 is kept in this server process (a bounded LRU,
`THBGRAPH_RESPONSE_CACHE_MB`, of the current generation only) and the next identical request
is answered from it without running the route; an identical request arriving while the first
is still being answered waits for that answer instead of running it again. An answer depends on nothing else, so a kept
answer is the one the route would give, until the generation changes, which empties the cache.
Not kept: answers of queries calling RAND/NOW/UUID/STRUUID/BNODE (different each time), answers
with their own ETag or varying on more than Accept, answers marked `no-store`, large ones (over
an eighth of the budget), anything but 200.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import re
from collections import OrderedDict
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "IMMUTABLE",
    "ConditionalGet",
    "base_url",
    "file_validated",
    "generation_validators",
    "install",
    "request_etag",
]

# Paths with their own validators (StaticFiles; releases, written without a new generation).
SKIP_PREFIXES = ("/static/", "/dumps/releases")
VARY = "Accept"
# functions whose answer differs from one evaluation to the next (SPARQL 1.1 17.4)
VOLATILE = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
FOLLOW_WAIT_S = 60.0  # the longest a request waits for the same request's answer, then runs
CACHE_CONTROL = "public, no-cache"  # caches may keep an answer, revalidating it with the ETag
IMMUTABLE = "public, max-age=31536000, immutable"  # a change's patch, a release's file


def request_etag(
    generation: str, path: str, query_string: bytes, accept: str, base: str = ""
) -> str:
    """The ETag of a GET answer: the generation, the path, the sorted query, Accept and the
    base URL it was asked at (scheme, Host and root path: answers name absolute URLs, the
    SPARQL base IRI, feed and VoID links, so the same path at another host is another body).

    GET and HEAD share it (a HEAD answers what GET would).
    """
    query = sorted(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True))
    digest = hashlib.sha256()
    for part in (generation, path, repr(query), " ".join(accept.split()), base):
        digest.update(part.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
    return f'"{digest.hexdigest()[:32]}"'


def base_url(scope: Scope, headers: Headers) -> str:
    """What of a request's URL an answer may name besides its path: scheme, Host, root path
    (what Starlette's `request.base_url` is made of), the host in one spelling: `Example.org` and
    `example.org:80` share one kept answer instead of each costing an entry."""
    host = headers.get("host")
    if host is None:
        server = scope.get("server")
        host = f"{server[0]}:{server[1]}" if server else ""
    scheme = scope.get("scheme", "http")
    host = host.lower()  # hosts are case-insensitive, a default port names the same origin
    default_port = {"http": ":80", "https": ":443"}.get(scheme)
    if default_port and host.endswith(default_port):
        host = host[: -len(default_port)]
    return f"{scheme}://{host}{scope.get('root_path', '')}"


def generation_validators(store: Any) -> tuple[str, float] | None:
    """The current generation's name and the time it was made current, or None (remote store)."""
    if getattr(store, "remote", True):
        return None
    link = Path(store.location) / "current"
    try:
        target = os.readlink(link)
        made = os.lstat(link).st_mtime
    except OSError:
        return None
    return os.path.basename(os.path.normpath(target)), made


def _etag_matches(header: str, etag: str) -> bool:
    """Weak comparison of If-None-Match (RFC 9110 13.1.2): '*' or any listed tag, W/ or not."""
    if header.strip() == "*":
        return True
    tags = [t.strip().removeprefix("W/") for t in header.split(",")[:64]]  # bounded list
    return etag in tags


def _not_modified_since(header: str, made: float) -> bool:
    try:
        since = parsedate_to_datetime(header).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False  # an unreadable date is ignored (RFC 9110 13.1.3)
    return int(made) <= since


def file_validated(
    request_headers: Headers, tag: str, *, cache_control: str = IMMUTABLE
) -> tuple[bool, dict[str, str]]:
    """Validators for an answer with its own tag (a content hash; the middleware keeps it):
    whether If-None-Match matches it (answer 304), and the headers to send either way."""
    etag = f'"{tag}"'
    header = request_headers.get("if-none-match")
    fresh = header is not None and _etag_matches(header, etag)
    return fresh, {"ETag": etag, "Cache-Control": cache_control}


Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
"""An answer as sent: status, raw headers, body."""


class ResponseCache:
    """Answers of one generation by ETag and URL: (status, headers, body), least recently used first
    out, at most `budget` bytes of bodies (one answer at most an eighth of it)."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.largest = budget // 8
        self.generation = ""
        self.size = 0
        self.hits = 0
        self._items: OrderedDict[str, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()

    def _follow(self, generation: str) -> None:
        if generation != self.generation:
            self._items.clear()
            self.generation, self.size = generation, 0

    def get(self, generation: str, key: str) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        self._follow(generation)
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            self.hits += 1
        return found

    def put(
        self,
        generation: str,
        etag: str,
        status: int,
        headers: list[tuple[bytes, bytes]],
        body: bytes,
    ) -> None:
        self._follow(generation)
        if len(body) > self.largest or etag in self._items:
            return
        self._items[etag] = (status, headers, body)
        self.size += len(body)
        while self.size > self.budget and self._items:
            _, (_, _, old) = self._items.popitem(last=False)
            self.size -= len(old)


class _Flight:
    """A request being answered: identical requests wait for `done`, then take its `answer`."""

    def __init__(self) -> None:
        self.done = asyncio.Event()
        self.answer: Answer | None = None


def _shareable(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether an answer depends on the generation and the cache key alone: not one with its
    own validators (a route that answers its own conditional requests, on a content hash), nor
    one that varies on more than Accept (a patch gzipped or not by Accept-Encoding), nor one
    marked `no-store`."""
    for name, value in headers:
        low = name.lower()
        if low == b"etag":
            return False
        if low == b"vary" and {v.strip() for v in value.lower().split(b",")} - {b"accept"}:
            return False
        if low == b"cache-control" and b"no-store" in value.lower():
            return False
    return True


def _keepable(scope: Scope) -> bool:
    """Whether the answer to this request may be kept: a GET whose query calls no function
    that answers differently each time."""
    if scope["method"] != "GET":
        return False
    query = scope.get("query_string", b"")
    return not (query and VOLATILE.search(unquote_plus(query.decode("latin-1"))))


def _cache_budget() -> int:
    from ..graph.caps import caps

    return int(caps().response_cache_mb * 1024 * 1024)


class ConditionalGet:
    """ASGI middleware: validators on 2xx GET/HEAD answers, 304 for a matching request, and
    answers kept per generation (`ResponseCache`)."""

    def __init__(self, app: ASGIApp, *, cache_bytes: int | None = None) -> None:
        self.app = app
        budget = _cache_budget() if cache_bytes is None else cache_bytes
        self.cache = ResponseCache(budget) if budget > 0 else None
        self._running: dict[str, _Flight] = {}  # the requests being answered, to wait for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"].startswith(SKIP_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        backend = getattr(scope["app"].state, "backend", None)
        validators = generation_validators(backend.local.store) if backend is not None else None
        if validators is None:
            await self.app(scope, receive, send)
            return
        generation, made = validators
        headers = Headers(scope=scope)
        etag = request_etag(
            generation,
            scope["path"],
            scope.get("query_string", b""),
            headers.get("accept", ""),
            base_url(scope, headers),
        )
        extra = {
            "etag": etag,
            "last-modified": formatdate(int(made), usegmt=True),
            "cache-control": CACHE_CONTROL,
        }
        if_none_match = headers.get("if-none-match")
        if_modified_since = headers.get("if-modified-since")
        fresh = (
            _etag_matches(if_none_match, etag)
            if if_none_match is not None
            else if_modified_since is not None and _not_modified_since(if_modified_since, made)
        )
        if fresh:
            out = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()]
            out.append((b"vary", VARY.encode("latin-1")))
            await send({"type": "http.response.start", "status": 304, "headers": out})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_validators(message: Message) -> None:
            if message["type"] == "http.response.start" and 200 <= message["status"] < 300:
                out = MutableHeaders(scope=message)
                if "etag" not in out:
                    for key, value in extra.items():
                        if key not in out:
                            out[key] = value
                    vary = out.get("vary")
                    if vary is None:
                        out["vary"] = VARY
                    elif VARY.lower() not in vary.lower():
                        out["vary"] = f"{vary}, {VARY}"
            await send(message)

        cache = self.cache
        if cache is None or not _keepable(scope):
            await self.app(scope, receive, send_with_validators)
            return
        key = etag  # the base URL is in it: an answer naming its URL is kept per host
        kept = cache.get(generation, key)
        flight = self._running.get(key) if kept is None else None
        if flight is not None:
            # the same request is being answered: wait for its answer rather than run it again
            # (50 clients asking one slow SPARQL query would otherwise queue 50 copies of it),
            # and give the same answer, kept or not (an error, a time limit) as it would be
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(flight.done.wait(), FOLLOW_WAIT_S)
            kept = cache.get(generation, key) or flight.answer
        if kept is not None:
            status, raw, body = kept
            start = {"type": "http.response.start", "status": status, "headers": list(raw)}
            await send_with_validators(start)
            await send_with_validators({"type": "http.response.body", "body": body})
            return
        mine = _Flight() if flight is None else None
        started: dict[str, Any] = {}
        parts: list[bytes] = []

        async def send_and_keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(status=message["status"], headers=list(message["headers"]))
            elif message["type"] == "http.response.body" and started.get("status"):
                parts.append(bytes(message.get("body", b"")))
                if sum(map(len, parts)) > cache.largest:  # too large to keep: stop collecting
                    started["status"] = None
                    parts.clear()
                elif not message.get("more_body", False):
                    answer = (started["status"], started["headers"], b"".join(parts))
                    if _shareable(answer[1]):
                        if mine is not None:
                            mine.answer = answer
                        if answer[0] == 200:
                            cache.put(generation, key, *answer)
            await send_with_validators(message)

        if mine is None:  # waited in vain (too long, or too large to share): run it
            await self.app(scope, receive, send_and_keep)
            return
        self._running[key] = mine
        try:
            await self.app(scope, receive, send_and_keep)
        finally:
            del self._running[key]
            mine.done.set()


def install(app: FastAPI) -> None:
    """Add the conditional-request middleware (call before CORS, so CORS wraps the 304s too)."""
    app.add_middleware(ConditionalGet)
