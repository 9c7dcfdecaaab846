"""Releases a researcher can cite, and what changed between two versions of the graph.

`make_release` writes the store as it is now into `STORE/releases/r<N>/`:

    thbgraph-r<N>-<date>.nq.gz    canonical dump: sorted N-Quads of every named graph but the runs
                                  graph (volatile provenance of runs), gzip with no name or time
                                  in its header, so the same graph always gives the same bytes
    thbgraph-r<N>-<date>.void.ttl VoID + DCAT: version, date, quads per graph, licence, checksum,
                                  how to cite
    release.json                  the same facts for programs
    SHA256SUMS                    `sha256sum -c` checks the three files above

A release is written in a temporary folder and renamed into place, under a lock: numbers are
never reused and a reader never sees half a release. `diff` compares two releases or store
generations (per graph: quads added and removed, entities affected).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import gzip
import hashlib
import io
import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import StoreError, ThbGraphError
from .store import open_store
from .vocab import BASE, GRAPH_RUNS

__all__ = [
    "CITATION",
    "LICENCE",
    "Diff",
    "GraphDiff",
    "Release",
    "diff",
    "list_releases",
    "make_release",
    "release_folder",
    "verify_release",
]

RELEASES = "releases"
SUMS = "SHA256SUMS"
META = "release.json"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
TITLE = "thbgraph: anti-trafficking commitments, meetings, actors and publications"
CREATOR = "thbgraph contributors"
CITATION = (
    "{creator} ({year}). {title}, release {number} ({date}) [knowledge graph, N-Quads]. "
    "{iri}. SHA-256 {sha256}."
)
RELEASE_NAME = re.compile(r"r?([1-9][0-9]{0,8})")
MAX_ENTITIES = 10_000  # entities listed by a diff (all are counted)

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
SD = "http://www.w3.org/ns/sparql-service-description#"
SPDX = "http://spdx.org/rdf/terms#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
THB = "https://w3id.org/thbgraph/ontology#"
PREFIXES = {
    "void": VOID,
    "dcat": DCAT,
    "dcterms": DCT,
    "sd": SD,
    "spdx": SPDX,
    "owl": OWL,
    "xsd": XSD,
    "thb": THB,
}


@dataclass(frozen=True)
class Release:
    """One release: its number, date, the generation it was made from, counts and checksums."""

    number: int
    date: str  # YYYY-MM-DD
    generation: str
    quads: int
    graphs: dict[str, int]
    files: dict[str, str]  # file name -> SHA-256 (hex)
    sizes: dict[str, int] = field(default_factory=dict)
    citation: str = ""
    licence: str = LICENCE

    @property
    def name(self) -> str:
        return f"r{self.number}"

    @property
    def dump(self) -> str:
        return f"thbgraph-{self.name}-{self.date}.nq.gz"

    @property
    def iri(self) -> str:
        return f"{BASE}release/{self.number}"


def _releases_dir(root: Path) -> Path:
    return Path(root) / RELEASES


def _gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as out:
        out.write(data)
    return buf.getvalue()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _graph_counts(nquads: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS):
        if isinstance(q.graph_name, ox.NamedNode):
            counts[q.graph_name.value] += 1
    return dict(sorted(counts.items()))


def list_releases(root: Path) -> list[Release]:
    """The store's releases, oldest first (a folder without a readable release.json is skipped)."""
    folder = _releases_dir(root)
    if not folder.is_dir():
        return []
    out = []
    for sub in folder.iterdir():
        match = RELEASE_NAME.fullmatch(sub.name)
        if not match or not sub.name.startswith("r") or not (sub / META).is_file():
            continue
        try:
            meta = json.loads((sub / META).read_text(encoding="utf-8"))
            out.append(Release(**meta))
        except (OSError, ValueError, TypeError):
            continue
    return sorted(out, key=lambda r: r.number)


def release_folder(root: Path, name: str) -> Path | None:
    """The folder of release `name` (`r3` or `3`), or None."""
    match = RELEASE_NAME.fullmatch(name.strip())
    if not match:
        return None
    folder = _releases_dir(root) / f"r{int(match.group(1))}"
    return folder if (folder / META).is_file() else None


def _void(release: Release, previous: Release | None) -> bytes:
    """VoID + DCAT (DCAT 3 versions, SPDX checksum) for a release, as Turtle."""
    nn, lit = ox.NamedNode, ox.Literal
    ds, dist = nn(release.iri), nn(f"{BASE}dumps/releases/{release.name}/{release.dump}")
    integer, date = nn(XSD + "integer"), nn(XSD + "date")
    t: list[ox.Triple] = []

    def add(
        s: ox.NamedNode | ox.BlankNode, p: str, o: ox.NamedNode | ox.BlankNode | ox.Literal
    ) -> None:
        t.append(ox.Triple(s, nn(p), o))

    add(ds, RDF_TYPE, nn(VOID + "Dataset"))
    add(ds, RDF_TYPE, nn(DCAT + "Dataset"))
    add(ds, DCT + "title", lit(f"{TITLE}, release {release.number}", language="en"))
    add(ds, DCT + "creator", lit(CREATOR))
    add(ds, DCT + "issued", lit(release.date, datatype=date))
    add(ds, DCT + "license", nn(release.licence))
    add(ds, DCT + "isVersionOf", nn(f"{BASE}dataset"))
    add(ds, DCAT + "version", lit(str(release.number)))
    add(ds, OWL + "versionInfo", lit(release.name))
    add(ds, DCT + "bibliographicCitation", lit(release.citation, language="en"))
    add(ds, THB + "generation", lit(release.generation))
    add(ds, VOID + "triples", lit(str(release.quads), datatype=integer))
    add(ds, VOID + "dataDump", dist)
    add(ds, DCAT + "distribution", dist)
    if previous is not None:
        add(ds, DCAT + "previousVersion", nn(previous.iri))
    for n, (g, count) in enumerate(release.graphs.items()):
        sub = ox.BlankNode(f"g{n}")
        add(ds, VOID + "subset", sub)
        add(sub, RDF_TYPE, nn(VOID + "Dataset"))
        add(sub, SD + "name", nn(g))
        add(sub, VOID + "triples", lit(str(count), datatype=integer))
    add(dist, RDF_TYPE, nn(DCAT + "Distribution"))
    add(dist, DCAT + "downloadURL", dist)
    add(
        dist,
        DCAT + "mediaType",
        nn("https://www.iana.org/assignments/media-types/application/n-quads"),
    )
    add(
        dist,
        DCAT + "compressFormat",
        nn("https://www.iana.org/assignments/media-types/application/gzip"),
    )
    add(dist, DCAT + "byteSize", lit(str(release.sizes[release.dump]), datatype=integer))
    checksum = ox.BlankNode("sha256")
    add(dist, SPDX + "checksum", checksum)
    add(checksum, RDF_TYPE, nn(SPDX + "Checksum"))
    add(checksum, SPDX + "algorithm", nn(SPDX + "checksumAlgorithm_sha256"))
    add(
        checksum,
        SPDX + "checksumValue",
        lit(release.files[release.dump], datatype=nn(XSD + "hexBinary")),
    )
    body = ox.serialize(t, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    return body


def make_release(root: Path, *, today: dt.date | None = None) -> Release:
    """Write the next numbered release of the store at `root` (see the module's docstring)."""
    root = Path(root)
    with open_store(root) as kg:
        if getattr(kg, "remote", False) or kg.location is None or not isinstance(kg.location, Path):
            raise StoreError(
                "`thbgraph release` writes into an embedded store's folder; "
                f"{root} is not one (a remote store keeps no releases)"
            )
        generation = Path(str(getattr(kg, "generation", "") or "")).name
        nquads = kg.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)])
    graphs = _graph_counts(nquads)
    dump = _gzip(nquads.encode("utf-8"))
    day = (today or dt.datetime.now(dt.UTC).date()).isoformat()
    folder = _releases_dir(root)
    try:
        folder.mkdir(exist_ok=True)
        lock = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot write releases in {folder}: {exc.strerror or exc}") from exc
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        earlier = list_releases(root)
        number = (earlier[-1].number if earlier else 0) + 1
        draft = Release(number, day, generation, sum(graphs.values()), graphs, {})
        sha = _sha256(dump)
        citation = CITATION.format(
            creator=CREATOR,
            year=day[:4],
            title=TITLE,
            number=number,
            date=day,
            iri=draft.iri,
            sha256=sha,
        )
        release = Release(
            number,
            day,
            generation,
            draft.quads,
            graphs,
            {draft.dump: sha},
            {draft.dump: len(dump)},
            citation,
        )
        void_name = draft.dump.removesuffix(".nq.gz") + ".void.ttl"
        void = _void(release, earlier[-1] if earlier else None)
        release.files[void_name] = _sha256(void)
        release.sizes[void_name] = len(void)
        meta = json.dumps(asdict(release), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
        tmp = folder / f".{release.name}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        (tmp / release.dump).write_bytes(dump)
        (tmp / void_name).write_bytes(void)
        (tmp / META).write_bytes(meta)
        sums = {**release.files, META: _sha256(meta)}
        (tmp / SUMS).write_text("".join(f"{h}  {n}\n" for n, h in sorted(sums.items())), "utf-8")
        os.rename(tmp, folder / release.name)
    except OSError as exc:
        raise StoreError(f"cannot write the release in {folder}: {exc.strerror or exc}") from exc
    finally:
        os.close(lock)
    return release


def verify_release(folder: Path) -> list[str]:
    """The files of a release whose SHA-256 does not match SHA256SUMS (empty: all verify)."""
    bad = []
    try:
        rows = (Path(folder) / SUMS).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return [f"{SUMS}: {exc.strerror or exc}"]
    for row in rows[:100]:
        digest, _, name = row.partition("  ")
        path = Path(folder) / name
        if "/" in name or not path.is_file() or _sha256(path.read_bytes()) != digest:
            bad.append(name)
    return bad


# -- diff ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GraphDiff:
    """What changed in one named graph."""

    graph: str
    added: int
    removed: int
    entities: int


@dataclass(frozen=True)
class Diff:
    """What changed between two versions of the graph (the runs graph left out)."""

    source: str
    target: str
    graphs: list[GraphDiff]
    added: int
    removed: int
    entities: list[str]  # the subjects of added or removed quads, sorted (at most MAX_ENTITIES)
    entity_count: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _version_lines(root: Path, name: str) -> list[str]:
    """The sorted N-Quads rows of a release (`r3`, `3`), a generation, or `current`."""
    folder = release_folder(root, name)
    if folder is not None:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
        dump = Release(**meta).dump
        try:
            text = gzip.decompress((folder / dump).read_bytes()).decode("utf-8")
        except (OSError, EOFError) as exc:
            raise StoreError(f"release {name}: cannot read {dump}: {exc}") from exc
        return text.splitlines()
    generations = Path(root) / "generations"
    if name == "current":
        path = (Path(root) / "current").resolve()
    elif re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,80}", name) and (generations / name).is_dir():
        path = generations / name
    else:
        known = [r.name for r in list_releases(root)] + ["current"]
        if generations.is_dir():
            known += sorted(p.name for p in generations.iterdir() if p.is_dir())
        raise ThbGraphError(
            f"{name!r} is neither a release nor a generation of the store at {root} "
            f"(known: {', '.join(known[:12])})"
        )
    if not path.is_dir():
        raise StoreError(f"no graph store at {root}: run `thbgraph build --store {root}` first")
    try:
        src = ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open generation {name} of {root}: {exc}") from exc
    try:
        from .store import GraphStore

        text = GraphStore(src, location=Path(root)).canonical_nquads(
            exclude_graphs=[str(GRAPH_RUNS)]
        )
    finally:
        del src
    return text.splitlines()


def _merge(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Rows only in `a` (removed) and only in `b` (added), for two sorted lists."""
    a, b = sorted(a), sorted(b)  # already sorted: linear
    i = j = 0
    removed, added = [], []
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i, j = i + 1, j + 1
        elif a[i] < b[j]:
            removed.append(a[i])
            i += 1
        else:
            added.append(b[j])
            j += 1
    return removed + a[i:], added + b[j:]


def _parse(rows: Iterable[str]) -> list[ox.Quad]:
    text = "\n".join(rows)
    return (
        list(ox.parse((text + "\n").encode("utf-8"), format=ox.RdfFormat.N_QUADS)) if text else []
    )


def diff(root: Path, source: str, target: str) -> Diff:
    """What changed from `source` to `target` (releases `r3`/`3`, generations, or `current`)."""
    removed, added = _merge(_version_lines(root, source), _version_lines(root, target))
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    subjects: dict[str, set[str]] = defaultdict(set)
    for index, quads in ((1, _parse(removed)), (0, _parse(added))):
        for q in quads:
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            per[g][index] += 1
            if isinstance(q.subject, ox.NamedNode):
                subjects[g].add(q.subject.value)
    everyone = sorted(set().union(*subjects.values())) if subjects else []
    graphs = [
        GraphDiff(g, counts[0], counts[1], len(subjects[g])) for g, counts in sorted(per.items())
    ]
    return Diff(
        source=source,
        target=target,
        graphs=graphs,
        added=len(added),
        removed=len(removed),
        entities=everyone[:MAX_ENTITIES],
        entity_count=len(everyone),
    )
