"""Publications: quoted and cue-introduced titles, years, footnote URLs, publishers."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from thbgraph.graph.extract.publications import find_publications, footnote_urls
from thbgraph.graph.register import Register, load_register

FIXTURES = Path(__file__).parent / "fixtures"
SEED_PUBLICATIONS = FIXTURES / "seed_002_publications.json"  # copied from the seed facts


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register(paths=[FIXTURES / "b_register.ttl"])


def seed(name: str) -> str:
    path = resources.files("thbgraph.graph.corpus") / "documents" / name
    return path.read_text(encoding="utf-8")


def test_seed_002_titles_years_and_footnote_urls(reg: Register) -> None:
    found = {p.title: p for p in find_publications(seed("002_2e1ad919f53edd39.txt"), reg)}
    expected = [
        (
            "Addressing Emerging Human Trafficking Trends and Consequences of the COVID-19 Pandemic",
            2020,
            "https://www.osce.org/odihr/human-trafficking-COVID-19-report",
        ),
        (
            "Third report on the progress made in the fight against trafficking in human beings",
            2020,
            None,
        ),
        (
            "Roadmap on strengthening action against trafficking in human beings for the purpose of labour exploitation",
            2019,
            "https://rm.coe.int/CoERMPublicCommonSearchServices/DisplayDCTMContent?documentId=090000168098e630",
        ),
        (
            "Following the Money: Compendium of Resources and Step-by-step Guide to Financial Investigations Into Trafficking in Human Beings",
            2019,
            "https://www.osce.org/cthb/438323",
        ),
    ]
    for title, year, url in expected:
        assert title in found, title
        assert (found[title].year, found[title].url) == (year, url)


def test_seed_002_every_required_publication_of_the_seed_facts(reg: Register) -> None:
    facts = json.loads(SEED_PUBLICATIONS.read_text(encoding="utf-8"))
    assert facts["required"]
    found = {p.title: (p.year, p.url) for p in find_publications(seed(facts["source"]), reg)}
    for pub in facts["required"]:
        assert found.get(pub["title"]) == (pub["year"], pub["url"]), pub["title"]


def test_seed_002_evidence_and_publishers(reg: Register) -> None:
    text = seed("002_2e1ad919f53edd39.txt")
    pubs = {p.title[:20]: p for p in find_publications(text, reg)}
    leveraging = pubs["Leveraging innovatio"]
    assert leveraging.publisher == ["osce", "osr-cthb", "tech-against-trafficking"]
    assert pubs["Guidance Note on the"].publisher == ["greta"]  # "GRETA's First Vice-President"
    assert pubs["Compendium of good p"].publisher == ["greta"]  # "the CoE presented GRETA's ..."
    assert pubs["Third report on the "].publisher == ["european-commission"]
    for p in pubs.values():
        assert p.evidence is not None
        assert text[p.evidence.start : p.evidence.end] == p.evidence.text
        if p.url:
            assert p.url_evidence is not None and p.url_evidence.text == p.url
            assert text[p.url_evidence.start : p.url_evidence.end] == p.url


def test_seed_002_footnote_named_documents(reg: Register) -> None:
    """Footnote 3: 'The full text of the Statement by the OSCE SR/CTHB can be found here: <url>'."""
    found = {p.title: p for p in find_publications(seed("002_2e1ad919f53edd39.txt"), reg)}
    statement = found["Statement by the OSCE SR/CTHB"]
    assert (statement.year, statement.url) == (2020, "https://www.osce.org/secretariat/449554")
    emergency = found[
        "In time of emergency the rights and safety of trafficking victims must be respected and protected"
    ]
    assert (emergency.year, emergency.url) == (2020, None)


@pytest.mark.parametrize(
    "source", ["000_46f1c8b510004226.txt", "001_c7656a1bae82c630.txt", "003_36499e4a6194a2d9.txt"]
)
def test_quotes_of_speech_and_mandates_are_not_titles(source: str, reg: Register) -> None:
    assert find_publications(seed(source), reg) == []


def test_footnote_urls_superscripts_and_plain_numbers() -> None:
    text = "Body¹ and more.\n\n¹ See <https://example.org/a>\n\n2 https://example.org/b\n\n3 Not a note"
    notes = footnote_urls(text)
    assert {n: note.url for n, note in notes.items()} == {
        1: "https://example.org/a",
        2: "https://example.org/b",
    }


def test_unseen_english_document(reg: Register) -> None:
    text = (FIXTURES / "b_conclusions_en.txt").read_text(encoding="utf-8")
    found = [(p.title, p.year, p.url, p.publisher) for p in find_publications(text, reg)]
    assert found == [
        (
            "Detecting Forced Labour in Supply Chains: A Practical Guide",
            2021,
            "https://www.osce.org/odihr/500001",
            ["odihr"],
        ),
        (
            "Guidance on Remedies for Trafficked Persons",
            2019,
            "https://www.osce.org/odihr/400002",
            ["odihr"],
        ),
    ]


def test_unseen_french_document_with_guillemets(reg: Register) -> None:
    text = (FIXTURES / "b_press_fr.txt").read_text(encoding="utf-8")
    (pub,) = find_publications(text, reg)
    assert pub.title == "Traite des êtres humains à des fins d'exploitation par le travail"
    assert (pub.year, pub.url) == (2018, "https://rm.coe.int/rapport-2018/1680000001")
    assert pub.publisher == ["Ministère de l'Intérieur de la France", "greta"]


def test_unquoted_title_after_a_cue_word(reg: Register) -> None:
    text = (
        "ODIHR launched the handbook Combating Trafficking as Modern-Day Slavery (2018) in Warsaw."
    )
    (pub,) = find_publications(text, reg)
    assert (pub.title, pub.year, pub.publisher) == (
        "Combating Trafficking as Modern-Day Slavery",
        2018,
        ["odihr"],
    )


def test_commitment_names_are_not_publications(tmp_path: Path) -> None:
    ttl = tmp_path / "register.ttl"
    ttl.write_text(
        "@prefix c: <https://w3id.org/thbgraph/id/commitment/> .\n"
        "@prefix thb: <https://w3id.org/thbgraph/ontology#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'c:cets-197 a thb:Convention ; skos:notation "CETS No. 197" ;\n'
        '  skos:altLabel "Convention on Action against Trafficking in Human Beings"@en .\n',
        encoding="utf-8",
    )
    reg = load_register(paths=[ttl])
    text = (
        'States ratified the "Convention on Action against Trafficking in Human Beings" (2005) '
        'and read the report "Trafficking in Human Beings: Ten Years On" (2015).'
    )
    titles = [p.title for p in find_publications(text, reg)]
    assert titles == ["Trafficking in Human Beings: Ten Years On"]


def test_quoted_speech_after_a_cue_word_is_not_a_title(reg: Register) -> None:
    text = (
        'The report said: "Victims must be protected." '
        'The study notes "Most victims are women and girls."'
    )
    assert find_publications(text, reg) == []


def test_low_double_quotes_and_year_in_sentence(reg: Register) -> None:
    text = (
        "GRETA presented the study „Menschenhandel in Europa“, published in 2017, to the Committee."
    )
    (pub,) = find_publications(text, reg)
    assert (pub.title, pub.year, pub.publisher) == ("Menschenhandel in Europa", 2017, ["greta"])
