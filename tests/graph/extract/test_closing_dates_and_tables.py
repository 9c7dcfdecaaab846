"""Issue 7 (second held-out set): forms of unseen documents, each on a text written for the test —
press releases that never say so, closing-line dates, draft dates, French ranges with weekdays
and times, venue lines, organisers in lists and clauses, persons in tables, reference lists."""

from __future__ import annotations

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.dates import find_dates
from thbgraph.graph.model import Meeting


def _subject(text: str) -> Meeting:
    return next(m for m in extract(text).meetings if m.role == "subject")


# 1. document type


def test_a_news_story_with_a_quoted_official_is_a_press_release() -> None:
    text = (
        "Prosecutors from the Baltic region agree on shared evidence standards\n\n"
        "Prosecutors from five participating States met in Vilnius on 2 and 3 June to compare "
        "how evidence from victims is gathered.\n\n"
        '"We cannot keep asking victims to tell their story five times," said Jonas Petraitis, '
        "Chief Prosecutor of Lithuania.\n\nPublished 5 June 2021\n"
    )
    ex = extract(text)
    assert (ex.document.type, ex.document.date) == ("press_release", "2021-06-05")
    m = _subject(text)
    assert (m.start_date, m.end_date, m.place) == ("2021-06-02", "2021-06-03", "Vilnius")


def test_a_summary_without_quotes_is_not_taken_for_a_press_release() -> None:
    text = (
        "Notes on the regional exchange of practices\n\n"
        "Experts met in Vilnius on 2 and 3 June 2021 to compare practices.\n"
    )
    assert extract(text).document.type != "press_release"


def test_chairs_conclusions_in_capitals_are_conclusions() -> None:
    for heading in ("CHAIR'S CONCLUSIONS", "Chairperson's Conclusions", "CO-CHAIRS' CONCLUSIONS"):
        text = f"{heading}\n\nRound table on victim compensation\n\nParticipants agreed to meet again.\n"
        assert extract(text).document.type == "conclusions", heading


# 2. dates


def test_a_closing_line_gives_the_year_and_the_document_date() -> None:
    text = (
        "Report of the Expert Meeting on Labour Exploitation\n\n"
        "The meeting was held in Vienna on 4 and 5 March to review national action plans.\n\n"
        "Issued in Vienna on 20 March 2023\n"
    )
    ex = extract(text)
    assert ex.document.date == "2023-03-20"
    m = _subject(text)
    assert (m.start_date, m.end_date) == ("2023-03-04", "2023-03-05")


def test_a_russian_closing_line_completes_a_range_across_a_month_end() -> None:
    text = (
        "Эксперты обсудили помощь пострадавшим\n\n"
        "Эксперты из восьми государств встретились в Вене с 31 мая по 1 июня, чтобы обсудить "
        "помощь пострадавшим.\n\n«Помощь должна быть доступной», – заявила Анна Петрова, "
        "советник БДИПЧ.\n\nОпубликовано 3 июня 2020 г.\n"
    )
    ex = extract(text)
    assert (ex.document.type, ex.document.date) == ("press_release", "2020-06-03")
    m = _subject(text)
    assert (m.start_date, m.end_date) == ("2020-05-31", "2020-06-01")


def test_an_end_dateline_dates_the_document_but_a_weekday_heading_does_not() -> None:
    dated = (
        "CONCLUSIONS\n\nThe meeting took place in Tirana on 8 and 9 May.\n\nTirana, 10 May 2024\n"
    )
    assert extract(dated).document.date == "2024-05-10"
    assert _subject(dated).start_date == "2024-05-08"
    agenda = "AGENDA\n\nMeeting in Vienna, 3-4 May 2024\n\nFriday, 3 May 2024\n\n09:30 Opening\n"
    assert extract(agenda).document.date is None


def test_a_draft_version_date_is_the_document_date_never_the_meeting_date() -> None:
    text = (
        "Projet, version du 2 février 2023\n\nORDRE DU JOUR\n\n"
        "Réunion d'experts sur la traite aux fins de travail forcé\n\n"
        "Du mercredi 1er mars (9 h 30) au jeudi 2 mars 2023 (17 h 00)\n\nStrasbourg\n"
    )
    ex = extract(text)
    assert ex.document.date == "2023-02-02"
    m = _subject(text)
    assert (m.start_date, m.end_date, m.place) == ("2023-03-01", "2023-03-02", "Strasbourg")


def test_ranges_with_weekdays_times_and_russian_po() -> None:
    found = find_dates("Du lundi 28 novembre (9 h 30) au mardi 29 novembre 2022 (13 h 00)")
    assert [(d.first.isoformat(), d.last.isoformat()) for d in found] == [
        ("2022-11-28", "2022-11-29")
    ]
    found = find_dates("с 30 сентября по 1 октября 2019 г.")
    assert [(d.first.isoformat(), d.last.isoformat()) for d in found] == [
        ("2019-09-30", "2019-10-01")
    ]


# 3. place


def test_a_venue_line_wins_over_the_city_of_a_future_meeting() -> None:
    text = (
        "CONCLUSIONS\n\nRegional Meeting of Anti-Trafficking Co-ordinators\n\n"
        "Venue: Hotel Park, Ljubljana\n\n"
        "The meeting took place on 5 and 6 October 2022.\n\n"
        "The next meeting will be hosted by the OSCE Mission to Skopje in Skopje.\n"
    )
    m = _subject(text)
    assert m.place == "Ljubljana"
    assert "OSCE Mission to Skopje" not in (m.organisers or [])


# 4. persons in tables


def test_persons_in_a_pipe_table_and_role_words_are_no_names() -> None:
    text = (
        "AGENDA\n\n| Speaker | Function |\n|---|---|\n"
        "| Ingrid Solberg | Head of Unit, Council of Europe |\n"
        "| Programme Officer | OSCE Secretariat |\n"
    )
    people = {p.name: p.role for p in extract(text).persons}
    assert people.get("Ingrid Solberg") == "Head of Unit, Council of Europe"
    assert "Programme Officer" not in people


# 5. publications in reference lists


def test_reference_list_titles_with_angle_urls_and_available_at() -> None:
    text = (
        "REPORT\n\nReferences\n\n"
        "- OSCE, *Handbook on Victim Compensation in Practice*, 2016. "
        "<https://www.osce.org/example/1>\n"
        "- ILO, *Forced Labour Indicators for Inspectors*. Available at: https://www.ilo.org/x\n"
    )
    pubs = {p.title: p.url for p in extract(text).publications}
    assert (
        pubs.get("Handbook on Victim Compensation in Practice") == "https://www.osce.org/example/1"
    )
    assert pubs.get("Forced Labour Indicators for Inspectors") == "https://www.ilo.org/x"


# 6. organisers


def test_organisers_convened_jointly_in_co_operation_and_russian_list() -> None:
    jointly = (
        "SUMMARY\n\nThe seminar was held in Vienna on 3 and 4 May 2022. It was convened jointly "
        "by the OSCE Mission to Serbia and the International Labour Organization.\n"
    )
    assert set(_subject(jointly).organisers or []) >= {"OSCE Mission to Serbia", "ILO"}
    clause = (
        "SUMMARY\n\nThe OSCE Office for Democratic Institutions and Human Rights, in co-operation "
        "with the International Organization for Migration, held a seminar in Warsaw on "
        "3 and 4 May 2022.\n"
    )
    assert set(_subject(clause).organisers or []) >= {"ODIHR", "IOM"}
    russian = "РЕЗЮМЕ\n\nСеминар прошёл в Вене 3-4 мая 2022 г.\n\nОрганизаторы: БДИПЧ, ЮНИСЕФ.\n"
    assert set(_subject(russian).organisers or []) >= {"ODIHR", "UNICEF"}


def test_persons_in_a_tab_separated_table_as_docx_and_html_rows_read() -> None:
    text = (
        "LIST OF SPEAKERS\n\nName\tPosition\tOrganisation\n"
        "Marta Kowalska\tProgramme Officer\tOSCE Secretariat\n"
        "Senior Adviser\tOSCE Secretariat\n"
    )
    people = {p.name: p.role for p in extract(text).persons}
    assert people.get("Marta Kowalska") == "Programme Officer"
    assert "Senior Adviser" not in people


def test_a_programme_table_of_capitalised_items_yields_no_persons() -> None:
    text = "AGENDA\n\n09:30\tWelcome Remarks\tOpening Session\n10:00\tCoffee Break\tLobby\n"
    assert extract(text).persons == []
