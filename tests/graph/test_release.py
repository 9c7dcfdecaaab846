"""Releases and diffs (issue 18 item 3): a dated, numbered, canonical dump whose checksums verify,
described in VoID + DCAT; `diff` tells per graph what changed between releases or generations."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from thbgraph.graph.errors import ThbGraphError
from thbgraph.graph.pipeline import add_documents
from thbgraph.graph.release import diff, list_releases, make_release, verify_release
from thbgraph.graph.store import open_store
from thbgraph.graph.vocab import GRAPH_RUNS

NEW_DOC = (
    "AGENDA\n\nMeeting of National Anti-Trafficking Co-ordinators and Rapporteurs\n\n"
    "Vienna, 12-13 October 2022\n\nThe meeting reviews MC.DEC/6/18 and PC.DEC/557.\n"
)
CLI = [sys.executable, "-m", "thbgraph.cli"]
VOID = "http://rdfs.org/ns/void#"


def _canonical(store: Path) -> str:
    with open_store(store) as kg:
        return kg.canonical_nquads(exclude_graphs=[str(GRAPH_RUNS)])


def test_a_release_is_canonical_described_and_its_checksums_verify(writable_store: Path) -> None:
    first = make_release(writable_store)
    assert first.name == "r1" and first.number == 1 and len(first.date) == 10
    folder = writable_store / "releases" / "r1"
    dump = folder / first.dump
    assert dump.name == f"thbgraph-r1-{first.date}.nq.gz"
    assert gzip.decompress(dump.read_bytes()).decode() == _canonical(writable_store)
    assert str(GRAPH_RUNS) not in gzip.decompress(dump.read_bytes()).decode()
    # the real tool checks every file named in SHA256SUMS
    checked = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count(": OK") == 3
    assert verify_release(folder) == []

    void = ox.Store()
    void.load(
        (folder / f"thbgraph-r1-{first.date}.void.ttl").read_bytes(), format=ox.RdfFormat.TURTLE
    )
    rows = {
        str(r["g"].value): int(r["n"].value)
        for r in void.query(
            "PREFIX void: <http://rdfs.org/ns/void#> PREFIX sd: "
            "<http://www.w3.org/ns/sparql-service-description#> "
            "SELECT ?g ?n { ?d void:subset [ sd:name ?g ; void:triples ?n ] }"
        )
    }
    assert rows == first.graphs and sum(rows.values()) == first.quads > 0
    facts = {
        str(r["p"].value): str(r["o"].value)
        for r in void.query("SELECT ?p ?o { <https://w3id.org/thbgraph/release/1> ?p ?o }")
    }
    assert facts["http://www.w3.org/ns/dcat#version"] == "1"
    assert facts["http://purl.org/dc/terms/issued"] == first.date
    assert facts["http://purl.org/dc/terms/license"].startswith("https://creativecommons.org/")
    assert "release 1" in facts["http://purl.org/dc/terms/bibliographicCitation"]
    (checksum,) = void.query("SELECT ?v { ?c <http://spdx.org/rdf/terms#checksumValue> ?v }")
    assert checksum["v"].value == first.files[first.dump]

    second = make_release(writable_store)  # the same graph: the same dump, byte for byte
    assert second.name == "r2" and second.files[second.dump] == first.files[first.dump]
    assert [r.name for r in list_releases(writable_store)] == ["r1", "r2"]

    dump.write_bytes(dump.read_bytes()[:-3] + b"xyz")  # a damaged file is named
    assert verify_release(folder) == [first.dump]


def test_diff_tells_per_graph_what_changed(writable_store: Path, tmp_path: Path) -> None:
    make_release(writable_store)
    built = os.path.basename(os.path.realpath(writable_store / "current"))
    doc = tmp_path / "010_vienna_agenda.txt"
    doc.write_text(NEW_DOC, encoding="utf-8")
    add_documents(writable_store, [doc])

    change = diff(writable_store, "r1", "current")
    (graph,) = change.graphs
    assert graph.graph.startswith("https://w3id.org/thbgraph/graph/document/010_")
    assert graph.added == change.added > 0 and graph.removed == change.removed == 0
    assert graph.entities == change.entity_count == len(change.entities) > 0
    assert any("/id/meeting/" in e for e in change.entities)

    back = diff(writable_store, "current", built)  # a generation: the one the build made
    assert (back.added, back.removed) == (0, change.added)
    assert diff(writable_store, "1", "r1").graphs == []
    with pytest.raises(ThbGraphError, match="neither a release nor a generation"):
        diff(writable_store, "r1", "../etc")


def test_release_and_diff_on_the_command_line(writable_store: Path) -> None:
    made = subprocess.run(
        [*CLI, "release", "--store", str(writable_store)], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("release r1 (") and "cite as: " in made.stdout
    out = subprocess.run(
        [*CLI, "diff", "r1", "current", "--format", "json", "--store", str(writable_store)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert json.loads(out)["graphs"] == [] and json.loads(out)["added"] == 0
    text = subprocess.run(
        [*CLI, "diff", "r1", "--store", str(writable_store)], capture_output=True, text=True
    )
    assert text.returncode == 0 and text.stdout.startswith("r1 -> current: +0 -0 quads")
    bad = subprocess.run(
        [*CLI, "diff", "r9", "--store", str(writable_store)], capture_output=True, text=True
    )
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "r9" in bad.stderr
