"""The regression report: every fact gained and lost per field against a committed baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thbgraph.graph.errors import ThbGraphError
from thbgraph.graph.evaluate import DocumentResult, Evaluation, Finding, Score
from thbgraph.graph.regression import baseline_json, compare, load_baseline, write_baseline


def _run(*findings: Finding, tp: int = 1) -> Evaluation:
    doc = DocumentResult(source="a.txt")
    doc.findings.extend(findings)
    doc.scores["persons"] = Score(
        tp=tp,
        fp=sum(f.kind == "false_hit" for f in findings),
        fn=sum(f.kind == "miss" for f in findings),
    )
    return Evaluation([doc])


MISS_ANNA = Finding("a.txt", "persons", "miss", "Anna Berg", None, start=3, end=12)
FALSE_MAY = Finding("a.txt", "persons", "false_hit", None, "May Vienna")


def test_a_miss_that_disappears_is_gained_and_a_new_false_hit_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(_run(MISS_ANNA), path)
    report = compare(_run(FALSE_MAY, tp=2), load_baseline(path))
    assert [c.line() for c in report.gained("persons")] == ["+ a.txt [persons] found 'Anna Berg'"]
    assert [c.line() for c in report.lost("persons")] == [
        "- a.txt [persons] new false hit 'May Vienna'"
    ]
    assert report.has_losses
    assert report.before["persons"] == 0.6667 and report.after["persons"] == 0.8
    assert report.lines()[0].startswith("citations: F1 1.000 -> 1.000, 0 gained, 0 lost")


def test_offsets_do_not_make_a_finding_new() -> None:
    moved = Finding("a.txt", "persons", "miss", "Anna Berg", None, start=40, end=49)
    report = compare(_run(moved), baseline_json(_run(MISS_ANNA)))
    assert report.changes == [] and not report.has_losses


@pytest.mark.parametrize(
    "content",
    ["{", "[]", '{"version": 1, "totals": {}}', '{"version": 1, "totals": {}, "findings": [1]}'],
)
def test_a_file_that_is_not_a_baseline_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThbGraphError, match=r"b\.json"):
        load_baseline(path)


def test_the_cli_writes_and_compares_a_baseline(tmp_path: Path) -> None:
    from thbgraph.cli import _register, app

    _register()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "doc.txt").write_text(
        "The meeting recalled MC.DEC/6/18. Germany took part.\n", encoding="utf-8"
    )
    truth = tmp_path / "truth.json"
    doc = {"source": "doc.txt", "citations": {"required": ["MC.DEC/6/18"]}}
    truth.write_text(json.dumps({"documents": [doc]}), encoding="utf-8")
    base = tmp_path / "base.json"
    runner = CliRunner()
    first = runner.invoke(app, ["evaluate", str(truth), str(docs), "--write-baseline", str(base)])
    assert first.exit_code == 0, first.output
    assert json.loads(base.read_text(encoding="utf-8"))["version"] == 1
    same = runner.invoke(app, ["evaluate", str(truth), str(docs), "--baseline", str(base)])
    assert same.exit_code == 0 and "citations: F1" in same.stdout and "0 lost" in same.stdout
    doc["citations"] = {"required": ["MC.DEC/6/18", "PC.DEC/1107"]}
    truth.write_text(json.dumps({"documents": [doc]}), encoding="utf-8")
    worse = runner.invoke(
        app, ["evaluate", str(truth), str(docs), "--baseline", str(base), "--fail-on-loss"]
    )
    assert worse.exit_code == 3
    assert "- doc.txt [citations] now misses 'PC.DEC/1107'" in worse.stdout


def test_a_wrong_value_of_a_sub_field_is_listed_under_its_field() -> None:
    wrong = Finding("a.txt", "persons.role", "wrong_value", "chair", "None")
    report = compare(_run(wrong), baseline_json(_run()))
    assert [c.line() for c in report.lost("persons")] == [
        "- a.txt [persons.role] now wrong: expected 'chair', found 'None'"
    ]
    assert "  - a.txt [persons.role] now wrong: expected 'chair', found 'None'" in report.lines()


def test_a_document_the_baseline_did_not_have_is_named_not_counted_as_loss() -> None:
    other = DocumentResult(source="b.txt")
    other.findings.append(Finding("b.txt", "persons", "miss", "Ola Nord", None))
    report = compare(
        Evaluation([_run(MISS_ANNA).documents[0], other]), baseline_json(_run(MISS_ANNA))
    )
    assert report.changes == [] and report.new_sources == ["b.txt"]
    assert report.lines()[0] == "1 document(s) not in the baseline, not compared: b.txt"
