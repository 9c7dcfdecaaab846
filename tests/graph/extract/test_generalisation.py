"""Extraction of document forms beyond the seeds: French and Russian, look-alike characters,
decoy document numbers, other datelines, counts in words; and run time linear in the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.citations import find_citations
from thbgraph.graph.extract.countries import country_mentions
from thbgraph.graph.extract.doctype import document_info, find_dateline
from thbgraph.graph.extract.meetings import find_meetings
from thbgraph.graph.extract.organisations import find_organisations
from thbgraph.graph.extract.passages import _split, sentence_at, sentences
from thbgraph.graph.extract.persons import find_persons
from thbgraph.graph.extract.publications import find_publications
from thbgraph.graph.extract.symbols import find_symbols
from thbgraph.graph.model import Meeting
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def subject_of(text: str, reg: Register) -> Meeting:
    info = document_info(text)
    found, _ = find_meetings(text, reg, info=info, dateline=find_dateline(text))
    (subject,) = [m for m in found if m.role == "subject"]
    for name, ev in subject.facts.items():
        assert text[ev.start : ev.end] == ev.text, name
    return subject


# --------------------------------------------------------------------------- symbols


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("la Décision n° 6/18 du Conseil ministériel de l'OSCE", "MC.DEC/6/18"),
        ("la Décision no 557 du Conseil permanent", "PC.DEC/557"),
        ("Décision du Conseil ministériel n° 3/06", "MC.DEC/3/06"),
        ("выполнение Решения № 6/18 Совета министров ОБСЕ", "MC.DEC/6/18"),
        ("выполнение Решения Совета министров № 14/06", "MC.DEC/14/06"),
        ("Решение Постоянного совета № 557", "PC.DEC/557"),
        ("la Convention (STCE n° 197)", "CETS No. 197"),
        ("decisions MC. DEC/14/06 and", "MC.DEC/14/06"),
        ("and MC.DEC/5/ 08, as well", "MC.DEC/5/08"),
        ("Action Plan, PC.DEC/ 557.", "PC.DEC/557"),
        ("Addendum (PC.DEC/1107 /Corr.1)", "PC.DEC/1107/Corr.1"),
        ("MC.DEC/６/１８ (full-width digits)", "MC.DEC/6/18"),
        ("MC.DEC∕7∕17 (division slashes)", "MC.DEC/7/17"),
        ("PC․DEC/557 (a one-dot leader)", "PC.DEC/557"),
    ],
)
def test_written_forms_beyond_english(written: str, canonical: str) -> None:
    found = find_symbols(written)
    assert [s.symbol for s in found] == [canonical]
    assert all(written[s.start : s.end] == s.text for s in found)


def test_cyrillic_look_alike_letters_are_a_reported_repair() -> None:
    text = "выполнение Решения (МС.DEC/8/07) и"
    (s,) = find_symbols(text)
    assert (s.symbol, s.text, s.method) == ("MC.DEC/8/07", "МС.DEC/8/07", "repaired-symbol")
    assert s.note is not None and "Cyrillic" in s.note and s.confidence < 1


def test_a_stray_space_before_the_year_gives_no_truncated_symbol() -> None:
    assert [s.symbol for s in find_symbols("MC.DEC/5/ 08 and PC.DEC/557")] == [
        "MC.DEC/5/08",
        "PC.DEC/557",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the report contained in document SEC.GAL/123/19 and CIO.GAL/45/19",
        "PC.JOUR/1234\n4 July 2019\nPermanent Council",
        "distributed under ODIHR.GAL/48/21.",
        "MC.DOC/3/99\nMinisterial Council",
        "numbers such as PC.SHDM.GAL/9/18 refer to",
        "THB-CP(2010)RAP5 and Doc. 12096 were distributed",
        "statement distributed as PC.DEL/100/20",
    ],
)
def test_document_numbers_are_not_commitments(text: str, reg: Register) -> None:
    citations, _ = find_citations(text, reg)
    assert [c.symbol for c in citations if c.resolved] == []


def test_council_of_europe_document_numbers_are_cited_as_documents(reg: Register) -> None:
    """Issue 14: a Council of Europe document number (a Committee of the Parties report, a PACE
    document, a Committee of Ministers text) is recorded as a citation with its symbol and
    passage, unresolved unless the register lists it; a PACE Resolution is a resolved citation."""
    text = "THB-CP(2010)RAP5 and Doc. 12096 recall CM/Rec(2022)21 and Resolution 2323 (2020)."
    citations, warnings = find_citations(text, reg)
    assert [(c.symbol, c.resolved) for c in citations] == [
        ("THB-CP(2010)RAP5", False), ("Doc. 12096", False),
        ("CM/Rec(2022)21", False), ("PACE Resolution 2323 (2020)", True),
    ]  # fmt: skip
    assert all(text[c.start : c.end] == c.text for c in citations)
    assert any("THB-CP(2010)RAP5" in w for w in warnings)


def test_a_journal_the_register_lists_is_still_a_citation(reg: Register) -> None:
    citations, _ = find_citations("as recorded in MC(10).JOUR/2, Annex", reg)
    assert [c.symbol for c in citations] == ["MC(10).JOUR/2"]


def test_a_russian_name_of_a_commitment_in_another_grammatical_case(reg: Register) -> None:
    text = "в соответствии с Конвенцией Совета Европы о противодействии торговле людьми."
    citations, _ = find_citations(text, reg)
    assert [c.symbol for c in citations] == ["CETS No. 197"]


def test_a_name_and_its_revised_symbol_are_one_citation(reg: Register) -> None:
    text = (
        "the OSCE Action Plan to Combat Trafficking in Human Beings as revised (PC.DEC/557/Rev.1)."
    )
    citations, _ = find_citations(text, reg)
    assert [c.symbol for c in citations] == ["PC.DEC/557/Rev.1"]


# --------------------------------------------------------------------------- documents and dates


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            "Traite : les coordinateurs réunis à Strasbourg\n\nStrasbourg, le 25 novembre 2022\n\n"
            "Les coordinateurs et rapporteurs nationaux de lutte contre la traite se sont réunis à "
            "Strasbourg les 24 et 25 novembre 2022, à l'invitation du Conseil de l'Europe et de l'OSCE.\n",
            "press_release",
            "2022-11-25",
        ),
        (
            "Experts meet in Copenhagen\n\nCOPENHAGEN, November 4, 2019\n\nParliamentarians and "
            "experts met in Copenhagen on November 3-4, 2019 at a seminar on ending demand for "
            "trafficking, organized by the OSCE Parliamentary Assembly.\n",
            "press_release",
            "2019-11-04",
        ),
        (
            "БДИПЧ провело совещание\n\nВАРШАВА, 13 октября 2021 г. – Совещание экспертов по "
            "механизмам перенаправления прошло 12-13 октября 2021 г. в Варшаве.\n",
            "press_release",
            "2021-10-13",
        ),
    ],
)
def test_datelines_in_french_us_and_russian_style(
    text: str, kind: str, day: str, reg: Register
) -> None:
    info = document_info(text)
    assert (info.type, info.date) == (kind, day)
    subject = subject_of(text, reg)
    assert subject.start_date is not None and subject.start_date < day  # the story's own dates
    assert subject.end_date == day


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("PROJET D'ORDRE DU JOUR", "agenda"),
        ("ПРОЕКТ ПОВЕСТКИ ДНЯ", "agenda"),
        ("MEETING REPORT", "report"),
    ],
)
def test_french_russian_and_meeting_headings(heading: str, kind: str) -> None:
    assert document_info(f"{heading}\n\nSome meeting\n").type == kind


def test_a_report_is_dated_by_its_issue_line_and_the_meeting_by_its_own(reg: Register) -> None:
    text = (
        "Council of Europe\nCommittee of the Parties\n\nTHB-CP(2010)RAP5\n"
        "Strasbourg, 15 February 2011\n\nMEETING REPORT\n\n"
        "5th meeting of the Committee of the Parties, Strasbourg, 7 December 2010\n\n"
        "1. The Committee of the Parties held its 5th meeting in Strasbourg on 7 December 2010.\n"
    )
    info = document_info(text)
    assert (info.type, info.date) == ("report", "2011-02-15")
    assert subject_of(text, reg).start_date == "2010-12-07"


def test_a_decision_is_not_the_meeting_it_decides_to_hold(reg: Register) -> None:
    text = (
        "PC.JOUR/1234\n4 July 2019\n\nOrganization for Security and Co-operation in Europe\n"
        "Permanent Council\n\nDECISION No. 1340\n\nThe Permanent Council,\n\n"
        "Decides to hold the 19th Alliance against Trafficking in Persons conference in Vienna "
        "on 6 and 7 April 2020.\n"
    )
    subject = subject_of(text, reg)
    assert (subject.start_date, subject.end_date) == ("2020-04-06", "2020-04-07")


# --------------------------------------------------------------------------- meeting facts


def test_counts_in_words_and_in_french_and_russian(reg: Register) -> None:
    base = "CONCLUSIONS\n\nRegional Focal Point Meeting\n\nSarajevo, 24-25 May 2004\n\n"
    s = subject_of(base + "Eighteen focal points from seven Missions attended.\n", reg)
    assert s.participants_count == 18
    s = subject_of(base + "Twenty-two States met to take stock.\n", reg)
    assert s.states_count == 22
    s = subject_of(base + "Plus de 100 participants de 41 États y ont pris part.\n", reg)
    assert (s.participants_count, s.states_count) == (100, 41)
    s = subject_of(base + "В совещании приняли участие более 120 человек из 45 государств.\n", reg)
    assert (s.participants_count, s.states_count) == (120, 45)


def test_an_online_session_topic_is_not_online_attendance(reg: Register) -> None:
    text = (
        "ANNOTATED AGENDA\n\nExpert Meeting on Technology and Human Trafficking\n\n"
        "Strasbourg, Palais de l'Europe, Room 9\n\n30 November – 1 December 2021\n\n"
        "- 14:00 – 14:30 Welcome\n- 14:30 – 16:30 Session 1: Online recruitment of victims\n"
    )
    subject = subject_of(text, reg)
    assert (subject.online, subject.place) == (False, "Strasbourg")


def test_organisers_in_french_and_russian(reg: Register) -> None:
    fr = (
        "ORDRE DU JOUR\n\nRéunion des coordinateurs nationaux\n\n5-6 décembre 2023\n\n"
        "Organisée par le Conseil de l'Europe en coopération avec l'OSCE.\n"
    )
    assert subject_of(fr, reg).organisers == ["CoE", "OSCE"]
    ru = (
        "ПОВЕСТКА ДНЯ\n\nСовещание национальных координаторов\n\nВена, 3-4 ноября 2020 г.\n\n"
        "Совещание организуется Бюро Специального представителя и координатора ОБСЕ по борьбе "
        "с торговлей людьми и Советом Европы в соответствии с Решением № 6/18 Совета министров ОБСЕ.\n"
    )
    assert subject_of(ru, reg).organisers == ["OSR/CTHB", "CoE"]


def test_an_earlier_meeting_named_in_lower_case_is_mentioned_with_its_date(reg: Register) -> None:
    text = (
        "AGENDA\n\nMeeting of National Co-ordinators\n\nStrasbourg, 22 November 2022\n\n"
        "The present meeting follows up on the previous meeting of national co-ordinators and "
        "rapporteurs held in Strasbourg on 16 November 2021.\n"
    )
    info = document_info(text)
    found, _ = find_meetings(text, reg, info=info, dateline=find_dateline(text))
    mentioned = [m for m in found if m.role == "mentioned"]
    assert [(m.title, m.start_date, m.place) for m in mentioned] == [
        ("previous meeting of national co-ordinators and rapporteurs", "2021-11-16", "Strasbourg")
    ]


def test_french_organisers_through_the_register_aliases(reg: Register) -> None:
    text = (
        "RÉSUMÉ DES DÉBATS\n\nRéunion des coordinateurs nationaux\n\nStrasbourg, les 3 et 4 "
        "octobre 2019\n\nLa réunion a été co-organisée par le Conseil de l'Europe et le Bureau du "
        "Représentant spécial et coordinateur de l'OSCE pour la lutte contre la traite des êtres "
        "humains. Plus de 100 participants de 41 États y ont pris part.\n"
    )
    subject = subject_of(text, reg)
    assert subject.organisers == ["CoE", "OSR/CTHB"]
    assert (subject.start_date, subject.end_date) == ("2019-10-03", "2019-10-04")
    assert "RE" not in {c.code for c in extract(text, register=reg).countries}


# --------------------------------------------------------------------------- actors


def test_french_and_russian_names_of_organisations(reg: Register) -> None:
    text = (
        "à l'invitation du Conseil de l'Europe et de l'OSCE. "
        "Совещание организовало Бюро ОБСЕ по демократическим институтам и правам человека (БДИПЧ)."
    )
    keys = [o.key for o in find_organisations(text, reg)]
    assert keys == ["coe", "osce", "odihr"]


def test_the_author_of_a_cited_decision_is_not_an_actor(reg: Register) -> None:
    text = "ainsi que la Décision n° 6/18 du Conseil ministériel de l'OSCE sur la traite."
    assert [o.key for o in find_organisations(text, reg)] == ["osce"]


def test_russian_country_names_in_any_case_and_reunion_as_a_word() -> None:
    text = "в том числе из Польши, Казахстана и Беларуси. Réunion des coordinateurs. La Réunion"
    assert [c for c, _, _ in country_mentions(text)] == ["PL", "KZ", "BY", "RE"]


def test_persons_with_a_role_before_the_name_or_a_middle_initial(reg: Register) -> None:
    text = (
        "The OSCE Special Representative, Valiant Richey, stressed the importance of it. "
        '"We need laws," said Christopher H. Smith, OSCE PA Special Representative.'
    )
    names = [(p.name, p.role) for p in find_persons(text, reg)]
    assert names == [
        ("Valiant Richey", "OSCE Special Representative"),
        ("Christopher H. Smith", "OSCE PA Special Representative"),
    ]


def test_a_document_number_is_not_a_publication_title(reg: Register) -> None:
    text = (
        "The Parliamentary Assembly report Doc. 12096 and the Stability Pact Task Force report "
        "SPTF(2004)12 were distributed for information only."
    )
    assert find_publications(text, reg) == []


# --------------------------------------------------------------------------- run time


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .!?\n"”)No1')), max_size=120))
def test_the_cached_sentence_split_is_the_split_of_each_line(text: str) -> None:
    """`sentence_at` searches the split of the whole text; it must equal the per-line split."""
    assert sentences(text) == _split(text, 0, len(text))
    for offset in range(len(text)):
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end == -1 else line_end
        expected = next(
            (
                (s, e)
                for s, e in _split(text, line_start, line_end)
                if s <= offset < e or offset == e
            ),
            (line_start, line_end),
        )
        assert sentence_at(text, offset) == expected


def test_a_long_single_line_is_extracted() -> None:
    """Issue 1: 200 kB on one line (once minutes, as every mention re-split the text)."""
    unit = (
        "Meeting of National Anti-Trafficking Co-ordinators and Rapporteurs, Vienna, "
        "3-4 November 2020. MC.DEC/6/18 and PC.DEC/557/Rev.1 and CETS No. 197, Article 29(4). "
    )
    text = unit * (200_000 // len(unit))
    ex = extract(text)
    assert {c.symbol for c in ex.citations} >= {"MC.DEC/6/18", "PC.DEC/557/Rev.1"}
