"""The synthetic corpus is deterministic, realistic in shape, and its truth matches its texts."""

from __future__ import annotations

import json
from pathlib import Path

from thbgraph.graph.synth import generate, write_corpus


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
