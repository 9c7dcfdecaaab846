"""The evaluation harness: scores per field, misses and false hits with their passages, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thbgraph.graph.errors import ThbGraphError
from thbgraph.graph.evaluate import FIELDS, Score, evaluate, load_truth, score_document
from thbgraph.graph.model import (
    Citation,
    Country,
    DocumentInfo,
    Evidence,
    Extraction,
    Meeting,
    Organisation,
    Person,
    Publication,
)

TEXT = (
    "SUMMARY\n\nMeeting of National Anti-Trafficking Co-ordinators\n\n3-4 November 2020, online\n\n"
    "The meeting recalled PC.DEC/557 and MC.DEC/6/18, and the document THB-CP(2010)RAP5. "
    "Valiant Richey, OSCE Special Representative, spoke. Germany and Spain took part. "
    "The OSR/CTHB presented 'Following the Money' (2019).\n"
)


def _ev(text: str, needle: str, page: int | None = None) -> Evidence:
    i = text.index(needle)
    return Evidence(needle, i, i + len(needle), page)


def _citation(symbol: str | None, needle: str) -> Citation:
    ev = _ev(TEXT, needle)
    return Citation(symbol=symbol, text=needle, start=ev.start, end=ev.end)


TRUTH = {
    "source": "doc.txt",
    "document": {"type": "summary", "date": None},
    "meetings": {
        "required": [
            {
                "role": "subject",
                "title": "Meeting of National Anti-Trafficking Co-ordinators",
                "start_date": "2020-11-03",
                "end_date": "2020-11-04",
                "place": None,
                "online": True,
                "organisers": ["OSR/CTHB", "CoE"],
            }
        ],
        "optional": [],
    },
    "citations": {"required": ["PC.DEC/557", "MC.DEC/6/18"], "optional": []},
    "organisations": {"required": ["OSR/CTHB"], "optional": ["OSCE"]},
    "persons": {"required": [{"name": "Valiant Richey", "role": "OSCE Special Representative"}]},
    "publications": {"required": [{"title": "Following the Money", "year": 2019, "url": None}]},
    "countries": {"required": ["DE", "ES"], "optional": []},
}


def _perfect() -> Extraction:
    return Extraction(
        source="doc.txt",
        text=TEXT,
        document=DocumentInfo(type="summary", title="SUMMARY", evidence=_ev(TEXT, "SUMMARY")),
        meetings=[
            Meeting(
                role="subject",
                title="Meeting of National Anti-Trafficking Co-ordinators",
                start_date="2020-11-03",
                end_date="2020-11-04",
                online=True,
                organisers=["osr-cthb", "coe"],
                evidence=_ev(TEXT, "3-4 November 2020"),
            )
        ],
        citations=[_citation("PC.DEC/557", "PC.DEC/557"), _citation("MC.DEC/6/18", "MC.DEC/6/18")],
        organisations=[
            Organisation(
                "Office of the OSCE SR/CTHB", "OSR/CTHB", "osr-cthb", _ev(TEXT, "OSR/CTHB")
            ),
            Organisation("Organization for Security and Co-operation in Europe", "OSCE", "osce"),
        ],
        persons=[Person("Valiant Richey", "OSCE Special Representative", "osr-cthb")],
        publications=[Publication("Following the Money", 2019)],
        countries=[Country("DE", "Germany"), Country("ES", "Spain")],
    )


def test_a_perfect_extraction_scores_one_everywhere() -> None:
    result = score_document(TRUTH, _perfect())
    assert result.findings == []
    for name in FIELDS:
        assert result.scores[name].f1 == 1.0, name
    assert result.scores["citations"].tp == 2
    assert result.scores["meeting_facts"].tp == 5  # 2 dates, online, 2 organisers


def test_a_miss_is_reported_with_the_passage_where_it_is_written() -> None:
    ex = _perfect()
    ex.citations = ex.citations[:1]
    result = score_document(TRUTH, ex)
    s = result.scores["citations"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    assert s.recall == 0.5 and s.precision == 1.0
    (miss,) = result.findings
    assert miss.kind == "miss" and miss.expected == "MC.DEC/6/18"
    assert TEXT[miss.start : miss.end] == "MC.DEC/6/18"
    assert "recalled PC.DEC/557 and MC.DEC/6/18" in (miss.passage or "")


def test_a_decoy_document_number_read_as_a_commitment_is_a_false_hit_with_its_passage() -> None:
    ex = _perfect()
    ex.citations.append(_citation("THB-CP(2010)RAP5", "THB-CP(2010)RAP5"))
    result = score_document(TRUTH, ex)
    s = result.scores["citations"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert round(s.precision, 3) == 0.667
    (hit,) = result.findings
    assert hit.kind == "false_hit" and hit.found == "THB-CP(2010)RAP5"
    assert TEXT[hit.start : hit.end] == "THB-CP(2010)RAP5"


def test_citations_count_once_per_symbol_and_unresolved_references_are_not_scored() -> None:
    ex = _perfect()
    ex.citations += [_citation("PC.DEC/557", "PC.DEC/557"), _citation(None, "Germany")]
    ex.citations[-1].resolved = False
    assert score_document(TRUTH, ex).scores["citations"].to_json()["f1"] == 1.0


def test_a_pace_text_matches_with_or_without_the_body_before_its_name() -> None:
    ex = _perfect()
    ex.citations.append(_citation("PACE Resolution 1702 (2010)", "Germany"))
    truth = dict(
        TRUTH, citations={"required": ["PC.DEC/557", "MC.DEC/6/18", "Resolution 1702 (2010)"]}
    )
    assert score_document(truth, ex).scores["citations"].to_json()["f1"] == 1.0
    truth["citations"] = {"required": ["PC.DEC/557", "MC.DEC/6/18", "Resolution 1703 (2010)"]}
    score = score_document(truth, ex).scores["citations"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 1)


def test_a_symbol_left_unresolved_matches_the_truth_but_is_never_a_false_hit() -> None:
    """Issue 14: a document number read with its symbol but not resolved (the register does not
    list it) is found when the truth lists it, and costs nothing when the truth omits it."""
    ex = _perfect()
    ex.citations.append(_citation("THB-CP(2010)RAP5", "THB-CP(2010)RAP5"))
    ex.citations[-1].resolved = False
    s = score_document(TRUTH, ex).scores["citations"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    wanted = {**TRUTH, "citations": {"required": ["PC.DEC/557", "THB-CP(2010)RAP5"]}}
    s = score_document(wanted, ex).scores["citations"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)  # MC.DEC/6/18, resolved and not wanted, is a false hit


def test_optional_items_cost_nothing_and_unlisted_ones_are_false_hits() -> None:
    ex = _perfect()
    ex.organisations.append(Organisation("UNICEF", "UNICEF", None, _ev(TEXT, "Spain")))
    result = score_document(TRUTH, ex)
    s = result.scores["organisations"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)  # OSCE is optional, UNICEF is not listed
    assert [f.found for f in result.findings] == ["UNICEF"]


def test_organisations_match_by_acronym_key_or_name() -> None:
    ex = _perfect()
    ex.organisations = [Organisation("OSR-CTHB", None, None)]
    assert score_document(TRUTH, ex).scores["organisations"].tp == 1


def test_wrong_meeting_facts_are_scored_and_reported() -> None:
    ex = _perfect()
    ex.meetings[0].end_date = "2020-11-03"
    ex.meetings[0].place = "Vienna"
    ex.meetings[0].organisers = ["osr-cthb"]
    result = score_document(TRUTH, ex)
    facts = result.scores["meeting_facts"]
    assert result.scores["meetings"].f1 == 1.0
    assert (facts.tp, facts.fp, facts.fn) == (3, 2, 2)
    kinds = {(f.field, f.kind, f.expected, f.found) for f in result.findings}
    assert ("meeting_facts.end_date", "wrong_value", "2020-11-04", "2020-11-03") in kinds
    assert ("meeting_facts.place", "wrong_value", None, "Vienna") in kinds
    assert ("meeting_facts.organisers", "miss", "coe", None) in kinds


def test_a_missed_meeting_misses_all_its_facts() -> None:
    ex = _perfect()
    ex.meetings = [
        Meeting(role="mentioned", title="Alliance conference", evidence=_ev(TEXT, "OSCE"))
    ]
    result = score_document(TRUTH, ex)
    assert (result.scores["meetings"].fp, result.scores["meetings"].fn) == (1, 1)
    assert result.scores["meeting_facts"].tp == 0
    assert result.scores["meeting_facts"].fn == 5


def test_person_role_and_publication_year_differences_are_reported() -> None:
    ex = _perfect()
    ex.persons[0].role = "Executive Secretary"
    ex.publications[0].year = 2018
    result = score_document(TRUTH, ex)
    assert result.scores["persons"].f1 == 1.0
    fields = {f.field for f in result.findings if f.kind == "wrong_value"}
    assert fields == {"persons.role", "publications.year"}


def test_countries_missed_are_located_by_their_name() -> None:
    ex = _perfect()
    ex.countries = ex.countries[:1]
    (miss,) = score_document(TRUTH, ex).findings
    assert miss.expected == "ES" and TEXT[miss.start : miss.end] == "Spain"


def test_scores_when_nothing_is_expected_or_found() -> None:
    assert Score().f1 == 1.0
    assert Score(tp=0, fp=1, fn=0).precision == 0.0
    assert Score(tp=1, fp=1, fn=1).f1 == 0.5


def _write_truth(tmp_path: Path, docs: list[dict]) -> Path:
    truth = tmp_path / "truth.json"
    truth.write_text(json.dumps({"documents": docs}), encoding="utf-8")
    return truth


def test_evaluate_reads_each_document_and_sums_per_field(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "doc.txt").write_text(TEXT, encoding="utf-8")
    (docs / "other.txt").write_text(TEXT, encoding="utf-8")
    other = dict(TRUTH, source="other.txt", citations={"required": ["CETS No. 197"]})
    truth = _write_truth(tmp_path, [TRUTH, other])
    seen: list[str] = []

    def extractor(path: Path) -> Extraction:
        seen.append(path.name)
        ex = _perfect()
        ex.source = path.name
        return ex

    result = evaluate(truth, docs, extractor=extractor)
    assert seen == ["doc.txt", "other.txt"]
    totals = result.totals["citations"]
    assert (totals.tp, totals.fp, totals.fn) == (2, 2, 1)
    data = result.to_json()
    assert data["totals"]["citations"]["recall"] == round(2 / 3, 4)
    assert {f["found"] for f in data["documents"][1]["findings"]} >= {"PC.DEC/557"}


def test_a_truth_file_naming_a_missing_document_is_refused(tmp_path: Path) -> None:
    truth = _write_truth(tmp_path, [TRUTH])
    with pytest.raises(ThbGraphError, match=r"not found in .*doc\.txt"):
        evaluate(truth, tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "not valid JSON"),
        ('{"docs": []}', "'documents' list"),
        ('{"documents": [{}]}', "source"),
    ],
)
def test_a_malformed_truth_file_is_refused_with_its_name(
    tmp_path: Path, content: str, message: str
) -> None:
    truth = tmp_path / "bad.json"
    truth.write_text(content, encoding="utf-8")
    with pytest.raises(ThbGraphError, match=message) as info:
        load_truth(truth)
    assert "bad.json" in str(info.value)


def test_the_cli_reports_an_unreadable_document_as_misses(tmp_path: Path) -> None:
    from thbgraph.cli import _register, app

    _register()
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "doc.txt").write_bytes(b"")  # refused by the reader: counts as all misses
    truth = _write_truth(tmp_path, [TRUTH])
    runner = CliRunner()
    out = runner.invoke(app, ["evaluate", str(truth), str(docs), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert "the file is empty" in data["documents"][0]["error"]
    assert data["totals"]["citations"]["recall"] == 0.0
    table = runner.invoke(app, ["evaluate", str(truth), str(docs), "--fail-under", "0.5"])
    assert table.exit_code == 2
    assert "citations" in table.stdout and "missed 'MC.DEC/6/18'" in table.stdout


@pytest.mark.parametrize(
    ("expected", "found"),
    [
        ("Supreme Court of Kazakhstan", "Supreme Court"),
        (
            "Committee on Equality and Non-Discrimination (PACE)",
            "Committee on Equality and Non-Discrimination",
        ),
        ("State Migration Service of Kyrgyzstan", "Kyrgyz State Migration Service"),
        ("La Strada", "La Strada Ukraine"),
        (
            "Ministry of Internal Affairs of Kazakhstan",
            "Ministry of Internal Affairs of the Republic of Kazakhstan",
        ),
        (
            "National Committee for Combating Trafficking (Moldova)",
            "Moldova's National Committee for Combating Trafficking",
        ),
    ],
)
def test_a_qualifier_saying_whose_body_it_is_is_not_part_of_the_name(
    expected: str, found: str
) -> None:
    truth = {**TRUTH, "organisations": {"required": [expected], "optional": []}}
    ex = _perfect()
    ex.organisations = [Organisation(found, None, None)]
    assert score_document(truth, ex).scores["organisations"].tp == 1


def test_a_different_body_of_the_same_country_is_not_matched() -> None:
    truth = {
        **TRUTH,
        "organisations": {"required": ["Supreme Court of Kazakhstan"], "optional": []},
    }
    ex = _perfect()
    ex.organisations = [Organisation("Constitutional Court", None, None)]
    assert score_document(truth, ex).scores["organisations"].tp == 0


def test_a_gloss_in_brackets_after_a_truth_title_may_be_left_out() -> None:
    title = "ежегодный доклад о работе группы (Annual report on the work of the group)"
    truth = {**TRUTH, "publications": {"required": [{"title": title, "year": None}]}}
    for found in ("ежегодный доклад о работе группы", "Annual report on the work of the group"):
        ex = _perfect()
        ex.publications = [Publication(found, None)]
        assert score_document(truth, ex).scores["publications"].tp == 1, found


def test_the_parent_of_a_unit_expected_costs_nothing() -> None:
    from thbgraph.graph.register import load_register

    truth = {**TRUTH, "organisations": {"required": ["ODIHR"], "optional": []}}
    ex = _perfect()
    ex.organisations = [
        Organisation("OSCE Office for Democratic Institutions and Human Rights", "ODIHR", "odihr"),
        Organisation("Organization for Security and Co-operation in Europe", "OSCE", "osce"),
    ]
    s = score_document(truth, ex, register=load_register()).scores["organisations"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)


def test_totals_per_language_keep_french_and_russian_pages_apart(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("en.txt", "fr.txt"):
        (docs / name).write_text(TEXT, encoding="utf-8")
    french = dict(TRUTH, source="fr.txt", document={"type": "summary", "language": "fr"})
    french["citations"] = {"required": ["PC.DEC/557", "MC.DEC/6/18", "CETS No. 197"]}
    truth = _write_truth(tmp_path, [dict(TRUTH, source="en.txt"), french])

    def extractor(path: Path) -> Extraction:
        ex = _perfect()
        ex.source = path.name
        return ex

    result = evaluate(truth, docs, extractor=extractor)
    by_language = result.by_language()
    assert list(by_language) == ["en", "fr"]  # "en" extracted, "fr" stated by the truth
    assert by_language["en"]["citations"].f1 == 1.0
    assert (by_language["fr"]["citations"].tp, by_language["fr"]["citations"].fn) == (2, 1)
    assert result.to_json()["by_language"]["fr"]["citations"]["recall"] == round(2 / 3, 4)
    from thbgraph.cli import _register, app

    _register()
    table = CliRunner().invoke(app, ["evaluate", str(truth), str(docs), "--no-findings"])
    assert table.exit_code == 0, table.output
    assert "F1 en (1)" in table.stdout and "F1 fr (1)" in table.stdout
