"""The store's change log: one entry per build, add, remove or load, written in the same generation.

Each change is a few triples in the runs graph (volatile, left out of canonical comparisons), so
it rides on the generation swap: a reader sees the change and its entry together, or neither.
A build starts a new store from nothing, so it carries the previous generation's log over.

Each change also keeps what it did as an RDF Patch (https://afs.github.io/rdf-delta/rdf-patch.html):
`D` rows for the quads it removed, `A` rows for those it added, headers `id` (the change) and
`prev` (the change before it). The patch is a file in the generation's folder
(`patches/<generation>.rdfp.gz`), so it is swapped in with the change; each new generation
hard-links the earlier patches, so the current generation holds the whole history. A mirror that
applies every patch in order, oldest first, holds the store's quads (all named graphs but the runs
graph, whose provenance of runs is volatile).

Each generation also keeps a digest of every replicated graph (`graph-digests.json.gz`: quad count
and SHA-256 of its sorted rows). A build compares the digests of what it is about to load (its own
quads, with typed literals and language tags in the store's canonical form) with the previous
generation's, and reads from the previous store only the graphs that differ: a rebuild of an
unchanged corpus reads neither store back (before, each side was read in full: ~24 s a side at
5.8e5 quads on a loaded 2-core machine). `add`, `remove` and `load` update the digests of the
graphs they touched.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import heapq
import io
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import StoreError
from .queries import load_query
from .store import RemoteGraphStore
from .vocab import BASE, GRAPH_RUNS, RDF, THB, XSD

__all__ = [
    "AS",
    "PATCH_TYPE",
    "Change",
    "ChangeRecorder",
    "apply_patch",
    "carry_over",
    "change_quads",
    "changes_from_rows",
    "graph_lines",
    "graph_size",
    "patch_path",
    "read_changes",
    "read_digests",
]

AS = "https://www.w3.org/ns/activitystreams#"
KINDS = ("build", "add", "remove", "load")
PATCHES = "patches"  # the folder of RDF Patches inside a generation
PATCH_SUFFIX = ".rdfp.gz"
PATCH_TYPE = "application/rdf-patch"
DIGESTS = "graph-digests.json.gz"  # per replicated graph: [quads, sha256 of its sorted rows]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
GENERATION_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,80}")
REMOTE_NO_LOG = (
    "the remote store {location} keeps no change log: builds, adds, removes and loads are logged "
    "(with their RDF Patches) by embedded stores only; run `thbgraph changes` on an embedded store"
)
MAX_PATCH_ROWS = 50_000_000  # a patch applied by `apply_patch` is bounded
MAX_CHANGES = 10_000  # the log read at once is bounded


@dataclass(frozen=True)
class Change:
    """One entry of the change log."""

    iri: str
    kind: str
    published: str  # xsd:dateTime, UTC
    documents: list[str]  # source file names
    added: int
    removed: int
    generation: str


def change_quads(
    kind: str,
    documents: list[str],
    *,
    added: int,
    removed: int,
    generation: str,
    when: dt.datetime | None = None,
) -> list[ox.Quad]:
    """The quads of one change-log entry, in the runs graph."""
    if kind not in KINDS:
        raise ValueError(f"unknown change kind {kind!r}")
    when = when or dt.datetime.now(dt.UTC)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    change = ox.NamedNode(f"{BASE}id/change/{generation}")
    g = ox.NamedNode(str(GRAPH_RUNS))
    integer = ox.NamedNode(str(XSD.integer))
    quads = [
        ox.Quad(change, ox.NamedNode(str(RDF.type)), ox.NamedNode(AS + "Activity"), g),
        ox.Quad(change, ox.NamedNode(str(THB.changeKind)), ox.Literal(kind), g),
        ox.Quad(
            change,
            ox.NamedNode(AS + "published"),
            ox.Literal(stamp, datatype=ox.NamedNode(str(XSD.dateTime))),
            g,
        ),
        ox.Quad(
            change, ox.NamedNode(str(THB.triplesAdded)), ox.Literal(str(added), datatype=integer), g
        ),
        ox.Quad(
            change,
            ox.NamedNode(str(THB.triplesRemoved)),
            ox.Literal(str(removed), datatype=integer),
            g,
        ),
        ox.Quad(change, ox.NamedNode(str(THB.generation)), ox.Literal(generation), g),
    ]
    quads += [
        ox.Quad(change, ox.NamedNode(str(THB.sourceFile)), ox.Literal(name), g)
        for name in sorted(set(documents))
    ]
    return quads


def graph_size(store: ox.Store, graph: str) -> int:
    """The number of quads in one named graph."""
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def carry_over(root: Path) -> tuple[list[ox.Quad], int]:
    """The current generation's change-log quads and its size without the runs graph
    (what a build replaces); nothing when there is no current generation yet."""
    current = Path(root) / "current"
    if not current.exists():
        return [], 0
    src = ox.Store.read_only(str(current.resolve()))
    try:
        runs = ox.NamedNode(str(GRAPH_RUNS))
        log_subjects = {
            q.subject
            for q in src.quads_for_pattern(
                None, ox.NamedNode(str(RDF.type)), ox.NamedNode(AS + "Activity"), runs
            )
        }
        quads = [q for s in log_subjects for q in src.quads_for_pattern(s, None, None, runs)]
        size = len(src) - graph_size(src, str(GRAPH_RUNS))
    finally:
        del src
    return quads, size


def read_changes(store: Any, *, limit: int = MAX_CHANGES) -> list[Change]:
    """The change log of a store (a GraphStore or the server's handle), newest first.

    A remote store keeps none (its builds replace graphs over the Graph Store Protocol, with no
    generation to hold a log entry and its patch): StoreError says so rather than an empty log.
    """
    if isinstance(store, RemoteGraphStore):
        raise StoreError(REMOTE_NO_LOG.format(location=store.location))
    return changes_from_rows(store.select(load_query("changes")), limit=limit)


def changes_from_rows(rows: list[dict[str, Any]], *, limit: int = MAX_CHANGES) -> list[Change]:
    """Changes from the rows of the `changes` query (plain values), newest first."""
    out = []
    for r in rows[: max(0, min(limit, MAX_CHANGES))]:
        files = r.get("files") or ""
        out.append(
            Change(
                iri=str(r["change"]),
                kind=str(r["kind"]),
                published=str(r["published"]),
                documents=sorted(f for f in files.split("\n") if f),
                added=int(r["added"]),
                removed=int(r["removed"]),
                generation=str(r["generation"]),
            )
        )
    return out


# -- RDF Patch ----------------------------------------------------------------------------------
def _line(q: ox.Quad) -> str:
    """A quad as an N-Quads row without its final dot (the form canonical N-Quads sort)."""
    return f"{q.subject} {q.predicate} {q.object} {q.graph_name}"


def _kept(q: ox.Quad) -> bool:
    """Whether a quad is replicated: named graphs only, not the runs graph (nor the union copy)."""
    return isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value != str(GRAPH_RUNS)


def _lines(store: ox.Store, graphs: Iterable[ox.NamedNode] | None = None) -> set[str]:
    """The replicated quads of a store (or of some of its graphs) as N-Quads rows; graph by
    graph, so the union copy in the default graph is never read."""
    if graphs is None:
        graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
    return {
        _line(q) for g in graphs for q in store.quads_for_pattern(None, None, None, g) if _kept(q)
    }


def _canonical_literals(quads: Iterable[ox.Quad]) -> dict[ox.Literal, str]:
    """The store's form of the literals it does not keep as written (typed values such as
    "1.00"^^xsd:decimal, stored as "1"; language tags, stored in lower case): each distinct one
    written once into a store in memory and read back."""
    odd: set[ox.Literal] = set()
    for q in quads:
        o = q.object
        if not isinstance(o, ox.Literal):
            continue
        dtype = o.datatype.value
        if (dtype not in (_XSD_STRING, _LANG_STRING)) or (
            o.language and o.language.lower() != o.language
        ):
            odd.add(o)
    items = sorted(odd, key=str)
    mem = ox.Store()
    pred = ox.NamedNode("urn:thbgraph:canonical")
    mem.extend(ox.Quad(ox.NamedNode(f"urn:thbgraph:l{i}"), pred, o) for i, o in enumerate(items))
    out: dict[ox.Literal, str] = {}
    for q in mem.quads_for_pattern(None, pred, None, None):
        if isinstance(q.subject, ox.NamedNode):
            out[items[int(q.subject.value.removeprefix("urn:thbgraph:l"))]] = str(q.object)
    return out


def graph_lines(quads: Iterable[ox.Quad]) -> dict[str, set[str]]:
    """The replicated quads about to be written, as the store will give them back (N-Quads rows,
    see `_line`), per named graph, without reading any store."""
    quads = [q for q in quads if _kept(q)]
    canon = _canonical_literals(quads)
    out: dict[str, set[str]] = {}
    for q in quads:
        o = canon.get(q.object) if isinstance(q.object, ox.Literal) else None
        line = f"{q.subject} {q.predicate} {o or q.object} {q.graph_name}"
        out.setdefault(q.graph_name.value, set()).add(line)  # type: ignore[union-attr]
    return out


def _digest(lines: set[str]) -> list[Any]:
    h = hashlib.sha256()
    for row in sorted(lines):
        h.update(row.encode("utf-8"))
        h.update(b"\n")
    return [len(lines), h.hexdigest()]


def _by_graph(lines: Iterable[str]) -> dict[str, set[str]]:
    """Rows grouped by their graph (the last term of a row: an IRI in angle brackets)."""
    out: dict[str, set[str]] = {}
    for row in lines:
        graph = row[row.rindex(" <") + 2 : -1]
        out.setdefault(graph, set()).add(row)
    return out


def read_digests(generation_dir: Path) -> dict[str, list[Any]] | None:
    """The graph digests kept in a generation's folder, or None (an older generation)."""
    try:
        found: dict[str, list[Any]] = json.loads(
            gzip.decompress((generation_dir / DIGESTS).read_bytes())
        )
    except (OSError, ValueError):
        return None
    return found


def _write_digests(generation_dir: Path, digests: dict[str, list[Any]]) -> None:
    tmp = generation_dir / f".{DIGESTS}.tmp"
    tmp.write_bytes(_gzip(json.dumps(digests, sort_keys=True).encode("utf-8")))
    os.replace(tmp, generation_dir / DIGESTS)


def patch_rows(
    removed: set[str], added: set[str], *, change: str, prev: str | None
) -> Iterator[str]:
    """The rows of an RDF Patch: the `id` and `prev` headers, then one transaction of D rows
    and A rows (each sorted)."""
    yield f"H id <{change}> ."
    if prev:
        yield f"H prev <{prev}> ."
    yield "TX ."
    for r in sorted(removed):
        yield f"D {r} ."
    for r in sorted(added):
        yield f"A {r} ."
    yield "TC ."


def patch_text(removed: set[str], added: set[str], *, change: str, prev: str | None) -> bytes:
    """An RDF Patch as one text (`patch_rows`)."""
    return "".join(r + "\n" for r in patch_rows(removed, added, change=change, prev=prev)).encode()


def _gzip(data: bytes) -> bytes:
    """gzip with no name and no time in its header: the same patch gives the same bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as out:
        out.write(data)
    return buf.getvalue()


def patch_path(generation_dir: Path, generation: str) -> Path | None:
    """The RDF Patch of change `generation` kept in a generation's folder, or None."""
    if not GENERATION_NAME.fullmatch(generation):
        return None
    path = Path(generation_dir) / PATCHES / f"{generation}{PATCH_SUFFIX}"
    return path if path.is_file() else None


def _newest_change(quads: Iterable[ox.Quad]) -> str | None:
    """The IRI of the newest change among change-log quads (by as:published)."""
    stamps = [
        (q.object.value, q.subject.value)
        for q in quads
        if q.predicate.value == AS + "published"
        and isinstance(q.subject, ox.NamedNode)
        and isinstance(q.object, ox.Literal)
    ]
    return max(stamps)[1] if stamps else None


class ChangeRecorder:
    """Records one change of a new generation: its RDF Patch and its change-log entry.

    `watch` the graphs a change is about to touch (an add or remove on a copied generation), or
    `watch_all` for a build (the previous generation is the before-state); `finish` compares with
    the after-state, writes the patch into the generation's folder and the entry into its runs graph.
    """

    def __init__(self, root: Path, generation_dir: Path, inner: ox.Store, kind: str) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown change kind {kind!r}")
        self.root, self.dir, self.inner, self.kind = Path(root), Path(generation_dir), inner, kind
        self._graphs: set[ox.NamedNode] = set()
        self._before: set[str] = set()
        self._all = False
        self._prev_quads: list[ox.Quad] = []
        self._expected: dict[str, set[str]] | None = None  # a build's rows, per graph
        self._prev_digests: dict[str, list[Any]] = {}
        self._digests: dict[str, list[Any]] = {}  # a build's, from its quads
        self._stream: _StreamDiff | None = None  # a streaming build's (`watch_stream`)

    def watch(self, graphs: Iterable[ox.NamedNode]) -> None:
        """Note the before-state of graphs about to change (call before changing them)."""
        new = {g for g in graphs if g not in self._graphs}
        self._graphs |= new
        self._before |= _lines(self.inner, new)

    def watch_all(self, log: list[ox.Quad], expected: Iterable[ox.Quad] | None = None) -> None:
        """A build: the before-state is the whole current generation (nothing if there is none);
        `log` is the change log carried over (the newest entry of it is the patch's `prev`).

        With `expected` (every quad the build is about to load), only the graphs whose digest
        differs from the current generation's are read from it, and the new store is not read
        back; without, or when the current generation keeps no digests, both are read in full."""
        self._all = True
        self._prev_quads = log
        current = self.root / "current"
        previous = read_digests(current.resolve()) if current.exists() else {}
        if expected is not None and previous is not None:
            lines = graph_lines(expected)
            self._digests = {g: _digest(rows) for g, rows in lines.items()}
            self._prev_digests = previous
            # only the rows of the graphs that differ are kept (for the patch): a rebuild of an
            # unchanged corpus keeps none
            self._expected = {g: rows for g, rows in lines.items() if self._differs(g)}
            return
        if current.exists():
            src = ox.Store.read_only(str(current.resolve()))
            try:
                self._before = _lines(src)
            finally:
                del src

    def watch_stream(self, log: list[ox.Quad]) -> None:
        """A streaming build: like `watch_all` with the build's quads, but they come in batches
        (`expect`), each named graph whole in one batch. Per graph, its digest is compared with
        the current generation's and only a graph that differs is read from it; the rows that
        differ go to sorted files on disk (one per batch, merged by `finish`), so no batch's rows
        are kept once it is loaded."""
        self._all = True
        self._prev_quads = log
        current = self.root / "current"
        self._stream = _StreamDiff(self.dir, current.resolve() if current.exists() else None)

    def expect(self, quads: Iterable[ox.Quad]) -> None:
        """One batch of a streaming build's quads (`watch_stream`)."""
        if self._stream is None:
            raise StoreError("internal error: ChangeRecorder.expect before watch_stream")
        self._stream.add(graph_lines(quads))

    def finish(self, documents: list[str]) -> tuple[int, int]:
        """Write the patch, the digests and the log entry; the (added, removed) quad counts. The
        after-state is read back from the store (it writes some typed literals in their canonical
        form), except for a build given its quads (`watch_all`, `watch_stream`), whose rows are
        put in that form."""
        if self._stream is not None:
            return self._finish_stream(self._stream, documents)
        return self._finish(documents)

    def _finish_stream(self, stream: _StreamDiff, documents: list[str]) -> tuple[int, int]:
        self._stream = None
        try:
            stream.close()
            _write_digests(self.dir, stream.digests)
            name = self.dir.name
            change = f"{BASE}id/change/{name}"
            prev = _newest_change(self._prev_quads)
            self._write_patch(name, stream.patch_rows(change=change, prev=prev))
            added, removed = stream.added, stream.removed
        finally:
            stream.discard()
        self.inner.extend(
            change_quads(self.kind, documents, added=added, removed=removed, generation=name)
        )
        return added, removed

    def _finish(self, documents: list[str]) -> tuple[int, int]:
        """Write the patch, the digests and the log entry; the (added, removed) quad counts. The
        after-state is read back from the store (it writes some typed literals in their canonical
        form), except for a build given its quads (`watch_all`), whose rows are put in that form."""
        digests: dict[str, list[Any]] | None
        if self._expected is not None:
            added, removed, digests = self._compare_with_digests(self._expected)
            self._expected = {}  # the rows are in `added` and `removed` now
        else:
            after = _lines(self.inner) if self._all else _lines(self.inner, self._graphs)
            added, removed = after - self._before, self._before - after
            digests = self._digests_after(after)
        if digests is not None:
            _write_digests(self.dir, digests)
        if self._all:
            prev = _newest_change(self._prev_quads)
        else:
            runs = ox.NamedNode(str(GRAPH_RUNS))
            published = ox.NamedNode(AS + "published")
            prev = _newest_change(self.inner.quads_for_pattern(None, published, None, runs))
        name = self.dir.name
        change = f"{BASE}id/change/{name}"
        self._write_patch(name, patch_rows(removed, added, change=change, prev=prev))
        self.inner.extend(
            change_quads(
                self.kind, documents, added=len(added), removed=len(removed), generation=name
            )
        )
        return len(added), len(removed)

    def _compare_with_digests(
        self, expected: dict[str, set[str]]
    ) -> tuple[set[str], set[str], dict[str, list[Any]]]:
        """A build's added and removed rows from the digests: the current generation is read only
        for the graphs that changed or went."""
        digests = self._digests
        differ = sorted(g for g in set(digests) | set(self._prev_digests) if self._differs(g))
        before: set[str] = set()
        current = self.root / "current"
        old = [ox.NamedNode(g) for g in differ if g in self._prev_digests]
        if old and current.exists():
            src = ox.Store.read_only(str(current.resolve()))
            try:
                before = _lines(src, old)
            finally:
                del src
        after: set[str] = set()
        for g in differ:
            after |= expected.get(g, set())
        return after - before, before - after, digests

    def _differs(self, graph: str) -> bool:
        return self._digests.get(graph) != self._prev_digests.get(graph)

    def _digests_after(self, after: set[str]) -> dict[str, list[Any]] | None:
        """The new generation's digests from its rows read back: all of them for a build; for a
        change, the current generation's with the watched graphs' replaced (None without them)."""
        if self._all:
            return {g: _digest(rows) for g, rows in _by_graph(after).items()}
        current = self.root / "current"
        previous = read_digests(current.resolve()) if current.exists() else None
        if previous is None:
            return None
        grouped = _by_graph(after)
        for g in self._graphs:
            rows = grouped.get(g.value)
            if rows:
                previous[g.value] = _digest(rows)
            else:
                previous.pop(g.value, None)
        return previous

    def _write_patch(self, name: str, rows: Iterable[str]) -> None:
        folder = self.dir / PATCHES
        folder.mkdir(exist_ok=True)
        earlier = (self.root / "current").resolve() / PATCHES
        if earlier.is_dir() and earlier != folder:
            for old in earlier.iterdir():
                if old.name.endswith(PATCH_SUFFIX) and not (folder / old.name).exists():
                    try:
                        os.link(old, folder / old.name)  # the same bytes, no copy
                    except OSError:
                        (folder / old.name).write_bytes(old.read_bytes())
        tmp = folder / f".{name}.tmp"
        # streamed through gzip (as `_gzip`: no name, no time), never the whole text at once
        with (
            tmp.open("wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out,
        ):
            batch: list[str] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 10_000:
                    out.write(("\n".join(batch) + "\n").encode("utf-8"))
                    batch.clear()
            if batch:
                out.write(("\n".join(batch) + "\n").encode("utf-8"))
        os.replace(tmp, folder / f"{name}{PATCH_SUFFIX}")


class _StreamDiff:
    """The rows a streaming build adds and removes, graph by graph, kept in sorted files."""

    def __init__(self, generation_dir: Path, previous: Path | None) -> None:
        self.dir = generation_dir / ".patch-rows"
        self.dir.mkdir(exist_ok=True)
        self.previous = previous
        prev: dict[str, Any] | None = read_digests(previous) if previous is not None else {}
        self._src: ox.Store | None = None
        if previous is not None and prev is None:  # an older generation: every graph differs
            self._src = ox.Store.read_only(str(previous))
            prev = dict.fromkeys(_graph_names(self._src))
        self.prev_digests: dict[str, Any] = dict(prev or {})
        self.digests: dict[str, list[Any]] = {}
        self.files: dict[str, list[Path]] = {"A": [], "D": []}
        self.added = self.removed = 0

    def _old_rows(self, graphs: list[str]) -> set[str]:
        if not graphs or self.previous is None:
            return set()
        if self._src is None:
            self._src = ox.Store.read_only(str(self.previous))
        return _lines(self._src, [ox.NamedNode(g) for g in graphs])

    def _spill(self, kind: str, rows: set[str]) -> None:
        if not rows:
            return
        path = self.dir / f"{kind}-{len(self.files[kind]):06d}"
        with path.open("w", encoding="utf-8") as out:
            out.writelines(r + "\n" for r in sorted(rows))
        self.files[kind].append(path)
        if kind == "A":
            self.added += len(rows)
        else:
            self.removed += len(rows)

    def add(self, lines: dict[str, set[str]]) -> None:
        differ = []
        for g, rows in lines.items():
            if g in self.digests:
                raise StoreError(f"internal error: graph <{g}> given in two batches of a build")
            self.digests[g] = _digest(rows)
            if self.digests[g] != self.prev_digests.get(g):
                differ.append(g)
        before = self._old_rows([g for g in differ if g in self.prev_digests])
        after: set[str] = set()
        for g in differ:
            after |= lines[g]
        self._spill("A", after - before)
        self._spill("D", before - after)

    def close(self) -> None:
        """The graphs of the current generation that the build no longer has: all removed."""
        gone = sorted(g for g in self.prev_digests if g not in self.digests)
        self._spill("D", self._old_rows(gone))
        self._src = None

    def patch_rows(self, *, change: str, prev: str | None) -> Iterator[str]:
        """As `patch_rows`: the headers, then the D rows and the A rows, each sorted (a merge
        of the sorted files)."""
        yield f"H id <{change}> ."
        if prev:
            yield f"H prev <{prev}> ."
        yield "TX ."
        for kind in ("D", "A"):
            handles = [p.open(encoding="utf-8") for p in self.files[kind]]
            try:
                for row in heapq.merge(*handles, key=_unterminated):
                    yield f"{kind} {row.rstrip(chr(10))} ."
            finally:
                for h in handles:
                    h.close()
        yield "TC ."

    def discard(self) -> None:
        self._src = None
        shutil.rmtree(self.dir, ignore_errors=True)


def _unterminated(row: str) -> str:
    return row.rstrip("\n")


def _graph_names(store: ox.Store) -> list[str]:
    return [
        g.value
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode) and g.value != str(GRAPH_RUNS)
    ]


def _rows(data: bytes) -> Iterator[tuple[str, str]]:
    for number, raw in enumerate(data.decode("utf-8").splitlines(), 1):
        if number > MAX_PATCH_ROWS:
            raise ValueError(f"a patch has more than {MAX_PATCH_ROWS} rows")
        row = raw.strip()
        if not row or row.startswith("#"):
            continue
        op, _, rest = row.partition(" ")
        yield op, rest


def apply_patch(store: ox.Store, data: bytes) -> tuple[int, int]:
    """Apply an RDF Patch (plain or gzip) to a store: rows in order, runs of A or D rows at once.

    Only what thbgraph writes is read: H, TX, TC, A and D rows with quads; the (added, removed)
    row counts. ValueError on anything else (a TA row aborts: nothing of it is applied).
    """
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    batches: list[tuple[str, list[str]]] = []
    for op, rest in _rows(data):
        if op in ("H", "TX", "TC"):
            continue
        if op == "TA":
            raise ValueError("the patch aborts its transaction (TA): nothing applied")
        if op not in ("A", "D"):
            raise ValueError(f"unsupported RDF Patch row {op!r}")
        if not batches or batches[-1][0] != op:
            batches.append((op, []))
        batches[-1][1].append(rest)
    counts = {"A": 0, "D": 0}
    for op, rows in batches:
        quads = list(ox.parse("\n".join(rows) + "\n", format=ox.RdfFormat.N_QUADS))
        counts[op] += len(quads)
        if op == "A":
            store.extend(quads)
        else:
            for q in quads:
                store.remove(q)
    return counts["A"], counts["D"]
