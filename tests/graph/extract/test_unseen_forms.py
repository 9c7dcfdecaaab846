"""Issue 7: the general classes of error seen on unseen documents (dates, places, publications,
persons, counts, document types, organisations), each on a text written for the test."""

from __future__ import annotations

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.counts import _number
from thbgraph.graph.model import Meeting


def _subject(text: str) -> Meeting:
    return next(m for m in extract(text).meetings if m.role == "subject")


# 1. meeting dates


def test_a_document_number_and_its_issue_date_are_not_the_meeting_date() -> None:
    text = (
        "CIO.GAL/12/22 7 February 2022\nENGLISH only\n\nANNOTATED AGENDA\n\n"
        "Round Table on Labour Inspection and Trafficking\n\n"
        "The Chairmanship will convene a round table in Vienna on 14 and 15 March 2022 "
        "for labour inspectors and prosecutors.\n"
    )
    m = _subject(text)
    assert (m.start_date, m.end_date, m.place) == ("2022-03-14", "2022-03-15", "Vienna")


def test_a_body_and_its_decision_date_are_not_the_meeting_date() -> None:
    text = (
        "Permanent Council, 11 May 2023\n\nDECISION ON A REGIONAL CONFERENCE\n\n"
        "The Permanent Council decides to hold the conference in Sofia on 20 and 21 June 2023.\n"
    )
    m = _subject(text)
    assert (m.start_date, m.end_date, m.place) == ("2023-06-20", "2023-06-21", "Sofia")


def test_a_decision_adopted_on_a_day_is_dated_by_it() -> None:
    text = "Permanent Council\nadopted on 9 February 2022\n\nDECISION No. 9999\n\nThe Permanent Council,\n\nDecides to hold a meeting in Vienna on 3 and 4 May 2022;\n"
    ex = extract(text)
    assert (ex.document.type, ex.document.date) == ("decision", "2022-02-09")
    assert ex.meetings[0].start_date == "2022-05-03"


def test_a_later_meeting_announced_in_a_press_release_is_not_its_subject() -> None:
    text = (
        "PRESS RELEASE\n\nPROSECUTORS SHARE PRACTICE\n\n"
        "VILNIUS, 9 September 2022 – Prosecutors from twelve countries held a seminar on "
        "8 and 9 September 2022 on financial investigations. The next seminar will take place "
        "online on 2 December 2022.\n"
    )
    m = _subject(text)
    assert (m.start_date, m.end_date, m.place) == ("2022-09-08", "2022-09-09", "Vilnius")


def test_days_without_a_year_take_the_dateline_year_and_the_stated_venue() -> None:
    text = (
        "PRESS RELEASE\n\nSocial workers trained\n\n"
        "KYIV, 29 July 2020 – Social workers met in Odesa on 23 and 24 July to practise the "
        "identification of victims, in a workshop organized by the OSCE.\n"
    )
    m = _subject(text)
    assert (m.start_date, m.end_date, m.place) == ("2020-07-23", "2020-07-24", "Odesa")


def test_a_russian_story_without_a_year_under_a_dateline_of_its_own() -> None:
    text = (
        "ПРЕСС-РЕЛИЗ\n\nВЕНА, 5 ноября 2020 г.\n\n"
        "2-3 ноября в онлайн-формате прошла конференция по вопросам выявления жертв торговли "
        "людьми, в которой приняли участие 95 человек, в том числе представители 33 государств.\n"
    )
    m = _subject(text)
    assert (m.start_date, m.end_date) == ("2020-11-02", "2020-11-03")
    # 2. an online meeting has no place, however its dateline reads
    assert (m.online, m.place) == (True, None)
    # 5. counts in Russian
    assert (m.participants_count, m.states_count) == (95, 33)


def test_online_and_hybrid_formats_in_three_languages() -> None:
    for sentence in (
        "The meeting took place in a hybrid format on 4 and 5 May 2021.",
        "La réunion s'est tenue par visioconférence les 4 et 5 mai 2021.",
        "Совещание экспертов прошло 4-5 мая 2021 г. в режиме видеоконференции.",
    ):
        m = _subject("Meeting of Anti-Trafficking Experts\n\n" + sentence + "\n")
        assert m.online is True, sentence
        assert m.place is None, sentence


def test_the_next_meeting_online_does_not_make_this_one_online() -> None:
    text = (
        "Summary\n\nMeeting of Labour Inspectors\n\nThe meeting was held in Vienna on "
        "6 and 7 April 2022. The next meeting will take place online in the autumn.\n"
    )
    m = _subject(text)
    assert (m.online, m.place) == (False, "Vienna")


# 3. publications


def test_a_title_in_running_text_takes_the_url_of_its_footnote() -> None:
    text = (
        "Delegates discussed the Handbook on Trauma-Informed Interviewing of Child Victims³, "
        "released in 2019, and its use by the police.\n\n"
        "³ https://www.osce.org/secretariat/400100\n"
    )
    (pub,) = extract(text).publications
    assert pub.title == "Handbook on Trauma-Informed Interviewing of Child Victims"
    assert (pub.year, pub.url) == (2019, "https://www.osce.org/secretariat/400100")


def test_an_organisation_before_a_footnote_marker_is_not_a_title() -> None:
    text = "The study was prepared by the OSCE Mission to Moldova¹.\n\n¹ https://www.osce.org/moldova\n"
    assert extract(text).publications == []


def test_a_markdown_title_in_italics_followed_by_its_url() -> None:
    text = (
        "Participants received _Leaving No One Behind: Assistance to Male Victims_, "
        "available at https://www.osce.org/cthb/470001, published in 2021.\n"
    )
    (pub,) = extract(text).publications
    assert pub.title == "Leaving No One Behind: Assistance to Male Victims"
    assert pub.url == "https://www.osce.org/cthb/470001"


def test_a_russian_title_in_guillemets_with_its_url() -> None:
    text = (
        "Эксперты представили доклад «Торговля людьми в целях принудительного труда: "
        "обзор практики» (https://www.osce.org/ru/cthb/480002), подготовленный в 2022 году.\n"
    )
    (pub,) = extract(text).publications
    assert pub.url == "https://www.osce.org/ru/cthb/480002"
    assert pub.year == 2022


# 4. persons


def test_names_in_markdown_bold_with_their_roles() -> None:
    text = (
        '"We need data," said **Marta Kowalczyk**, Senior Adviser at the OSR/CTHB.\n\n'
        "__Pieter de Vries__, Head of the Dutch Labour Inspectorate, agreed.\n"
    )
    names = {p.name: p.role for p in extract(text).persons}
    assert names == {
        "Marta Kowalczyk": "Senior Adviser at the OSR/CTHB",
        "Pieter de Vries": "Head of the Dutch Labour Inspectorate",
    }
    for p in extract(text).persons:
        assert p.evidence is not None and text[p.evidence.start : p.evidence.end] == p.evidence.text


def test_russian_names_after_a_speech_verb_or_a_post() -> None:
    text = (
        "«Мы должны слышать пострадавших», – подчеркнул Андрей Соколов, эксперт Совета Европы.\n\n"
        "Директор БДИПЧ Мария Ковальчик открыла заседание.\n"
    )
    names = {p.name for p in extract(text).persons}
    assert names == {"Андрей Соколов", "Мария Ковальчик"}


# 5. counts


def test_french_number_words() -> None:
    assert [
        _number(w) for w in ("Trente-neuf", "vingt et un", "quatre-vingt-douze", "dix-sept")
    ] == [
        39,
        21,
        92,
        17,
    ]
    m = _subject(
        "Réunion des coordinateurs nationaux\n\nLa réunion s'est tenue à Strasbourg les 3 et "
        "4 mai 2023. Quarante-deux participants y ont pris part. Vingt-huit Parties à la "
        "Convention étaient représentées.\n"
    )
    assert (m.participants_count, m.states_count) == (42, 28)


# 6. document type


def test_long_french_summary_headings_are_summaries() -> None:
    for heading in (
        "Compte-rendu de la réunion des rapporteurs nationaux sur la traite",
        "Rapport de la réunion annuelle des coordinateurs nationaux de lutte contre la traite",
        "Synthèse des débats de la conférence de l'Alliance contre la traite des personnes",
    ):
        text = heading + "\n\nLa réunion s'est tenue à Paris les 2 et 3 mars 2022.\n"
        assert extract(text).document.type == "summary", heading


# 7. organisations


def test_a_capitals_letterhead_run_into_a_unit_is_that_unit() -> None:
    text = (
        "ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE Mission to Serbia\n\n"
        "The Mission supported the training of police officers.\n"
    )
    keys = {o.key for o in extract(text).organisations}
    assert keys == {"osce", "osce-mission-serbia"}


def test_a_regional_office_of_a_known_organisation_is_that_organisation() -> None:
    text = "The study was funded by the UNICEF Europe and Central Asia Regional Office.\n"
    orgs = extract(text).organisations
    assert [(o.key, o.name) for o in orgs if o.key is None] == []
    assert {o.key for o in orgs} == {"unicef"}
