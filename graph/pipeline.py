"""The build: read -> extract -> build RDF -> validate -> store, atomically.

A build writes a whole new store generation and makes it current only when extraction and
validation succeeded; a document that cannot be read is skipped with one clear line, and the
previous store survives any failure. `add` and `remove` change single document graphs the same way.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import changes
from .answers.fulltext import write_index
from .build import KnownMeeting, MeetingResolver, date_literal, document_quads
from .build.register_graph import register_graph
from .errors import DocumentError, StoreError, ThbGraphError, ValidationFailed
from .model import Extraction, Meeting
from .processes import kill_with_parent
from .queries import load_query
from .readers import read_document, supported_suffixes
from .register import Register, load_register, register_files
from .store import Generation, GraphStore, RemoteGraphStore, remote_location
from .vocab import (
    BASE,
    GRAPH_REGISTER,
    GRAPH_RUNS,
    PROV,
    THB,
    XSD,
    MeetingKey,
    document_graph,
    document_id,
    meeting_iri,
)

if TYPE_CHECKING:
    from .validate.report import ValidationReport

__all__ = [
    "GRAPH_ONTOLOGY",
    "BuildReport",
    "Skipped",
    "add_documents",
    "build_store",
    "bundled_corpus",
    "corpus_files",
    "extract_file",
    "remove_documents",
]

GRAPH_ONTOLOGY = BASE + "graph/ontology"
DOCUMENT_GRAPH_PREFIX = BASE + "graph/document/"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Skipped:
    """A document left out of the build, and why."""

    file: str
    reason: str


@dataclass
class BuildReport:
    """What a build did."""

    store: str
    documents: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    quads: int = 0
    warnings: int = 0
    infos: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step

    def summary(self) -> str:
        """One paragraph for the terminal."""
        lines = [
            f"built {len(self.documents)} document(s) into {self.store}: {self.quads} quads, "
            f"validation: {self.warnings} warning(s), {self.infos} info(s) ({self.seconds:.1f} s)"
        ]
        lines += [f"skipped {s.file}: {s.reason}" for s in self.skipped]
        return "\n".join(lines)


def bundled_corpus() -> Path:
    """The folder of the five bundled seed documents."""
    return Path(str(resources.files("thbgraph.graph.corpus"))) / "documents"


def corpus_files(corpus: Path) -> list[Path]:
    """The readable documents of a corpus folder (or a single file), sorted by name."""
    corpus = Path(corpus)
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        raise DocumentError(f"{corpus}: no such corpus folder")
    suffixes = set(supported_suffixes())
    files = sorted(
        p
        for p in corpus.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith(".")
    )
    if not files:
        raise DocumentError(
            f"{corpus}: no documents to read (looked for {', '.join(sorted(suffixes))})"
        )
    return files


def extract_file(path: Path, register: Register | None = None) -> Extraction:
    """Read and extract one document; DocumentError naming the file when it cannot be read."""
    from .extract import extract  # the extractors are heavy to import; only load when needed

    doc = read_document(path)
    return extract(
        doc.text,
        source=path.name,
        register=register,
        page_starts=doc.page_starts or None,
        sha256=doc.sha256,
        links=doc.links,
    )


# Below this many documents a worker pool costs more than it saves.
_PARALLEL_MIN_FILES = 64
_worker_register: Register | None = None


def _extract_one(path: Path, register: Register | None = None) -> Extraction | Skipped:
    """One document's extraction, or why it was skipped (never raises for a bad document)."""
    try:
        return extract_file(path, register if register is not None else _worker_register)
    except DocumentError as exc:
        return Skipped(str(path), str(exc).removeprefix(f"{path}: "))
    except RecursionError:
        return Skipped(str(path), "the document is nested too deeply to read")
    except (ImportError, ThbGraphError):
        raise
    except Exception as exc:  # an extractor bug must not stop the other documents
        return Skipped(
            str(path), f"internal extractor error ({type(exc).__name__}: {exc}); please report it"
        )


def _extract_all(
    files: Iterable[Path], register: Register, progress: Progress | None
) -> tuple[list[Extraction], list[Skipped]]:
    """Extract every file, in order; a large corpus is spread over the machine's cores."""
    paths = list(files)
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < _PARALLEL_MIN_FILES or workers < 2:
        outcomes: Iterable[Extraction | Skipped] = (
            _progress_then(progress, p, _extract_one, register) for p in paths
        )
    else:
        outcomes = _extract_parallel(paths, register, progress, workers)
    done: list[Extraction] = []
    skipped: list[Skipped] = []
    for outcome in outcomes:
        (skipped if isinstance(outcome, Skipped) else done).append(outcome)  # type: ignore[arg-type]
    return done, skipped


def _progress_then(
    progress: Progress | None, path: Path, fn: Callable[..., Extraction | Skipped], *args: object
) -> Extraction | Skipped:
    if progress:
        progress(path.name)
    return fn(path, *args)


def _extract_parallel(
    paths: list[Path], register: Register, progress: Progress | None, workers: int
) -> Iterable[Extraction | Skipped]:
    """Extraction in forked worker processes that inherit the loaded register; results in order."""
    global _worker_register
    _worker_register = register
    context = multiprocessing.get_context("fork")
    try:
        # each worker dies with the build (PR_SET_PDEATHSIG): a `kill -9` leaves no orphan
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=kill_with_parent
        ) as pool:
            for path, outcome in zip(
                paths, pool.map(_extract_one, paths, chunksize=16), strict=True
            ):
                if progress:
                    progress(path.name)
                yield outcome
    except BrokenProcessPool as exc:
        raise ThbGraphError(
            "an extraction worker process died (out of memory?); the store is unchanged"
        ) from exc
    finally:
        _worker_register = None


def _static_quads() -> list[ox.Quad]:
    """The register and the ontology, each in its own named graph."""
    quads: list[ox.Quad] = []
    reg = ox.NamedNode(str(GRAPH_REGISTER))
    for f in register_files():
        quads += [
            ox.Quad(t.subject, t.predicate, t.object, reg)
            for t in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE)
        ]
    quads = register_graph(quads)  # places as IRIs, entailed types and properties
    onto = Path(str(resources.files("thbgraph.ontology"))) / "thbgraph.ttl"
    if onto.is_file():
        g = ox.NamedNode(GRAPH_ONTOLOGY)
        quads += [
            ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(path=str(onto), format=ox.RdfFormat.TURTLE)
        ]
    return quads


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _run_quads(
    extractions: list[Extraction], doc_ids: list[str], now: str | None = None
) -> list[ox.Quad]:
    now = now or _now()
    runs = ox.NamedNode(str(GRAPH_RUNS))
    out = []
    for ex, did in zip(extractions, doc_ids, strict=True):
        activity = ox.NamedNode(f"{BASE}id/activity/{did}/{(ex.sha256 or '0' * 12)[:12]}")
        out.append(
            ox.Quad(
                activity,
                ox.NamedNode(str(PROV.endedAtTime)),
                ox.Literal(now, datatype=ox.NamedNode(str(XSD.dateTime))),
                runs,
            )
        )
    return out


def _document_quads(
    extractions: list[Extraction],
    register: Register,
    resolver: MeetingResolver,
    seen: set[str] | None = None,
) -> tuple[list[ox.Quad], list[str]]:
    """The quads of each document's graph, and its id (unique among `seen`, the ids given so far
    in this build: batches of one build share it)."""
    quads: list[ox.Quad] = []
    ids: list[str] = []
    seen = set() if seen is None else seen
    for ex in extractions:
        did = document_id(ex.source)
        base, n = did, 2
        while did in seen:  # two files with the same stem in different folders
            did, n = f"{base}_{n}", n + 1
        seen.add(did)
        ids.append(did)
        iris = [resolver.resolve(m) if m.role == "subject" else _mentioned(m) for m in ex.meetings]
        quads += document_quads(ex, register, iris, doc_id=did)
    return quads, ids


def _mentioned(m: Meeting) -> str:
    """A meeting the document only mentions keeps the IRI its own dates and title give."""
    return meeting_iri(MeetingKey(m.start_date, m.end_date, m.title))


def _check(report: ValidationReport) -> tuple[int, int]:
    """The (warnings, infos) of a build's report; ValidationFailed (with it) on any violation."""
    if not report.conforms:
        raise ValidationFailed(
            f"the new graph does not pass SHACL validation ({report.counts['Violation']} "
            "violation(s), report above); the previous store is kept",
            report.text(),
        )
    return report.counts["Warning"], report.counts["Info"]


def _validate(quads: list[ox.Quad]) -> tuple[int, int]:
    """SHACL-validate the new data as one graph; ValidationFailed (with the report) on any violation."""
    from .validate import validate_quads

    return _check(validate_quads(quads))  # the fast engine: no rdflib parse of the data


# Documents extracted, turned into quads, validated and loaded at once by a build: its memory
# depends on this, not on the corpus (apart from the meeting resolver's keys and the ids).
BUILD_BATCH = 500


def _extract_batches(
    files: list[Path], register: Register, progress: Progress | None, size: int
) -> Iterator[tuple[list[Extraction], list[Skipped]]]:
    """The corpus's extractions `size` documents at a time, in order. On a large corpus, worker
    processes extract the next batch while the caller turns this one into the store."""
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    workers = min(os.cpu_count() or 1, 8)
    if len(files) < _PARALLEL_MIN_FILES or workers < 2:
        for chunk in chunks:
            yield _split(_progress_then(progress, p, _extract_one, register) for p in chunk)
        return
    global _worker_register
    _worker_register = register
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=kill_with_parent
    )
    try:
        pending = pool.map(_extract_one, chunks[0], chunksize=16)
        for i, chunk in enumerate(chunks):
            outcomes: list[Extraction | Skipped] = []
            for path, outcome in zip(chunk, pending, strict=True):
                if progress:
                    progress(path.name)
                outcomes.append(outcome)
            if i + 1 < len(chunks):  # the workers start on the next batch now
                pending = pool.map(_extract_one, chunks[i + 1], chunksize=16)
            yield _split(outcomes)
    except BrokenProcessPool as exc:
        raise ThbGraphError(
            "an extraction worker process died (out of memory?); the store is unchanged"
        ) from exc
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _worker_register = None


def _split(outcomes: Iterable[Extraction | Skipped]) -> tuple[list[Extraction], list[Skipped]]:
    done: list[Extraction] = []
    skipped: list[Skipped] = []
    for outcome in outcomes:
        if isinstance(outcome, Skipped):
            skipped.append(outcome)
        else:
            done.append(outcome)
    return done, skipped


def build_store(
    store_path: Path,
    *,
    corpus: Path | None = None,
    progress: Progress | None = None,
    batch_size: int = BUILD_BATCH,
) -> BuildReport:
    """Build a new store from a corpus (the bundled one by default) and swap it in atomically.

    Streamed: `batch_size` documents at a time are extracted, turned into quads, SHACL-validated
    with their neighbourhood (graph/validate/batches.py) and loaded into the new generation, so
    the memory a build takes does not grow with the corpus (the meeting resolver's keys and the
    document ids are the only things kept for all documents). A violation anywhere discards the
    new generation: the previous store is kept.
    """
    if remote_location(store_path) is not None:
        return _build_remote(store_path, corpus=corpus, progress=progress)
    from .validate.batches import BatchValidator

    started = time.perf_counter()
    timings = dict.fromkeys(("extract", "rdf", "validate", "store"), 0.0)
    register = load_register()
    files = corpus_files(corpus or bundled_corpus())
    now = _now()
    resolver = MeetingResolver()
    seen: set[str] = set()
    ids: list[str] = []
    sources: list[str] = []
    skipped: list[Skipped] = []
    with Generation(store_path) as gen:
        t = time.perf_counter()
        static = _static_quads()
        timings["rdf"] += time.perf_counter() - t
        t = time.perf_counter()
        log, _ = changes.carry_over(store_path)  # the change log survives a rebuild
        recorder = changes.ChangeRecorder(store_path, gen.path, gen.store.inner, "build")
        recorder.watch_stream(log)  # only the graphs that changed are read
        gen.load_quads(static)
        recorder.expect(static)
        timings["store"] += time.perf_counter() - t
        t = time.perf_counter()
        validator = BatchValidator(gen.store)
        validator.register_wide(static)  # the register-wide shapes, once
        timings["validate"] += time.perf_counter() - t
        count = len(static)
        del static
        t = time.perf_counter()
        for extractions, skips in _extract_batches(files, register, progress, batch_size):
            timings["extract"] += time.perf_counter() - t  # waiting for the workers
            skipped += skips
            if extractions:
                t = time.perf_counter()
                doc_quads, batch_ids = _document_quads(extractions, register, resolver, seen)
                runs = _run_quads(extractions, batch_ids, now)
                timings["rdf"] += time.perf_counter() - t
                t = time.perf_counter()
                validator.batch(doc_quads)
                timings["validate"] += time.perf_counter() - t
                t = time.perf_counter()
                gen.load_quads(itertools.chain(doc_quads, runs))
                recorder.expect(doc_quads)
                timings["store"] += time.perf_counter() - t
                ids += batch_ids
                sources += [ex.source for ex in extractions]
                count += len(doc_quads) + len(runs)
                del doc_quads, runs, extractions
            t = time.perf_counter()
        if not ids:
            raise DocumentError(
                "no document could be read, the previous store is kept: "
                + "; ".join(f"{s.file}: {s.reason}" for s in skipped)
            )
        t = time.perf_counter()
        warnings, infos = _check(validator.finish())
        timings["validate"] += time.perf_counter() - t
        t = time.perf_counter()
        gen.load_quads(log)
        gen.touch(ox.NamedNode(str(GRAPH_RUNS)))  # the change-log entry comes next
        recorder.finish(sources)  # its patch and log entry
        write_index(gen.store, gen.path)
        gen.commit()
        timings["store"] += time.perf_counter() - t
    return BuildReport(
        store=str(store_path),
        documents=ids,
        skipped=skipped,
        quads=count,
        warnings=warnings,
        infos=infos,
        seconds=time.perf_counter() - started,
        timings=timings,
    )


def _build_remote(
    store_path: Path, *, corpus: Path | None, progress: Progress | None
) -> BuildReport:
    """A build into a remote SPARQL server: the whole graph at once (a graph store's PUTs)."""
    started = time.perf_counter()
    timings: dict[str, float] = {}
    register = load_register()
    files = corpus_files(corpus or bundled_corpus())
    extractions, skipped = _extract_all(files, register, progress)
    timings["extract"] = time.perf_counter() - started
    if not extractions:
        raise DocumentError(
            "no document could be read, the previous store is kept: "
            + "; ".join(f"{s.file}: {s.reason}" for s in skipped)
        )
    t = time.perf_counter()
    doc_quads, ids = _document_quads(extractions, register, MeetingResolver())
    static = _static_quads()
    timings["rdf"] = time.perf_counter() - t
    t = time.perf_counter()
    warnings, infos = _validate(static + doc_quads)
    timings["validate"] = time.perf_counter() - t
    t = time.perf_counter()
    everything = static + doc_quads + _run_quads(extractions, ids)
    remote = remote_location(store_path)
    with RemoteGraphStore(remote) as server:  # type: ignore[arg-type]
        server.replace_all(everything)
    timings["store"] = time.perf_counter() - t
    return BuildReport(
        store=remote or str(store_path),
        documents=ids,
        skipped=skipped,
        quads=len(everything),
        warnings=warnings,
        infos=infos,
        seconds=time.perf_counter() - started,
        timings=timings,
    )


def _known_meetings(store: GraphStore, extractions: list[Extraction]) -> list[KnownMeeting]:
    """The meetings in the store that the new documents' meetings may be the same as.

    The resolver only joins meetings whose start dates agree, so only meetings starting on one of
    the new documents' dates are read (an indexed lookup, not a scan of every meeting).
    """
    dates = sorted(
        {
            m.start_date
            for ex in extractions
            for m in ex.meetings
            if m.role == "subject" and m.start_date is not None
        }
    )
    if not dates:
        return []
    rows = store.select(
        load_query("known_meetings"), bindings={"date": [date_literal(d) for d in dates]}
    )
    return [
        KnownMeeting(r["m"], r["start"] or None, r["end"] or None, r["title"] or None) for r in rows
    ]


def _embedded_only(store_path: Path, command: str) -> None:
    """`add`, `remove` and `load` write store generations: not on a remote SPARQL server."""
    if remote_location(store_path) is not None:
        raise StoreError(
            f"`thbgraph {command}` works on an embedded store; for the remote store "
            f"{remote_location(store_path)} run `thbgraph build --corpus DIR --store ...` instead"
        )


def add_documents(
    store_path: Path, files: list[Path], *, progress: Progress | None = None
) -> BuildReport:
    """Add (or replace) documents in an existing store, changing only their graphs."""
    _embedded_only(store_path, "add")
    started = time.perf_counter()
    timings: dict[str, float] = {}
    register = load_register()
    timings["register"] = time.perf_counter() - started
    t = time.perf_counter()
    extractions, skipped = _extract_all(files, register, progress)
    timings["extract"] = time.perf_counter() - t
    if not extractions:
        raise DocumentError(
            "no document could be read, the store is unchanged: "
            + "; ".join(f"{s.file}: {s.reason}" for s in skipped)
        )
    t = time.perf_counter()
    with Generation(store_path, copy_current=True) as gen:
        timings["copy"] = time.perf_counter() - t
        t = time.perf_counter()
        # the copy is the current store, read under the writer lock: no change is missed
        known = _known_meetings(gen.store, extractions)
        doc_quads, ids = _document_quads(extractions, register, MeetingResolver(known))
        timings["rdf"] = time.perf_counter() - t
        t = time.perf_counter()
        recorder = changes.ChangeRecorder(store_path, gen.path, gen.store.inner, "add")
        recorder.watch({ox.NamedNode(str(document_graph(d))) for d in ids})
        recorder.watch({q.graph_name for q in doc_quads if isinstance(q.graph_name, ox.NamedNode)})
        for did in ids:
            gen.touch(ox.NamedNode(str(document_graph(did))))
            gen.store.inner.remove_graph(ox.NamedNode(str(document_graph(did))))
        gen.store.inner.extend(doc_quads)
        neighbourhood = _neighbourhood(gen.store, doc_quads)
        timings["write"] = time.perf_counter() - t
        t = time.perf_counter()
        warnings, infos = _validate_change(
            neighbourhood,
            {str(q.subject.value) for q in doc_quads if not isinstance(q.subject, ox.Triple)},
        )
        timings["validate"] = time.perf_counter() - t
        t = time.perf_counter()
        gen.touch(ox.NamedNode(str(GRAPH_RUNS)))
        gen.store.inner.extend(_run_quads(extractions, ids))
        recorder.finish([ex.source for ex in extractions])  # its patch and log entry
        gen.commit()
        timings["commit"] = time.perf_counter() - t
    return BuildReport(
        store=remote_location(store_path) or str(store_path),
        documents=ids,
        skipped=skipped,
        quads=len(doc_quads),
        warnings=warnings,
        infos=infos,
        seconds=time.perf_counter() - started,
        timings=timings,
    )


def _validate_change(quads: list[ox.Quad], focus: set[str]) -> tuple[int, int]:
    """SHACL-validate a change: results about the nodes it states facts about count; others come
    from the neighbourhood being partial (a node named at its edge lacks its own values) and were
    valid before. ValidationFailed (with the report) on any violation."""
    from .validate import ValidationReport, validate_quads

    full = validate_quads(quads)
    report = ValidationReport(
        results=[r for r in full.results if r.focus in focus], triples=full.triples
    )
    if not report.conforms:
        raise ValidationFailed(
            f"the new graph does not pass SHACL validation ({report.counts['Violation']} "
            "violation(s), report above); the previous store is kept",
            report.text(),
        )
    return report.counts["Warning"], report.counts["Info"]


def _neighbourhood(store: GraphStore, doc_quads: list[ox.Quad]) -> list[ox.Quad]:
    """What validating new document graphs needs (graph/validate/batches.py: `neighbourhood`)."""
    from .validate.batches import neighbourhood

    return neighbourhood(store, doc_quads)


def remove_documents(store_path: Path, doc_ids: list[str]) -> list[str]:
    """Remove documents (by id or file name) and everything only they supported."""
    _embedded_only(store_path, "remove")
    wanted = [document_id(d) for d in doc_ids]
    runs = ox.NamedNode(str(GRAPH_RUNS))
    with Generation(store_path, copy_current=True) as gen:
        inner = gen.store.inner
        missing = [
            d
            for d, w in zip(doc_ids, wanted, strict=True)
            if not inner.contains_named_graph(ox.NamedNode(str(document_graph(w))))
        ]
        if missing:
            present = sorted(
                g.value.removeprefix(DOCUMENT_GRAPH_PREFIX)
                for g in inner.named_graphs()
                if isinstance(g, ox.NamedNode) and g.value.startswith(DOCUMENT_GRAPH_PREFIX)
            )
            raise StoreError(
                f"no such document in the store: {', '.join(missing)} "
                f"(known: {', '.join(present[:10])})"
            )
        names: list[str] = []
        recorder = changes.ChangeRecorder(store_path, gen.path, inner, "remove")
        recorder.watch(ox.NamedNode(str(document_graph(w))) for w in wanted)
        gen.touch(runs)
        for w in wanted:
            graph = ox.NamedNode(str(document_graph(w)))
            gen.touch(graph)
            names += [
                q.object.value
                for q in inner.quads_for_pattern(
                    None, ox.NamedNode(str(THB.sourceFile)), None, graph
                )
                if isinstance(q.object, ox.Literal)
            ][:1] or [w]
            inner.remove_graph(graph)
            prefix = f"{BASE}id/activity/{w}/"
            stale = [
                q
                for q in inner.quads_for_pattern(None, None, None, runs)
                if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(prefix)
            ]
            for q in stale:
                inner.remove(q)
        recorder.finish(names)  # its patch and log entry
        gen.commit()
    return wanted


def read_manifest() -> dict[str, object]:
    """The manifest of the bundled corpus (file, sha256, source, licence)."""
    path = Path(str(resources.files("thbgraph.graph.corpus"))) / "manifest.json"
    try:
        manifest: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ThbGraphError(f"{path}: cannot read the corpus manifest: {exc}") from exc
    return manifest
