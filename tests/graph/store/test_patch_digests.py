"""Graph digests: a build computes its RDF Patch from the digests of what it loads and the previous
generation's, reading back only the graphs that differ; every generation's digests are those of
its stored quads."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox

from thbgraph.graph import changes
from thbgraph.graph.changes import DIGESTS, graph_lines, patch_path, read_changes, read_digests
from thbgraph.graph.pipeline import add_documents, build_store, remove_documents
from thbgraph.graph.store import open_store

NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators of Zembla\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)
XSD = "http://www.w3.org/2001/XMLSchema#"


def _stored_digests(store: Path) -> dict[str, list[object]]:
    """The digests computed from the quads read back from the current generation."""
    src = ox.Store.read_only(str((store / "current").resolve()))
    try:
        lines = changes._lines(src)
    finally:
        del src
    return {g: changes._digest(rows) for g, rows in changes._by_graph(lines).items()}


def _patch_rows(store: Path) -> list[str]:
    with open_store(store) as kg:
        newest = read_changes(kg)[0]
    path = patch_path((store / "current").resolve(), newest.generation)
    assert path is not None
    return [
        r for r in gzip.decompress(path.read_bytes()).decode().splitlines() if r[:2] in ("A ", "D ")
    ]


def test_the_rows_of_quads_are_the_stores_rows() -> None:
    """Non-canonical values and language tags are written as the store gives them back."""
    g = ox.NamedNode("https://w3id.org/thbgraph/graph/document/x")
    s, p = ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p")
    quads = [
        ox.Quad(s, p, ox.Literal("1.00", datatype=ox.NamedNode(XSD + "decimal")), g),
        ox.Quad(s, p, ox.Literal("007", datatype=ox.NamedNode(XSD + "integer")), g),
        ox.Quad(
            s, p, ox.Literal("2020-01-01T00:00:00.000Z", datatype=ox.NamedNode(XSD + "dateTime")), g
        ),
        ox.Quad(s, p, ox.Literal("Wien", language="de-AT"), g),
        ox.Quad(s, p, ox.Literal("plain"), g),
        ox.Quad(s, p, ox.Literal("in the default graph"), ox.DefaultGraph()),
    ]
    mem = ox.Store()
    mem.extend(quads)
    assert graph_lines(quads) == changes._by_graph(changes._lines(mem))
    rows = graph_lines(quads)[g.value]
    assert any('"1"^^<http://www.w3.org/2001/XMLSchema#decimal>' in r for r in rows)
    assert any('"Wien"@de-at' in r for r in rows)


def test_each_generation_keeps_the_digests_of_its_quads(
    writable_store: Path, tmp_path: Path
) -> None:
    current = (writable_store / "current").resolve()
    assert read_digests(current) == _stored_digests(writable_store)
    doc = tmp_path / "010_zembla_agenda.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    add_documents(writable_store, [doc])
    assert read_digests((writable_store / "current").resolve()) == _stored_digests(writable_store)
    remove_documents(writable_store, ["004_958b14d90dff92ed"])
    assert read_digests((writable_store / "current").resolve()) == _stored_digests(writable_store)


def test_a_rebuild_patch_has_only_the_rows_that_changed(
    writable_store: Path, tmp_path: Path
) -> None:
    remove_documents(writable_store, ["004_958b14d90dff92ed"])
    build_store(writable_store)  # the bundled corpus again: the removed document comes back
    rows = _patch_rows(writable_store)
    assert rows and all(r.startswith("A ") for r in rows)
    assert all(
        r.endswith("<https://w3id.org/thbgraph/graph/document/004_958b14d90dff92ed> .")
        for r in rows
    )
    assert read_digests((writable_store / "current").resolve()) == _stored_digests(writable_store)
    build_store(writable_store)
    assert _patch_rows(writable_store) == []


def test_without_digests_a_rebuild_reads_both_stores_and_writes_them(writable_store: Path) -> None:
    with_digests = _patch_rows(writable_store)
    assert with_digests  # the first build: every quad added
    (writable_store / "current" / DIGESTS).unlink()
    remove_documents(writable_store, ["004_958b14d90dff92ed"])
    assert read_digests((writable_store / "current").resolve()) is None  # nothing to update
    build_store(writable_store)
    rows = _patch_rows(writable_store)
    assert rows and all("document/004_958b14d90dff92ed> ." in r for r in rows)
    assert read_digests((writable_store / "current").resolve()) == _stored_digests(writable_store)
