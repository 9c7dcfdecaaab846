"""RDF dumps parsed back by rdflib, and byte-identical exports on two runs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from thbgraph.graph.export import ViewOptions
from thbgraph.graph.export.formats import FORMATS, export
from thbgraph.graph.export.rdf import RDF_FORMATS

RDFLIB_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}


def _parse(data: bytes, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=RDFLIB_FORMATS[fmt])
    return ds


@pytest.mark.parametrize("fmt", sorted(RDFLIB_FORMATS))
def test_rdf_dump_parses_back_with_the_same_triples(sample_store, sample_quad_count, fmt) -> None:
    data = export(sample_store, ViewOptions(view="full"), fmt).content
    ds = _parse(data, fmt)
    triples = {(s, p, o) for s, p, o, _ in ds.quads()}
    expected = {
        (q.subject.value, q.predicate.value, str(q.object))
        for q in sample_store.inner
        if "graph/runs" not in str(q.graph_name)
        and not isinstance(q.graph_name, ox.DefaultGraph)  # the store's copy of the union
    }
    assert len(triples) == len(expected)
    if fmt in ("nquads", "trig", "jsonld"):
        assert sum(1 for _ in ds.quads()) == sample_quad_count


def test_rdf_dump_of_a_focus_holds_only_its_subjects(sample_store, ids) -> None:
    data = export(
        sample_store, ViewOptions(view="citations", focus="MC.DEC/6/18"), "ntriples"
    ).content
    subjects = {str(q[0]) for q in _parse(data, "ntriples").quads()}
    assert subjects == {ids.MC_DEC_6_18, ids.MEETING_2020}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("view", ["full", "citations"])
def test_two_runs_give_the_same_bytes(sample_store, fmt: str, view: str) -> None:
    one = export(sample_store, ViewOptions(view=view), fmt)
    two = export(sample_store, ViewOptions(view=view), fmt)
    assert one.content == two.content
    assert one.filename.endswith("." + FORMATS[fmt].extension)


def test_every_rdf_format_is_an_export_format() -> None:
    assert set(RDF_FORMATS) == {f.name for f in FORMATS.values() if f.writer is None}
    assert set(RDFLIB_FORMATS) == set(RDF_FORMATS)
