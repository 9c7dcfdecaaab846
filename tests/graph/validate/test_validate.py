"""validate_store / validate_graph reports and the `thbgraph validate` command on real stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from thbgraph.cli import app
from thbgraph.cli import validate as _validate_command  # noqa: F401  (registers the command)
from thbgraph.graph.errors import UnknownEntityError, ValidationFailed
from thbgraph.graph.store import Generation, open_store
from thbgraph.graph.validate import validate_graph, validate_store

SHAPES_TESTS = Path(__file__).parents[2] / "shapes"
VALID = SHAPES_TESTS / "valid"
INVALID = SHAPES_TESTS / "invalid"
DOC_GRAPH = "https://w3id.org/thbgraph/graph/document/"
REGISTER = "https://w3id.org/thbgraph/graph/register"
USER_GRAPH = "https://example.org/graph/user-notes"


def _quads(ttl: Path, graph: str) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    return [
        ox.Quad(q.subject, q.predicate, q.object, g)
        for q in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)
    ]


def _make_store(root: Path, files: dict[str, Path]) -> Path:
    """A committed on-disk store holding each Turtle file in the named graph given as its key."""
    quads = [q for graph, ttl in files.items() for q in _quads(ttl, graph)]
    with Generation(root) as gen:
        gen.load_nquads(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        gen.commit()
    return root


@pytest.fixture()
def valid_store(tmp_path: Path) -> Path:
    return _make_store(
        tmp_path / "valid",
        {
            DOC_GRAPH + "fx_summary": VALID / "meeting-citation.ttl",
            DOC_GRAPH + "fx_press": VALID / "repaired-citation.ttl",
            # user data that breaks the shapes: ignored unless asked for
            USER_GRAPH: INVALID / "Meeting-end-before-start.ttl",
        },
    )


@pytest.fixture()
def invalid_store(tmp_path: Path) -> Path:
    return _make_store(
        tmp_path / "invalid",
        {
            DOC_GRAPH + "fx_doc": INVALID / "Citation-no-evidence.ttl",
            REGISTER: INVALID / "Commitment-bad-notation.ttl",
        },
    )


# -- the library ------------------------------------------------------------------------------------


def test_store_conforms_with_one_info_and_leaves_user_graphs_out(valid_store: Path) -> None:
    with open_store(valid_store) as store:
        report = validate_store(store)
    assert report.conforms, report.text()
    assert report.counts == {"Violation": 0, "Warning": 0, "Info": 1}
    assert sorted(report.graphs) == [DOC_GRAPH + "fx_press", DOC_GRAPH + "fx_summary"]


def test_all_graphs_takes_user_graphs_in(valid_store: Path) -> None:
    with open_store(valid_store) as store:
        report = validate_store(store, all_graphs=True)
        listed = validate_store(store, graphs=[USER_GRAPH])
    assert not report.conforms
    assert USER_GRAPH in report.graphs
    assert listed.graphs == [USER_GRAPH]
    assert [r.component.rsplit("#")[-1] for r in listed.results] == ["SPARQLConstraintComponent"]


def test_unknown_graph_is_named_with_the_known_ones(valid_store: Path) -> None:
    with open_store(valid_store) as store, pytest.raises(UnknownEntityError) as err:
        validate_store(store, graphs=["https://example.org/nope"])
    assert "https://example.org/nope" in str(err.value)
    assert USER_GRAPH in err.value.suggestions


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    """The citation (document graph) cites a commitment declared only in the register graph."""
    ds = Dataset()
    whole = Graph().parse(VALID / "repaired-citation.ttl")
    register = ds.graph(REGISTER)
    document = ds.graph(DOC_GRAPH + "fx_press")
    for s, p, o in whole:
        (register if "commitment" in str(s) else document).add((s, p, o))
    assert len(register) > 0
    report = validate_graph(ds)
    assert report.conforms, report.text()
    only_document = validate_graph(ds, graphs=[DOC_GRAPH + "fx_press"])
    assert not only_document.conforms  # the cited commitment is undeclared without the register


def test_rdfs_inference_with_the_ontology_gives_the_same_results() -> None:
    data = Graph().parse(VALID / "repaired-citation.ttl")
    plain = validate_graph(data)
    inferred = validate_graph(data, inference="rdfs")
    assert [(r.focus, r.component, r.severity) for r in inferred.results] == [
        (r.focus, r.component, r.severity) for r in plain.results
    ]


def test_report_text_groups_results_by_shape(invalid_store: Path) -> None:
    with open_store(invalid_store) as store:
        report = validate_store(store)
    text = report.text()
    assert text.startswith("SHACL validation: does NOT conform (3 violations, 0 warnings, 0 info")
    headers = [line for line in text.splitlines() if line and not line.startswith(" ")]
    assert headers[1:] == [
        "Citation / evidence [thbsh:CitationShape]: 1 Violation",
        "Citation passage / citation passage matches the document text [thbsh:CitationPassageShape]: 1 Violation",
        "Commitment / canonical symbol [thbsh:CommitmentShape]: 1 Violation",
    ]
    # each result names its focus by label and shows the offending value
    assert "'citation of PC.DEC/637' <https://w3id.org/thbgraph/id/citation/fx_doc/29-39>" in text
    assert "value: MC.DEC/6/2018" in text


def test_report_shows_the_passage_of_the_focus() -> None:
    report = validate_graph(Graph().parse(INVALID / "Citation-confidence-out-of-range.ttl"))
    (result,) = report.results
    assert result.passage == "PC.DEC/637"
    assert "passage: 'PC.DEC/637'" in report.text()


def test_report_json_round_trips() -> None:
    report = validate_graph(Graph().parse(INVALID / "Meeting-negative-count.ttl"))
    data = json.loads(json.dumps(report.to_json()))
    assert data["conforms"] is False
    assert data["counts"] == {"Violation": 1, "Warning": 0, "Info": 0}
    assert {r["focus_label"] for r in data["results"]} == {"FX meeting"}
    assert {r["path"] for r in data["results"]} == {
        "https://w3id.org/thbgraph/ontology#participantsCount"
    }


def test_raise_for_violations_carries_the_report() -> None:
    report = validate_graph(Graph().parse(INVALID / "Meeting-end-before-start.ttl"))
    with pytest.raises(ValidationFailed) as err:
        report.raise_for_violations()
    assert "1 violation" in str(err.value)
    assert "Meeting dates in order / start date" in err.value.report
    validate_graph(Graph().parse(VALID / "unresolved-reference.ttl")).raise_for_violations()


# -- the command ------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_exit_code_0_when_the_store_conforms(valid_store: Path) -> None:
    result = runner.invoke(app, ["validate", "--store", str(valid_store)])
    assert result.exit_code == 0, result.output
    assert "SHACL validation: conforms (0 violations, 0 warnings, 1 info" in result.output
    assert "Repaired symbol: read as PC.DEC/637" in result.output


def test_cli_all_graphs_fails_on_user_data(valid_store: Path) -> None:
    result = runner.invoke(app, ["validate", "--store", str(valid_store), "--all-graphs"])
    assert result.exit_code == 1
    assert "Meeting dates in order / start date" in result.output


def test_cli_json_and_exit_code_1_on_violations(invalid_store: Path) -> None:
    result = runner.invoke(app, ["validate", "--store", str(invalid_store), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["conforms"] is False
    assert data["counts"]["Violation"] == 3


def test_cli_default_store_from_the_environment(valid_store: Path) -> None:
    result = runner.invoke(app, ["validate"], env={"THBGRAPH_STORE": str(valid_store)})
    assert result.exit_code == 0, result.output


def _thbgraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("thbgraph")
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_console_script_exit_codes(valid_store: Path, invalid_store: Path) -> None:
    assert _thbgraph("validate", "--store", str(valid_store)).returncode == 0
    bad = _thbgraph("validate", "--store", str(invalid_store))
    assert bad.returncode == 1
    assert "does NOT conform" in bad.stdout


def test_console_script_missing_store_is_one_line(tmp_path: Path) -> None:
    result = _thbgraph("validate", "--store", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr.startswith("thbgraph: error: no graph store at")
    assert len(result.stderr.strip().splitlines()) == 1


# -- the bundled corpus -----------------------------------------------------------------------------


def test_bundled_graph_conforms_with_the_one_repair_info(built_store: Path) -> None:
    with open_store(built_store) as store:
        report = validate_store(store)
    assert report.conforms, report.text()
    infos = [r for r in report.results if r.severity == "Info"]
    assert len(infos) == 1, report.text()
    assert "modalities outlined in PC.EC/637 (2004)" in infos[0].passage  # its sentence
    assert "PC.DEC/637" in infos[0].message


def test_breaking_one_fact_of_the_bundled_graph_fails_naming_shape_and_focus(
    writable_store: Path,
) -> None:
    """Turn the 2020 meeting's participant count negative: validate exits 1 and says where."""
    with Generation(writable_store, copy_current=True) as gen:
        gen.store.inner.update(
            """PREFIX thb: <https://w3id.org/thbgraph/ontology#>
            DELETE { GRAPH ?g { ?m thb:participantsCount ?n } }
            INSERT { GRAPH ?g { ?m thb:participantsCount -110 } }
            WHERE { GRAPH ?g { ?m thb:participantsCount ?n } }"""
        )
        gen.commit()
    out = subprocess.run(
        [sys.executable, "-m", "thbgraph.cli", "validate", "--store", str(writable_store)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 1, out.stdout
    assert "thbsh:MeetingShape" in out.stdout
    assert "https://w3id.org/thbgraph/id/meeting/2020-11-03-" in out.stdout
    assert "thb:participantsCount" in out.stdout


# -- the fast engine against the reference --------------------------------------------------------


@pytest.mark.parametrize("parallel", [False, True])
def test_fast_engine_agrees_with_pyshacl_on_a_synthetic_corpus(
    tmp_path: Path, parallel: bool
) -> None:
    """30 synthetic documents (with disagreeing meetings and repaired symbols): the same report."""
    from thbgraph.graph import pipeline
    from thbgraph.graph.build import MeetingResolver
    from thbgraph.graph.quality.synth import write_corpus
    from thbgraph.graph.register import load_register
    from thbgraph.graph.validate.engine import validate_quads

    corpus = write_corpus(tmp_path / "corpus", 30, seed=7).parent
    register = load_register()
    extractions, _skipped = pipeline._extract_all(pipeline.corpus_files(corpus), register, None)
    doc_quads, _ids = pipeline._document_quads(extractions, register, MeetingResolver())
    quads = pipeline._static_quads() + doc_quads
    fast = validate_quads(quads, parallel=parallel)
    reference = validate_graph(
        Dataset().parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads"),
        engine="pyshacl",
    )
    assert fast.results, "the synthetic corpus is expected to give warnings or infos"
    assert [r.to_json() for r in fast.results] == [r.to_json() for r in reference.results]
    assert fast.triples == reference.triples
