"""The subject meeting's facts on the classes of error seen on unseen real pages (issue 14), each
reproduced on a text written for the test: the page's posting date, an announced meeting's own
dates, country visits, hybrid meetings, venues after the dates, organisers, Russian forms."""

from __future__ import annotations

from collections.abc import Callable

from thbgraph.graph.extract import extract
from thbgraph.graph.extract.datelines import posting_date
from thbgraph.graph.extract.doctype import document_info
from thbgraph.graph.model import Meeting

Reader = Callable[[str], Meeting]


# 1. the page's posting date ("date 2024-10-07" before the headline) is the page's, not the meeting's


def test_a_pages_posting_date_is_the_documents_date_not_the_meetings(
    meeting_about: Reader,
) -> None:
    text = (
        " date 2023-11-20 Between 6 and 10 November 2023, the OSCE Mission to Montenegro held a "
        "series of workshops for labour inspectors in Podgorica on the identification of "
        "victims of forced labour.\n\nThe workshops gathered some forty inspectors.\n"
    )
    m = meeting_about(text)
    assert (m.start_date, m.end_date) == ("2023-11-06", "2023-11-10")
    assert document_info(text).date == "2023-11-20"
    found = posting_date(text)
    assert found is not None and found.first.isoformat() == "2023-11-20"


def test_a_dateline_after_the_posting_date_is_still_read(meeting_about: Reader) -> None:
    text = (
        " date 2022-03-04 Tirana, 4 March 2022 – From 28 February to 4 March 2022, the OSCE "
        "Presence in Albania organized a training course for border police officers on "
        "screening mixed migration flows.\n\nThe course was the third of its kind.\n"
    )
    m = meeting_about(text)
    assert (m.start_date, m.end_date, m.place) == ("2022-02-28", "2022-03-04", "Tirana")


def test_a_meeting_held_today_takes_the_posting_date(meeting_about: Reader) -> None:
    text = (
        " date 2019-05-14 BISHKEK. AGENCY - A round table on the protection of child victims of "
        "trafficking took place today in Osh and brought together about 50 participants.\n\n"
        "Speakers discussed the referral of children to shelters.\n"
    )
    m = meeting_about(text)
    assert (m.start_date, m.end_date) == ("2019-05-14", "2019-05-14")


# 2. a release that announces its own meeting, dated before it


def test_a_release_announcing_its_meeting_gives_the_meetings_dates(meeting_about: Reader) -> None:
    text = (
        "Regional Conference on Labour Exploitation\n\n"
        "SKOPJE, 2 May 2022 - The OSCE Mission to Skopje is hosting a regional conference on "
        "labour exploitation from 10 to 12 May 2022 to discuss supply chains.\n\n"
        "Registration is open until 6 May.\n"
    )
    m = meeting_about(text)
    assert (m.start_date, m.end_date) == ("2022-05-10", "2022-05-12")


def test_a_next_meeting_announced_in_a_release_is_still_not_its_subject(
    meeting_about: Reader,
) -> None:
    text = (
        "PRESS RELEASE\n\nInspectors share practice\n\n"
        "RIGA, 9 June 2022 – The next seminar of the network will take place on 20 and "
        "21 October 2022.\n"
    )
    m = meeting_about(text)
    assert m.start_date != "2022-10-20"


def test_the_whole_extraction_reads_the_posting_date_page() -> None:
    text = (
        " date 2021-02-01 Chisinau, 1 February 2021 – From 25 to 29 January 2021, the OSCE Mission "
        "to Moldova organized a simulation exercise for investigators.\n"
    )
    ex = extract(text)
    subject = next(m for m in ex.meetings if m.role == "subject")
    assert subject.start_date == "2021-01-25"


# 3. a visit to a country takes place in the country, whatever towns it took in


def test_an_evaluation_visit_takes_place_in_the_country(meeting_about: Reader) -> None:
    text = (
        "GRETA visits Portugal\n\n"
        "A delegation of GRETA carried out a second evaluation visit to Portugal from 4 to "
        "8 July 2022. The delegation held meetings with officials in Lisbon and visited a "
        "shelter in Porto.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.start_date, m.end_date) == ("Portugal", "2022-07-04", "2022-07-08")


def test_a_french_visit_takes_place_in_the_country(meeting_about: Reader) -> None:
    text = (
        "Visite du GRETA en Belgique\n\n"
        "Une délégation du GRETA a effectué une visite d’évaluation en Belgique du 6 au "
        "10 mars 2023. La délégation a rencontré des magistrats à Bruxelles et à Anvers.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.start_date, m.end_date) == ("Belgium", "2023-03-06", "2023-03-10")


def test_a_visit_to_a_body_named_after_its_country_is_not_a_visit_to_the_country(
    meeting_about: Reader,
) -> None:
    text = (
        "BELGRADE, 3 May 2021 – Members of parliament are in Belgrade today to visit the OSCE "
        "Mission to Serbia and hold a round table on victim protection.\n"
    )
    assert meeting_about(text).place != "Serbia"


# 4. organisers: "organised by A in co-operation with B, C and D"; a few words before "by"


def test_partners_listed_after_in_co_operation_with_all_organise(meeting_about: Reader) -> None:
    text = (
        "Regional workshop on financial investigations\n\n"
        "A two-day workshop on financial investigations was held in Bishkek on 4 and 5 April "
        "2017. The workshop was organized by the OSCE Programme Office in Bishkek in co-operation "
        "with the Kyrgyz Prosecutor General's Office, UN Office on Drugs and Crime, "
        "International Organization for Migration and the OSCE Centre in Ashgabat.\n"
    )
    organisers = meeting_about(text).organisers
    assert organisers[0] == "OSCE Programme Office in Bishkek"
    assert "IOM" in organisers and "OSCE Centre in Ashgabat" in organisers


def test_organised_for_the_nth_year_by(meeting_about: Reader) -> None:
    text = (
        "Prosecutors from 30 countries met on 2-3 October 2019 in Vienna for an annual meeting. "
        "The meeting, jointly organised for the third year by the Council of Europe and the "
        "OSCE, gathered prosecutors and judges.\n"
    )
    assert meeting_about(text).organisers == ["CoE", "OSCE"]


def test_organise_pour_la_nieme_annee_par(meeting_about: Reader) -> None:
    text = (
        "Les procureurs de 30 pays se sont réunis les 2 et 3 octobre 2019 à Vienne. "
        "La réunion, organisée conjointement pour la troisième année par le Conseil de l'Europe "
        "et l'OSCE, a réuni des procureurs et des juges.\n"
    )
    assert meeting_about(text).organisers == ["CoE", "OSCE"]


# 5. places: a hybrid meeting keeps its place; a town the register does not list, in any case


def test_a_hybrid_meeting_has_its_place_and_is_online(meeting_about: Reader) -> None:
    text = (
        "14th meeting of the Working Group on Labour Exploitation\n\n"
        "The 14th meeting of the Working Group took place in Geneva on 8 May 2023 and online.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.online, m.start_date) == ("Geneva", True, "2023-05-08")


def test_a_datelines_city_is_not_the_place_of_a_videoconference(meeting_about: Reader) -> None:
    text = (
        "PRESS RELEASE\n\nAdvisers share lessons\n\n"
        "VIENNA, 9 April 2021 – Advisers from across the region gathered by videoconference on "
        "7 and 8 April 2021 to discuss survivor-led services.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.online) == (None, True)


def test_a_town_outside_the_register_after_held_in(meeting_about: Reader) -> None:
    text = (
        "Judges trained on trafficking cases\n\n"
        "A two-day training course for judges was held on 6-7 June 2019 in Plovdiv. The course "
        "was organized by the OSCE Mission to Serbia.\n"
    )
    assert meeting_about(text).place == "Plovdiv"


def test_a_french_town_after_s_est_tenu(meeting_about: Reader) -> None:
    text = (
        "Colloque sur la traite\n\n"
        "Le 12 avril 2018, s’est tenu à Montpellier un colloque sur la traite des mineurs, "
        "à l’initiative d’une association locale.\n"
    )
    assert meeting_about(text).place == "Montpellier"


def test_a_russian_town_in_the_locative_opening_the_story(meeting_about: Reader) -> None:
    text = (
        "Семинар для сотрудников полиции\n\n"
        "В Самарканде, Управление ООН по наркотикам и преступности провело двухдневный семинар "
        "для 30 сотрудников полиции 5-6 марта 2020 года.\n"
    )
    assert meeting_about(text).place == "Samarkand"


def test_the_seat_of_the_organising_body_is_not_the_meetings_town(meeting_about: Reader) -> None:
    text = (
        "OSH, Kyrgyzstan, 3 May 2017 – Some 30 teachers gathered for a one-day course on "
        "preventing trafficking. The course was organized by the OSCE Centre in Bishkek.\n"
    )
    assert meeting_about(text).place == "Osh"


# 6. a meeting the lead tells of without a name or a full date is still the subject


def test_an_undated_french_conference_told_in_the_lead(meeting_about: Reader) -> None:
    text = (
        "L’OSCE renforce son action contre la traite\n\n"
        "Sous l’égide de la présidence, une conférence s’est tenue à Tbilissi les 4 et 5 mai sur "
        "la coopération judiciaire. La France y était représentée par son attaché.\n"
    )
    m = meeting_about(text)
    assert m.title is not None and m.title.startswith("Conférence")
    assert m.start_date is None


def test_a_russian_meeting_told_in_the_lead(meeting_about: Reader) -> None:
    text = (
        "Сотрудничество в сфере защиты жертв\n\n"
        "Министр труда Анна Петрова провела встречу с делегацией ОБСЕ во главе с "
        "Специальным представителем. В ходе встречи обсуждались вопросы сотрудничества.\n"
    )
    m = meeting_about(text)
    assert m.title is not None and m.title.lower().startswith("встреч")


def test_a_publication_page_tells_of_no_meeting_of_its_own() -> None:
    text = (
        "OSCE Resource\n\nHandbook on victim identification\n\n"
        "The handbook was presented at a conference held in Vienna and gathers the practice of "
        "labour inspectors.\n\nDownload the publication (PDF, 2 MB)\n"
    )
    ex = extract(text)
    if ex.document.type == "publication_page":
        assert not [m for m in ex.meetings if m.role == "subject"]


# 7. dates that are not a meeting's: a period a report covers, a posting time, headings in capitals


def test_a_reporting_period_is_not_a_day() -> None:
    from thbgraph.graph.extract.dates import find_dates

    for text in (
        "covering the period from 1 January to 31 December 2021",
        "pour la période du 1er janvier au 31 décembre 2021",
        "covering the period from\n1 January\n    to 31 December 2021",
    ):
        assert find_dates(text, default_year=2021) == [], text
    (found,) = find_dates("from 30 November to 1 December 2020")
    assert (found.first.isoformat(), found.last.isoformat()) == ("2020-11-30", "2020-12-01")


def test_a_general_report_is_no_meeting() -> None:
    text = (
        "11th GENERAL REPORT ON THE ACTIVITIES OF THE GROUP\n\n"
        "covering the period from 1 January to 31 December 2021\n\n"
        "The Group adopted this report at its plenary.\n"
    )
    assert not [m for m in extract(text).meetings if m.role == "subject" and m.start_date]


def test_a_posting_time_stamp_is_not_a_meeting_date() -> None:
    text = (
        "Institute releases a study on victims' needs\n"
        "Tuesday, March 4, 2008 9:15 AM\n\n"
        "The Institute has released a study on the needs of victims in the region, based on "
        "interviews with survivors.\n"
    )
    assert not [m for m in extract(text).meetings if m.start_date == "2008-03-04"]


def test_a_heading_in_capitals_is_no_mentioned_meeting() -> None:
    text = (
        "3rd meeting of the Committee (Strasbourg, 4 June 2012)\n\nMEETING REPORT\n\n"
        "1. The Committee held its 3rd meeting on 4 June 2012 in Strasbourg.\n\n"
        "ITEMS 1 AND 2: OPENING OF THE MEETING AND ADOPTION OF THE AGENDA\n\n"
        "2. The meeting was opened by the Chair.\n"
    )
    mentioned = [m.title for m in extract(text).meetings if m.role == "mentioned"]
    assert not any(t and t.isupper() for t in mentioned)


# 8. the year of days written without one; the Russian order, place before verb


def test_a_year_in_the_prose_does_not_date_days_without_one(meeting_about: Reader) -> None:
    text = (
        "Séminaire sur la traite à Prague\n\n"
        "Le séminaire, organisé à Prague du 3 au 5 juin, a rappelé les engagements pris depuis "
        "le Protocole de Palerme de 2000 et la Convention de 2005.\n"
    )
    assert meeting_about(text).start_date is None


def test_days_take_the_year_of_the_storys_full_date(meeting_about: Reader) -> None:
    text = (
        "Police officers trained in Khujand\n\n"
        "Two training courses for police officers were held on 10 and 11 March and on 17 and "
        "18 March 2020 in Khujand.\n"
    )
    assert meeting_about(text).start_date is not None
    assert meeting_about(text).start_date.startswith("2020-03")  # type: ignore[union-attr]


def test_a_russian_place_before_the_verb(meeting_about: Reader) -> None:
    text = (
        "Эксперты соберутся в Казани\n"
        "10-11 октября текущего года в Казани состоится научная конференция по борьбе с "
        "торговлей людьми.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.start_date) == ("Kazan", None)


def test_the_gazetteer_knows_towns_by_any_name_and_not_common_words() -> None:
    from thbgraph.graph.extract.gazetteer import city_name

    assert city_name("Kiev") == "Kyiv"
    assert city_name("Самарканде") == "Samarkand"
    assert city_name("Human") is None  # a small town's variant spelling, and an English word
    assert city_name("Beings") is None


# 9. counts of participants named by what they are; event nouns of French and English news


def test_participants_counted_by_what_they_are() -> None:
    from thbgraph.graph.extract.counts import _counts

    for text, n in (
        ("Around 45 anti-trafficking practitioners took part in the course.", 45),
        ("The OSCE presented its reports to over 120 prosecutors and judges.", 120),
        ("La journée a réuni près de 70 personnes.", 70),
        ("В ходе учений 35 специалистов отработали выявление жертв.", 35),
    ):
        participants, _ = _counts(text)
        assert participants is not None and participants[0] == n, text
    participants, _ = _counts("The programme has run for 20 years in the region.")
    assert participants is None


def test_a_french_rencontre_is_a_meeting(meeting_about: Reader) -> None:
    text = (
        "Comité de coordination\n\n"
        "La première rencontre du Comité de coordination a eu lieu le 14 février 2023 et a "
        "réuni près de 50 personnes.\n"
    )
    m = meeting_about(text)
    assert (m.start_date, m.participants_count) == ("2023-02-14", 50)


def test_french_bodies_that_co_organised_the_meeting(meeting_about: Reader) -> None:
    text = (
        "La réunion annuelle des rapporteurs nationaux s’est tenue le 4 juin 2022 à Strasbourg.\n"
        "Le Conseil de l'Europe (CoE) et l'OSCE ont co-organisé la réunion.\n"
    )
    assert set(meeting_about(text).organisers) == {"CoE", "OSCE"}


def test_the_short_name_of_the_one_field_operation_a_text_names(meeting_about: Reader) -> None:
    text = (
        "OSCE Presence in Albania trains prosecutors\n\n"
        "A training course for prosecutors took place from 3 to 5 May 2022 in Tirana. The course, "
        "organized by the OSCE Presence and the Office of the OSCE Special Representative and "
        "Co-ordinator for Combating Trafficking in Human Beings, used simulated cases.\n"
    )
    assert meeting_about(text).organisers[0] == "OSCE Presence in Albania"


def test_the_visiting_body_organises_a_country_visit(meeting_about: Reader) -> None:
    text = (
        "Эксперты посетили Армению\n"
        "Эксперты посетили министерство юстиции Армении, сообщает пресс-служба.\n"
        "Согласно сообщению, визит экспертов ГРЕТА в Армению проходит в рамках третьего раунда "
        "оценки.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.organisers) == ("Armenia", ["GRETA"])


def test_a_russian_story_opening_on_its_place_names_its_organiser(meeting_about: Reader) -> None:
    text = (
        "Семинар для полиции\n\n"
        "В Самарканде, УНП ООН провело двухдневный семинар-тренинг для 25 сотрудников полиции "
        "на тему выявления жертв.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.organisers, m.participants_count) == ("Samarkand", ["UNODC"], 25)


def test_a_field_operations_possessive_is_not_part_of_its_name() -> None:
    from thbgraph.graph.extract.organisers import field_operations

    (found,) = field_operations("It is part of the OSCE Office in Tajikistan's support.")
    assert found.name == "OSCE Office in Tajikistan"


def test_a_country_visits_place_is_typed_as_a_country(meeting_about: Reader) -> None:
    text = (
        "GRETA carried out a third evaluation visit to Portugal from 4 to 8 July 2022. The "
        "delegation met officials in Lisbon.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.place_country) == ("Portugal", "PT")
    city = meeting_about("The seminar was held in Vienna on 3 and 4 May 2022.\n")
    assert (city.place, city.place_country) == ("Vienna", None)


def test_a_hybrid_format_with_a_town_keeps_the_town(meeting_about: Reader) -> None:
    text = (
        "From 7 to 8 April 2022, the UNODC convened a regional workshop on sexual exploitation. "
        "The workshop was held in a hybrid format with on-site participation in Yerevan, Armenia.\n"
    )
    m = meeting_about(text)
    assert (m.place, m.online) == ("Yerevan", True)


def test_the_next_session_that_took_place_is_this_one(meeting_about: Reader) -> None:
    text = (
        " date 2017-03-10 BISHKEK. AGENCY - The next session of the OSCE-supported dialogue on "
        "labour migration took place today in Osh and brought together some 40 participants.\n"
    )
    assert meeting_about(text).place == "Osh"


def test_each_session_of_a_series_in_one_sentence_is_a_subject_meeting() -> None:
    text = (
        "Police officers trained\n\n"
        "A series of two-day training courses were held on 10 and 11 March and on 17 and "
        "18 March 2020 in Khujand. The courses were organized by the OSCE Programme Office in "
        "Dushanbe.\n"
    )
    subjects = [m for m in extract(text).meetings if m.role == "subject"]
    assert [(m.start_date, m.end_date, m.place) for m in subjects] == [
        ("2020-03-10", "2020-03-11", "Khujand"),
        ("2020-03-17", "2020-03-18", "Khujand"),
    ]
    single = (
        "The seminar was held on 3 and 4 May 2021 in Osh. The next one is on 9 and 10 June 2021."
    )
    assert len([m for m in extract(single).meetings if m.role == "subject"]) == 1


def test_a_news_item_may_tell_of_a_meeting_held_on_its_own_date(meeting_about: Reader) -> None:
    """A press release or report is dated after its meeting, so a meeting date equal to the
    document's is doubtful there; a news item of the day tells of that day's meeting."""
    text = (
        "News\n\nRound table on victim support in Durrës\n\nThursday, 14 March 2024 10:15\n\n"
        "A round table on support to victims of trafficking was held on 14 March 2024 in Durrës by "
        "the OSCE Presence in Albania, gathering social workers and police officers from the "
        "region to discuss referral between services.\n"
    )
    assert document_info(text).type == "news"
    assert document_info(text).date == "2024-03-14"
    assert meeting_about(text).start_date == "2024-03-14"
