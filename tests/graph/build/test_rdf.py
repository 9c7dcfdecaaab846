"""The RDF written for one extraction: IRIs, evidence, citations, meetings (docs/data-model.md)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from thbgraph.graph.build import MeetingResolver, commitment_iri, document_id, document_quads
from thbgraph.graph.build.rdf import passage_sentence
from thbgraph.graph.model import Citation, DocumentInfo, Evidence, Extraction, Meeting
from thbgraph.graph.register import load_register

TB = "https://w3id.org/thbgraph/id/"
THB = "https://w3id.org/thbgraph/ontology#"
OA = "http://www.w3.org/ns/oa#"
TEXT = (
    "SUMMARY\nMeeting of Rapporteurs\n3-4 November 2020\nOnline\n"
    "The meeting followed PC.EC/637 and MC.DEC/6/18, and the Vienna Ministerial Decisions."
)


def _span(text: str, needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(needle, start, start + len(needle))


def _extraction() -> Extraction:
    date = _span(TEXT, "3-4 November 2020")
    m = Meeting(
        role="subject",
        title="Meeting of Rapporteurs",
        start_date="2020-11-03",
        end_date="2020-11-04",
        online=True,
        evidence=date,
        facts={"start_date": date, "online": _span(TEXT, "Online")},
    )
    rep = _span(TEXT, "PC.EC/637")
    sym = _span(TEXT, "MC.DEC/6/18")
    unres = _span(TEXT, "the Vienna Ministerial Decisions")
    return Extraction(
        source="007_test.txt",
        text=TEXT,
        sha256="ab" * 32,
        document=DocumentInfo(type="summary", title="Meeting of Rapporteurs"),
        meetings=[m],
        citations=[
            Citation(
                "PC.DEC/637",
                rep.text,
                rep.start,
                rep.end,
                method="repaired-symbol",
                confidence=0.9,
                note="read as PC.DEC/637",
            ),
            Citation("MC.DEC/6/18", sym.text, sym.start, sym.end),
            Citation(
                None,
                unres.text,
                unres.start,
                unres.end,
                resolved=False,
                method="unresolved",
                confidence=0.0,
            ),
        ],
    )


@pytest.fixture()
def quads() -> list[ox.Quad]:
    ex = _extraction()
    iris = [MeetingResolver().resolve(m) for m in ex.meetings]
    return document_quads(ex, load_register(), iris)


def _q(s: ox.Store, sparql: str) -> ox.QuerySolutions:
    return s.query(sparql, use_default_graph_as_union=True)


def _store(quads: list[ox.Quad]) -> ox.Store:
    s = ox.Store()
    s.extend(quads)
    return s


def test_document_id_keeps_underscores_and_drops_suffix() -> None:
    assert document_id("002_2e1ad919f53edd39.txt") == "002_2e1ad919f53edd39"
    assert document_id("dir/My Report (final).pdf") == "my-report-final"


def test_commitment_iris_are_readable_slugs() -> None:
    assert commitment_iri("MC.DEC/6/18") == TB + "commitment/mc-dec-6-18"
    assert commitment_iri("PC.DEC/1107/Corr.1") == TB + "commitment/pc-dec-1107-corr-1"
    assert commitment_iri("CETS No. 197") == TB + "commitment/cets-197"


def test_everything_is_in_the_document_graph_and_has_no_blank_nodes(quads: list[ox.Quad]) -> None:
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {"https://w3id.org/thbgraph/graph/document/007_test"}
    for q in quads:
        assert not isinstance(q.subject, ox.BlankNode)
        assert not isinstance(q.object, ox.BlankNode)


def test_every_quote_equals_the_text_at_its_offsets(quads: list[ox.Quad]) -> None:
    s = _store(quads)
    rows = list(
        _q(
            s,
            f"""PREFIX oa: <{OA}>
            SELECT ?exact ?start ?end WHERE {{
              ?e oa:hasTarget ?t . ?t oa:hasSelector ?q, ?p .
              ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end }}""",
        )
    )
    assert len(rows) >= 5
    for r in rows:
        assert TEXT[int(r["start"].value) : int(r["end"].value)] == r["exact"].value


def test_citations_repair_unresolved_and_materialised_cites(quads: list[ox.Quad]) -> None:
    s = _store(quads)
    meeting = TB + "meeting/2020-11-03-meeting-of-rapporteurs"
    cited = {
        q.object.value
        for q in s.quads_for_pattern(ox.NamedNode(meeting), ox.NamedNode(THB + "cites"), None)
    }
    assert cited == {TB + "commitment/pc-dec-637", TB + "commitment/mc-dec-6-18"}
    methods = {
        r["m"].value: r["note"].value if r["note"] else None
        for r in _q(
            s,
            f"PREFIX thb: <{THB}> SELECT ?m ?note WHERE {{ ?c thb:resolutionMethod ?m "
            "OPTIONAL { ?c thb:repairNote ?note } }",
        )
    }
    assert methods == {"repaired-symbol": "read as PC.DEC/637", "symbol": None, "unresolved": None}
    unresolved = list(s.quads_for_pattern(None, None, ox.NamedNode(THB + "UnresolvedReference")))
    assert len(unresolved) == 1
    assert unresolved[0].subject.value.startswith(TB + "reference/007_test/")


def test_meeting_facts_carry_evidence(quads: list[ox.Quad]) -> None:
    s = _store(quads)
    props = {
        r["p"].value
        for r in _q(
            s,
            f"PREFIX oa: <{OA}> PREFIX thb: <{THB}> SELECT ?p WHERE {{ ?e oa:hasBody ?m ; "
            "thb:supportsProperty ?p . ?m a thb:Meeting }",
        )
    }
    assert "https://schema.org/startDate" in props
    assert THB + "online" in props


def test_same_meeting_in_two_documents_gets_one_iri() -> None:
    resolver = MeetingResolver()
    a = Meeting(
        "subject", "Meeting of National Anti-Trafficking Co-ordinators", "2020-11-03", "2020-11-04"
    )
    b = Meeting(
        "subject",
        "meeting of national anti-trafficking co-ordinators and rapporteurs",
        "2020-11-03",
        None,
    )
    c = Meeting(
        "subject", "Alliance against Trafficking in Persons conference", "2020-11-03", "2020-11-04"
    )
    assert resolver.resolve(a) == resolver.resolve(b)
    assert resolver.resolve(c) != resolver.resolve(a)


def test_the_same_extraction_gives_the_same_quads() -> None:
    reg = load_register()
    one = document_quads(_extraction(), reg, [MeetingResolver().resolve(_extraction().meetings[0])])
    two = document_quads(_extraction(), reg, [MeetingResolver().resolve(_extraction().meetings[0])])
    assert sorted(map(str, one)) == sorted(map(str, two))


def _refined(s: ox.Store) -> list[dict[str, str]]:
    """Each evidence target's sentence (quote, prefix, suffix, offsets) and its refinement."""
    solutions = _q(
        s,
        f"""PREFIX oa: <{OA}>
        SELECT ?e ?sentence ?prefix ?suffix ?sStart ?sEnd ?exact ?qPrefix ?qSuffix ?rStart ?rEnd
        WHERE {{
          ?e oa:hasTarget ?t . ?t oa:hasSelector ?qs, ?ps .
          ?qs a oa:TextQuoteSelector ; oa:exact ?sentence ; oa:refinedBy ?rq .
          OPTIONAL {{ ?qs oa:prefix ?prefix }} OPTIONAL {{ ?qs oa:suffix ?suffix }}
          ?rq a oa:TextQuoteSelector ; oa:exact ?exact .
          OPTIONAL {{ ?rq oa:prefix ?qPrefix }} OPTIONAL {{ ?rq oa:suffix ?qSuffix }}
          ?ps a oa:TextPositionSelector ; oa:start ?sStart ; oa:end ?sEnd ; oa:refinedBy ?rp .
          ?rp a oa:TextPositionSelector ; oa:start ?rStart ; oa:end ?rEnd .
        }}""",
    )
    names = [v.value for v in solutions.variables]
    return [{n: (r[n].value if r[n] is not None else "") for n in names} for r in solutions]


def test_every_passage_is_a_sentence_refined_by_the_passage_itself(quads: list[ox.Quad]) -> None:
    """The target selects the sentence (quote with prefix and suffix, absolute offsets), each
    selector oa:refinedBy the passage within it (offsets relative to the sentence, W3C 4.2.9)."""
    s = _store(quads)
    rows = _refined(s)
    evidence = {q.subject.value for q in quads if q.object == ox.NamedNode(OA + "Annotation")}
    assert {r["e"] for r in rows} == evidence
    for r in rows:
        s0, s1, r0, r1 = (int(r[k]) for k in ("sStart", "sEnd", "rStart", "rEnd"))
        assert TEXT[s0:s1] == r["sentence"]
        assert r["sentence"][r0:r1] == r["exact"]
        assert TEXT[max(0, s0 - 40) : s0] == r["prefix"]
        assert TEXT[s1 : s1 + 40] == r["suffix"]
        assert r["sentence"][max(0, r0 - 40) : r0] == r["qPrefix"]
        assert r["sentence"][r1 : r1 + 40] == r["qSuffix"]
    by_exact = {r["exact"]: r for r in rows}
    cited = by_exact["MC.DEC/6/18"]
    assert cited["sentence"] == (
        "The meeting followed PC.EC/637 and MC.DEC/6/18, and the Vienna Ministerial Decisions."
    )
    assert (int(cited["rStart"]), int(cited["rEnd"])) == (35, 46)
    assert by_exact["3-4 November 2020"]["sentence"] == "3-4 November 2020"  # a line is a sentence


@pytest.mark.parametrize(
    ("text", "needle", "sentence"),
    [
        ("One. Two cites MC.DEC/6/18 here. Three.", "MC.DEC/6/18", "Two cites MC.DEC/6/18 here."),
        ("Title line\nMC.DEC/6/18 opens it.", "MC.DEC/6/18", "MC.DEC/6/18 opens it."),
        ("A spans. Two sentences.", "spans. Two", "A spans. Two sentences."),
        ("x " * 1500 + "MC.DEC/6/18" + " y" * 1500, "MC.DEC/6/18", None),
    ],
)
def test_passage_sentence(text: str, needle: str, sentence: str | None) -> None:
    start = text.index(needle)
    s0, s1 = passage_sentence(text, start, start + len(needle))
    assert s0 <= start and start + len(needle) <= s1
    if sentence is not None:
        assert text[s0:s1] == sentence
    else:  # a run-on line is cut at a space within reach
        assert start - s0 <= 1200 and s1 - start - len(needle) <= 1200
        assert text[s0 - 1] == " " and text[s1] == " "
