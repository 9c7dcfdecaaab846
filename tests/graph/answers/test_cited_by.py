"""cited-by as one query: the meetings' facts and passages it returns agree with the graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from thbgraph.graph.answers import cited_by, known_symbols, meeting_facts
from thbgraph.graph.queries import load_query
from thbgraph.graph.store import open_store


def test_each_citing_meeting_has_the_facts_the_meeting_facts_query_gives(
    built_store: Path,
) -> None:
    with open_store(built_store) as kg:
        answers = [cited_by(kg, s) for s in known_symbols(kg)]
        cited = [a for a in answers if a["meetings"]]
        assert len(cited) >= 5
        for answer in cited:
            iris = [m["iri"] for m in answer["meetings"]]
            facts = meeting_facts(kg, iris)
            for m in answer["meetings"]:
                assert {k: m[k] for k in facts[m["iri"]]} == facts[m["iri"]]
                assert m["start_date"] is not None
            dates = [m["start_date"] for m in answer["meetings"]]
            assert dates == sorted(dates)


def test_passages_are_the_text_at_their_offsets_once_each_in_text_order(
    built_store: Path,
) -> None:
    with open_store(built_store) as kg:
        texts = {
            r["d"]: r["text"]
            for r in kg.select(
                "SELECT ?d ?text WHERE { ?d <https://w3id.org/thbgraph/ontology#text> ?text }"
            )
        }
        answer = cited_by(kg, "CETS No. 197")
    assert len(answer["meetings"]) == 3
    for m in answer["meetings"]:
        for d in m["documents"]:
            starts = [p["start"] for p in d["passages"]]
            assert starts == sorted(starts) and len(set(starts)) == len(starts)
            for p in d["passages"]:
                assert texts[d["iri"]][p["start"] : p["end"]] == p["text"]


def test_an_uncited_commitment_has_no_meetings_and_no_fact_rows(built_store: Path) -> None:
    with open_store(built_store) as kg:
        answer = cited_by(kg, "MC.DEC/8/07")
        rows = kg.select(
            load_query("cited_by"),
            bindings={"commitment": ox.NamedNode(answer["commitment"]["iri"])},
        )
    assert answer["meetings"] == [] and answer["documents_without_meeting"] == []
    assert rows == []


def test_each_passage_is_the_sentence_with_the_symbol_refined_inside_it(built_store: Path) -> None:
    """Issue 15: a cited-by passage is the whole sentence (exact against the normalised text), with
    the citing words' offsets inside it, not the symbol alone."""
    with open_store(built_store) as kg:
        texts = {
            r["d"]: r["text"]
            for r in kg.select(
                "SELECT ?d ?text WHERE { ?d <https://w3id.org/thbgraph/ontology#text> ?text }"
            )
        }
        answer = cited_by(kg, "MC.DEC/6/18")
    passages = [(d, p) for m in answer["meetings"] for d in m["documents"] for p in d["passages"]]
    assert len(passages) == 2
    for d, p in passages:
        text, quote = texts[d["iri"]], p["quote"]
        assert text[p["start"] : p["end"]] == p["text"]
        assert p["text"][quote["start"] : quote["end"]] == quote["text"] == "MC.DEC/6/18"
        assert p["text"].endswith("Including of Unaccompanied Minors (MC.DEC/6/18).")
        assert "OSCE Action Plan to Combat Trafficking in Human Beings (PC.DEC/557)" in p["text"]
        assert text[p["start"] - 1] in "\n " or p["start"] == 0  # the sentence, not a fragment
