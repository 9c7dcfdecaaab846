"""The synthetic corpus is deterministic, realistic in shape, and its truth matches its texts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from thbgraph.graph.evaluate import evaluate
from thbgraph.graph.quality.synth import generate, write_corpus
from thbgraph.graph.timeline import MONTHS_EN as MONTHS


def test_same_seed_same_corpus() -> None:
    a = [(d.name, d.text) for d in generate(40, seed=7)]
    b = [(d.name, d.text) for d in generate(40, seed=7)]
    c = [(d.name, d.text) for d in generate(40, seed=8)]
    assert a == b
    assert a != c


def test_every_document_kind_and_truth_symbols_appear(tmp_path: Path) -> None:
    truth_path = write_corpus(tmp_path, 40, seed=3)
    truth = json.loads(truth_path.read_text("utf-8"))
    assert len(truth["documents"]) == 40
    kinds = {d["document"]["type"] for d in truth["documents"]}
    assert kinds == {"agenda", "summary", "press_release", "conclusions"}
    for doc in truth["documents"]:
        text = (tmp_path / doc["source"]).read_text("utf-8")
        assert doc["citations"]["required"], doc["source"]
        meeting = doc["meetings"]["required"][0]
        assert meeting["start_date"] <= meeting["end_date"]
        for person in doc["persons"]["required"]:
            assert person["name"] in text
        for pub in doc["publications"]["required"]:
            assert pub["title"] in text and pub["url"] in text


def test_many_distinct_symbols_in_several_written_forms() -> None:
    docs = generate(2000, seed=1)
    symbols = {s for d in docs for s in d.truth["citations"]["required"]}
    assert len(symbols) > 1500
    text = "".join(d.text for d in docs[:400])
    for form in (
        "MC.DEC/",
        "PC.DEC/",
        "Ministerial Council Decision No.",
        "Permanent Council Decision No.",
        "/Corr.",
        "CETS No",
    ):
        assert form in text, form


def test_the_truth_says_what_the_text_says(tmp_path: Path) -> None:
    """Issue 10: organisers as the text names them, a press release dated by its dateline with
    the meeting's dates as its story states them, and the organisations the text names."""
    truth_path = write_corpus(tmp_path, 60, seed=5)
    truth = json.loads(truth_path.read_text("utf-8"))
    for doc in truth["documents"]:
        text = (tmp_path / doc["source"]).read_text("utf-8")
        meeting = doc["meetings"]["required"][0]
        if "co-organised by the Council of Europe and the OSCE" in text:
            assert meeting["organisers"] == ["CoE", "OSCE"]
        assert doc["organisations"]["required"], doc["source"]
        if doc["document"]["type"] == "press_release":
            day = date.fromisoformat(doc["document"]["date"])
            assert f"{day.day} {MONTHS[day.month - 1]} {day.year} –" in text
            assert meeting["end_date"] == doc["document"]["date"]
        else:
            assert doc["document"]["date"] is None


def test_extraction_scores_full_marks_on_the_synthetic_truth(tmp_path: Path) -> None:
    """The truth and the extractors agree: every fact the generator writes is read back."""
    truth_path = write_corpus(tmp_path, 40, seed=11)
    result = evaluate(truth_path, tmp_path)
    for name, score in result.totals.items():
        assert score.f1 == 1.0, (name, [f for f in result.findings if f.field.startswith(name)][:3])
