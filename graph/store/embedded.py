"""The embedded store: an on-disk pyoxigraph store with atomic generations, or in memory.

On disk, a store is a directory:

    STORE/
      current -> generations/20261124T193000-1234   (symlink, swapped atomically)
      generations/<id>/                              (one pyoxigraph (RocksDB) store each)

A build writes a whole new generation and swaps `current` only when it succeeded, so a failed or
killed build leaves the previous store untouched, and a reader sees the old or the new graph,
never a mix. Readers open the generation read-only, so many processes can read at once.

A change to an existing store (`add`, `remove`, `load`) copies the current generation first: a
RocksDB checkpoint, which hard-links its files, so the copy costs milliseconds whatever the size.
Writers take an exclusive lock on `STORE/.write-lock` from that copy to the swap, so two writers
never both start from the same generation and lose one another's change.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import itertools
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..errors import StoreError
from .bindings import inject_values
from .terms import to_python

__all__ = ["COMMIT_HOOKS", "Generation", "GraphStore", "sync_union", "union_kwargs"]

CURRENT = "current"
GENERATIONS = "generations"
WRITE_LOCK = ".write-lock"
# A copied generation is fully compacted only when its own new files reach this share of the
# store, or the store has this many files; below that, RocksDB's background compaction (run while
# the writer has the store open) merges the small files of single-document changes. Measured at
# 1e6 quads: a full compaction costs 5-7 s, while 60 one-document adds in a row kept 17-80 files
# and unchanged query times.
COMPACT_NEW_SHARE = 0.25
LOAD_BATCH = 200_000  # quads handed to the bulk loader at once by `Generation.load_quads`
COMPACT_MAX_FILES = 256
# Side indexes kept in step with the store (the full-text index, graph/answers/fulltext.py): each
# hook is called by `Generation.commit` before the swap and writes its files into the generation's
# directory, so they are swapped in with it. A hook that fails fails the commit.
COMMIT_HOOKS: list[Callable[[Generation], None]] = []


_DG = ox.DefaultGraph()


def has_union_copy(inner: ox.Store) -> bool:
    """Whether the store's real default graph holds the deduplicated union (see `sync_union`)."""
    return next(iter(inner.quads_for_pattern(None, None, None, _DG)), None) is not None


def union_kwargs(inner: ox.Store) -> dict[str, Any]:
    """Query options for "the default graph is the union of the named graphs", as a set.

    pyoxigraph's own union (`use_default_graph_as_union`) repeats a triple stated in two graphs;
    a store written by a `Generation` keeps a deduplicated copy of the union in its real default
    graph, queried directly. A store without one (in memory, or an older one) falls back.
    """
    return {} if has_union_copy(inner) else {"use_default_graph_as_union": True}


def sync_triples(inner: ox.Store, triples: Iterable[ox.Triple]) -> None:
    """Bring the union copy up to date over these triples only: each is in the default graph
    exactly when some named graph states it. Point reads, no scan of the store (a full scan makes
    RocksDB compact, and a copied generation would stop sharing the current one's files)."""
    for t in triples:
        quad = ox.Quad(t.subject, t.predicate, t.object, _DG)
        stated = any(
            not isinstance(q.graph_name, ox.DefaultGraph)
            for q in inner.quads_for_pattern(t.subject, t.predicate, t.object, None)
        )
        if stated:
            inner.add(quad)
        else:
            inner.remove(quad)


def sync_union(inner: ox.Store) -> None:
    """Make the real default graph the set of triples of all named graphs.

    Only the difference is written, so a one-document change stays a small write (and the new
    generation keeps sharing the old one's files, see `needs_compaction`).
    """
    union: set[ox.Triple] = set()
    copy: set[ox.Triple] = set()
    for q in inner.quads_for_pattern(None, None, None, None):
        (copy if isinstance(q.graph_name, ox.DefaultGraph) else union).add(q.triple)
    for t in copy - union:
        inner.remove(ox.Quad(t.subject, t.predicate, t.object, _DG))
    inner.extend(ox.Quad(t.subject, t.predicate, t.object, _DG) for t in union - copy)


class GraphStore:
    """A SPARQL-queryable quad store. The default graph of a query is the union of all graphs."""

    def __init__(
        self, inner: ox.Store, *, location: Path | None = None, generation: Path | None = None
    ) -> None:
        self.inner = inner
        self.location = location
        self.generation = generation  # the generation directory opened (None in memory)

    # -- reading ---------------------------------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Any] | None = None,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Any:
        """Run a SPARQL query with values bound to variables (never pasted into the text).

        Without `default_graphs`, the default graph is the union of all named graphs.
        """
        if bindings:
            # A VALUES block at the start of the WHERE group: values are serialised as RDF terms
            # (never pasted as text), and the engine plans with them, unlike `substitutions`
            # (measured 7x slower on cited-by).
            sparql = inject_values(sparql, bindings)
        kwargs: dict[str, Any] = {}
        if default_graphs is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        else:
            # only an on-disk store keeps the union copy; an in-memory one may hold real default data
            on_disk = self.location is not None
            kwargs.update(
                union_kwargs(self.inner) if on_disk else {"use_default_graph_as_union": True}
            )
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        return self.inner.query(sparql, **kwargs)

    def select(
        self, sparql: str, *, bindings: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """SELECT rows as dicts of variable name -> Python value (str/int/float/bool) or None."""
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        rows = []
        for sol in result:
            rows.append({n: to_python(sol[n]) for n in names})
        return rows

    def named_graphs(self) -> list[tuple[str, int]]:
        """Each named graph with its number of quads, sorted by IRI."""
        out = []
        for g in self.inner.named_graphs():
            if isinstance(g, ox.NamedNode):
                out.append(
                    (g.value, sum(1 for _ in self.inner.quads_for_pattern(None, None, None, g)))
                )
        return sorted(out)

    def __len__(self) -> int:
        """The number of quads in the named graphs (the union copy in the default graph is not counted)."""
        return len(self.inner) - sum(1 for _ in self.inner.quads_for_pattern(None, None, None, _DG))

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, *, graph: str | None = None) -> bytes:
        """Serialise the whole store (one quad per named graph, without the union copy) or one graph."""
        buf = io.BytesIO()
        if graph is None:
            quads = (q for q in self.inner if not isinstance(q.graph_name, ox.DefaultGraph))
            ox.serialize(quads, buf, format=fmt)
        else:
            self.inner.dump(buf, format=fmt, from_graph=ox.NamedNode(graph))
        return buf.getvalue()

    def canonical_nquads(self, *, exclude_graphs: Iterable[str] = ()) -> str:
        """Sorted N-Quads without the excluded graphs: equal stores give equal strings.

        The store holds no blank nodes (the builder skolemises them), so sorting is canonical.
        """
        skip = set(exclude_graphs)
        lines = []
        for q in self.inner:
            if isinstance(q.graph_name, ox.DefaultGraph):  # the union copy, derived
                continue
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value in skip:
                continue
            lines.append(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .")
        lines.sort()
        return "\n".join(lines) + ("\n" if lines else "")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            del self.inner

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Generation:
    """A new generation of an on-disk store, written aside and made current only by `commit()`.

    Use as a context manager: leaving the block with an exception discards the generation.
    """

    def __init__(self, root: str | Path, *, copy_current: bool = False) -> None:
        self.root = Path(root)
        try:
            (self.root / GENERATIONS).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the store directory {self.root}: {exc.strerror}"
            ) from exc
        if not os.access(self.root, os.W_OK):
            raise StoreError(f"the store directory {self.root} is not writable")
        self._lock: int | None = _write_lock(self.root)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
        self.path = self.root / GENERATIONS / f"{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**9}"
        self.copied = False
        try:
            if copy_current and (self.root / CURRENT).exists():
                src = ox.Store.read_only(str((self.root / CURRENT).resolve()))
                src.backup(str(self.path))
                del src
                self.copied = True
            self.store = GraphStore(ox.Store(str(self.path)), location=self.root)
        except OSError as exc:
            shutil.rmtree(self.path, ignore_errors=True)
            self._unlock()
            raise StoreError(f"cannot write a new store generation in {self.root}: {exc}") from exc
        self.committed = False
        self._touched: set[ox.NamedNode] = set()
        self._candidates: set[ox.Triple] = set()
        self._union_loaded = False  # the union copy written by load_quads

    def touch(self, graph: ox.NamedNode) -> None:
        """Note a graph of a copied generation about to change (call before removing or adding
        its quads): `commit` updates the union copy over its old and new triples."""
        self._touched.add(graph)
        quads = self.store.inner.quads_for_pattern(None, None, None, graph)
        self._candidates.update(q.triple for q in quads)

    def changed_triples(self) -> set[ox.Triple]:
        """The old and new triples of the graphs touched (after `_sync_union`, as in `commit`);
        for a new (not copied) generation, which is all new, the side indexes ignore them."""
        return set(self._candidates)

    def _sync_union(self) -> None:
        inner = self.store.inner
        if not self.copied and not self._union_loaded:
            sync_union(inner)
            return
        for g in self._touched:
            self._candidates.update(q.triple for q in inner.quads_for_pattern(None, None, None, g))
        sync_triples(inner, self._candidates)

    def load_nquads(self, data: bytes | Iterator[bytes]) -> None:
        """Bulk-load N-Quads into the new generation."""
        try:
            self.store.inner.bulk_load(
                data if isinstance(data, bytes) else b"".join(data), format=ox.RdfFormat.N_QUADS
            )
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot load data into the new store generation: {exc}") from exc

    def load_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Bulk-load named-graph quads into a new generation, streamed (never all serialised at
        once), with the union copy of their triples written in the same pass; `commit` then
        updates the union copy only over the graphs `touch`ed after the load, instead of reading
        the whole store back (`sync_union`: ~4 s for 4e4 quads on a loaded machine)."""
        if self.copied:
            raise StoreError("load_quads fills a new generation; a copied one is changed in place")

        def with_union() -> Iterator[ox.Quad]:
            for q in quads:
                if isinstance(q.graph_name, ox.DefaultGraph):
                    continue  # the default graph holds the union copy only
                yield q
                # a triple of several graphs is written to the default graph once per graph: the
                # store keeps one (no set of every triple held here)
                yield ox.Quad(q.subject, q.predicate, q.object, _DG)

        stream = with_union()
        try:
            # in batches: one call buffers what it is given before writing (measured: +0.8 GB for
            # 1.15e6 quads at once); each batch writes its own files, compacted at `commit`
            while batch := list(itertools.islice(stream, LOAD_BATCH)):
                self.store.inner.bulk_extend(batch)
        except OSError as exc:
            raise StoreError(f"cannot load data into the new store generation: {exc}") from exc
        self._union_loaded = True

    def commit(self) -> None:
        """Make this generation the current one (atomic rename of a symlink), then drop old ones.

        A new store is compacted in full; a copied one only when the change was large
        (see `needs_compaction`), since a full compaction rewrites every file of the store.
        """
        try:
            self._sync_union()  # in the same generation: swapped in with the change
            self.store.inner.flush()
            if not self.copied or self.needs_compaction():
                self.store.inner.optimize()
            for hook in COMMIT_HOOKS:
                hook(self)
        except OSError as exc:
            raise StoreError(f"cannot write the store at {self.root}: {exc}") from exc
        del self.store.inner
        link_tmp = self.root / f".{CURRENT}.{os.getpid()}.tmp"
        with contextlib.suppress(FileNotFoundError):
            link_tmp.unlink()
        previous = (self.root / CURRENT).resolve() if (self.root / CURRENT).exists() else None
        try:
            os.symlink(Path(GENERATIONS) / self.path.name, link_tmp)
            os.replace(link_tmp, self.root / CURRENT)
            _fsync_dir(self.root)
        except OSError as exc:
            raise StoreError(
                f"cannot switch the store at {self.root} to the new graph: {exc}"
            ) from exc
        self.committed = True
        self._collect(keep={self.path.name, previous.name if previous else ""})
        self._unlock()

    def needs_compaction(self) -> bool:
        """Whether this copied generation should be compacted in full before it is swapped in.

        Files still shared (hard-linked) with the current generation are unchanged; the files
        only this generation has were written by its change. Call after `flush()`.
        """
        files = []
        for p in self.path.glob("*.sst"):
            with contextlib.suppress(FileNotFoundError):  # removed by a background compaction
                files.append(p.stat())
        if len(files) > COMPACT_MAX_FILES:
            return True
        total = sum(f.st_size for f in files)
        new = sum(f.st_size for f in files if f.st_nlink == 1)
        return total > 0 and new > COMPACT_NEW_SHARE * total

    def discard(self) -> None:
        """Throw the new generation away; the current one is untouched."""
        with contextlib.suppress(Exception):
            del self.store.inner
        shutil.rmtree(self.path, ignore_errors=True)
        self._unlock()

    def _unlock(self) -> None:
        fd = getattr(self, "_lock", None)  # None also when __init__ failed before locking
        if fd is not None:
            self._lock = None
            with contextlib.suppress(OSError):
                os.close(fd)  # closing the descriptor releases the flock

    def _collect(self, keep: set[str]) -> None:
        """Remove generations other than the current and the previous one (a reader may still use it)."""
        for p in (self.root / GENERATIONS).iterdir():
            if p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)

    def __enter__(self) -> Generation:
        return self

    def __del__(self) -> None:
        self._unlock()  # a generation dropped without commit() or discard() still frees the lock

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None or not self.committed:
            self.discard()


def _write_lock(root: Path) -> int:
    """Wait for, then hold, the store's writer lock (released when the descriptor is closed)."""
    try:
        fd = os.open(root / WRITE_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot lock the store at {root}: {exc.strerror}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except OSError as exc:
        os.close(fd)
        raise StoreError(f"cannot lock the store at {root}: {exc.strerror}") from exc
    return fd


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
