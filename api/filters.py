"""The enumerated filters of the JSON lists, checked against the values the store knows.

A filter that names something (a body, a kind, an organiser, a commitment) and matches nothing
the store knows is a client mistake, not an empty answer: `/api/search?body=nope` answers 400
naming the parameter and the known values, as a wrong `kind` of `/api/actors` does. The known
values come from the same answers the filters apply to (the unfiltered list, the search index),
read once per store generation in this process, so a check costs a set lookup.
Free-text filters ("part of": `series`, `place`, `text`, `q`) are not checked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from starlette.concurrency import run_in_threadpool

from ..graph.answers import normalise_user_symbol
from ..graph.answers.fulltext import indexed_bodies, indexed_kinds
from ..graph.errors import ThbGraphError
from ..graph.store import GraphStore

__all__ = [
    "Known",
    "check_choice",
    "check_commitment_filters",
    "check_meeting_filters",
    "check_search_filters",
]

Spellings = dict[str, str | None]
"""{accepted spelling, lower-cased: the id it is shown as in the message, or None (a label)}."""

ID = "https://w3id.org/thbgraph/id/"
SHOWN = 20  # known values named in the message, at most


def _short(iri: str | None) -> str:
    return (iri or "").removeprefix(ID)


def check_choice(
    parameter: str, value: str | None, known: Spellings, what: str, *, exact: bool = False
) -> None:
    """Raise a 400 error naming `parameter` and the known values when `value` is none of the
    `known` spellings (compared lower-cased, or `exact`ly as the answer compares them)."""
    if value is None or (value if exact else value.strip().lower()) in known:
        return
    ids = sorted({v for v in known.values() if v})
    shown = ", ".join(ids[:SHOWN]) + (f" (and {len(ids) - SHOWN} more)" if len(ids) > SHOWN else "")
    raise ThbGraphError(
        f"{parameter}: unknown {what} {value!r}; known: {shown or 'none in this store'}"
    )


def _spellings(ids: Iterable[str | None], labels: Iterable[str | None] = ()) -> Spellings:
    """The spellings the lists accept for `ids` (as is, without `org/`, lower-cased) and for
    `labels` (names), as graph/answers compares them."""
    out: Spellings = {}
    for ident in ids:
        if ident:
            for form in (ident, ident.removeprefix("org/")):
                out[form.strip().lower()] = ident
    for label in labels:
        if label:
            out.setdefault(label.strip().lower(), None)
    return out


class Known:
    """The known values of the enumerated filters of one store generation (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._values: dict[str, Spellings] = {}

    def peek(self, generation: str, name: str) -> Spellings | None:
        """The known values `name` of `generation`, if computed already."""
        with self._lock:
            return self._values.get(name) if generation == self._generation else None

    def get(self, generation: str, name: str, compute: Any) -> Spellings:
        """The known values `name` of `generation`, computed by `compute()` on first use."""
        with self._lock:
            if generation != self._generation:
                self._generation, self._values = generation, {}
            found = self._values.get(name)
        if found is None:
            found = compute()
            with self._lock:
                if generation == self._generation:
                    self._values[name] = found
        return found


def search_bodies(store: Any) -> Spellings:
    """The bodies `/api/search?body=` can filter by: the organisations with documents in the
    search index (organisers of their meetings, publishers of their publications)."""
    if not isinstance(store, GraphStore):
        return {}
    # the answer takes the id (org/osce) or the IRI, as written
    return {form: _short(b) for b in indexed_bodies(store) for form in (b, _short(b))}


def search_kinds(store: Any) -> Spellings:
    """The kinds `/api/search?kind=` can filter by: those of the search index's entries."""
    if not isinstance(store, GraphStore):
        return {}
    return {kind: kind for kind in indexed_kinds(store)}  # compared as written


def commitment_bodies(items: list[dict[str, Any]]) -> Spellings:
    """The adopting bodies of `/api/commitments?body=`: id, id without `org/`, name."""
    return _spellings([i.get("body") for i in items], [i.get("body_label") for i in items])


def commitment_symbols(items: list[dict[str, Any]]) -> Spellings:
    """The commitments of `/api/meetings?cites=`, by symbol (as the meetings answer reads it)."""
    out: Spellings = {}
    for item in items:
        symbol = str(item["symbol"])
        out[symbol.lower()] = symbol
        out[normalise_user_symbol(symbol).lower()] = symbol
    return out


def organisers(items: list[dict[str, Any]]) -> Spellings:
    """The organisers of `/api/meetings?organiser=`: id, id without `org/`, name."""
    ids = [o for m in items for o in m.get("organisers") or []]
    labels = [label for m in items for label in m.get("organiser_labels") or []]
    return _spellings(ids, labels)


async def _known(backend: Any, name: str, compute: Any) -> Spellings:
    store = backend.local.store
    found: Spellings = await run_in_threadpool(
        backend.known.get, store.generation(), name, lambda: compute(store.get())
    )
    return found


async def _known_of_list(backend: Any, name: str, answer: str, pick: Any) -> Spellings:
    store = backend.local.store
    generation = store.generation()
    cached: Spellings | None = backend.known.peek(generation, name)
    if cached is not None:
        return cached
    items = await backend.run(answer)
    found: Spellings = backend.known.get(generation, name, lambda: pick(items))
    return found


async def check_search_filters(backend: Any, *, kind: str | None, body: str | None) -> None:
    """`/api/search`: `kind` and `body` must be known to the search index (embedded store)."""
    if kind is not None:
        known = await _known(backend, "kinds", search_kinds)
        check_choice("kind", kind, known, "kind", exact=True)
    if body is not None:
        known = await _known(backend, "bodies", search_bodies)
        check_choice("body", body, known, "body", exact=True)


async def check_commitment_filters(backend: Any, *, body: str | None) -> None:
    """`/api/commitments`: `body` must be the adopting body of some commitment."""
    if body is not None:
        known = await _known_of_list(backend, "adopters", "commitments", commitment_bodies)
        check_choice("body", body, known, "body")


async def check_meeting_filters(backend: Any, *, cites: str | None, organiser: str | None) -> None:
    """`/api/meetings`: `cites` a known commitment, `organiser` a known organiser."""
    if cites is not None:
        known = await _known_of_list(backend, "symbols", "commitments", commitment_symbols)
        if normalise_user_symbol(cites).lower() not in known:
            check_choice("cites", cites, known, "commitment")
    if organiser is not None:
        known = await _known_of_list(backend, "organisers", "meetings", organisers)
        check_choice("organiser", organiser, known, "organiser")
