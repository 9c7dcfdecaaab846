"""The subject meeting's start date and place (issue 14's `meetings_dated`), one row per class of
error seen on unseen pages, each written for the test: the text, then the start date, end date and
place that an analyst reads in it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thbgraph.graph.extract.doctype import document_info
from thbgraph.graph.model import Meeting
from thbgraph.graph.register import Register

CASES: list[tuple[str, str, tuple[str | None, str | None, str | None]]] = [
    (
        "a news agency's mark after the dateline's date; the day told as yesterday",
        "Valletta, 12 March 2021 (NWA): Yesterday, on 11 March, the yearly meeting of national "
        "rapporteurs on trafficking opened.\n\nThe meeting took place at the seat of the "
        "organisation and gathered ninety delegates.\n",
        ("2021-03-11", "2021-03-11", "Valletta"),
    ),
    (
        "a town too small for the gazetteer, named before its country",
        "Mission supports a judicial conference\nThe OSCE Mission organized a panel at the "
        "three-day Annual Judicial Conference, held on 4-6 May 2017 in Ohridwick, North "
        "Macedonia.\nThe panel discussed victim protection.\n",
        ("2017-05-04", "2017-05-06", "Ohridwick"),
    ),
    (
        "'two days of ...' that concluded on the dateline's day",
        "Office hosts consultations on referral\nOSH, Kyrgyzstan, 9 October 2015 – Two days of "
        "consultations among local authorities and shelters on the referral of victims "
        "concluded today in Osh.\nThe consultations were organized by the OSCE.\n",
        ("2015-10-08", "2015-10-09", "Osh"),
    ),
    (
        "a dateline written date first: '21 September 2023, Chisinau –'",
        "Meeting of the Deputy Minister with the Special Representative\n\n14 February 2022, "
        "Tbilisi – The Deputy Minister of Justice had a meeting with the OSCE Special "
        "Representative, during which they discussed shelters for victims.\n\nThe sides agreed "
        "to continue the dialogue.\n",
        ("2022-02-14", "2022-02-14", "Tbilisi"),
    ),
    (
        "'ont tenu une réunion' on a single day, no place stated",
        "Le 14 avril 2022, la directrice de l'école de la magistrature et le coordinateur "
        "national ont tenu une réunion pour préparer un guide destiné aux procureurs.\n\n"
        "Le guide sera publié en fin d'année.\n",
        ("2022-04-14", "2022-04-14", None),
    ),
    (
        "a single full date in a sentence naming the meeting, no verb of holding",
        "OSCE supports courses for border guards\nThe OSCE Office in Yerevan, on 9 March 2015, "
        "launched a series of training courses on screening migrants for border guards.\n"
        "Some thirty officers took part in the first course.\n",
        ("2015-03-09", "2015-03-09", None),
    ),
    (
        "the document's own date over 'a tenu cet après-midi une réunion-débat'",
        "Communiqués de presse\n\nLe Comité tient un débat sur le travail forcé\n\n"
        "14 Mars 2016\n\nMATIN\n\nLe Comité a tenu ce matin une réunion-débat consacrée au "
        "travail forcé dans l'agriculture.\n\nOuvrant les débats, le président a rappelé les "
        "normes internationales.\n",
        ("2016-03-14", "2016-03-14", None),
    ),
    (
        "a dateline with its date in brackets and the town in capitals without its accent",
        "Communiqués de presse\n\nLe Comité débat de la traite\n\nGENEVE (9 mars 2017) - Le "
        "Comité a tenu, ce matin, une réunion consacrée à la traite des femmes migrantes.\n\n"
        "Le Comité a entendu de nombreuses déclarations.\n",
        ("2017-03-09", "2017-03-09", "Geneva"),
    ),
    (
        "the story's second sentence opens on the meeting's dates, before the release's day",
        "OSCE promotes referral of victims\nVIENNA, 18 May 2018 – Aiming to improve referral, "
        "lawyers and shelters gathered in Vienna this week for consultations organized by the "
        "OSCE.\nOn 15 and 16 May, 30 lawyers from 12 participating States worked together on "
        "referral practice.\nThe consultations ended with recommendations.\n",
        ("2018-05-15", "2018-05-16", "Vienna"),
    ),
    (
        "'which started yesterday' in the sentence after the dateline's",
        "Centre training helps police\nASTANA, 6 June 2006 - The OSCE Centre launched a "
        "specialized training course for police officers on trafficking.\nThe three-day "
        "session, which started yesterday, brings together 20 officers.\nTopics include "
        "victim identification.\n",
        ("2006-06-05", "2006-06-07", "Astana"),
    ),
    (
        "a verb of holding right before the date, no meeting noun; a sentence opening on 'Ainsi,'",
        "L'Etat se mobilise contre la traite.\nLa France s'est dotée de plusieurs structures "
        "publiques pour lutter contre la traite des êtres humains.\nAinsi, à l'initiative de la "
        "mission interministérielle s'est tenue le 9 novembre 2023 une journée nationale de lutte "
        "contre la traite avec les barreaux.\nCette journée a permis de présenter des données.\n",
        ("2023-11-09", "2023-11-09", None),
    ),
    (
        "a dateline written date first with the agency in slashes, its year from the page's stamp",
        "Эксперты обсудят вопросы миграции\n\nИсточник материала: АГЕНТСТВО\n"
        "14.05.2008 09:10 — Новости\n14 мая, Минск /Иван Петров - АГЕНТСТВО/. Вопросы миграции "
        "обсудят на заседании члены экспертной группы, которое пройдет сегодня в Минске.\n\n"
        "На заседание вынесен вопрос о торговле людьми.\n",
        ("2008-05-14", "2008-05-14", "Minsk"),
    ),
    (
        "a village placed near a city, after 'started today in'",
        "Mission helps shelters\nCHISINAU 5 May 2005\nCHISINAU, 5 May 2005 - The third workshop "
        "in a series of courses for shelter staff started today in Varnita Veche, near the "
        "capital. The courses are financed by the OSCE Mission.\nThe goal of the workshop is "
        "a guide for shelters, which will later be given to all participants and to other "
        "experts working with victims of trafficking in the country.\n",
        ("2005-05-05", "2005-05-05", "Varnita Veche"),
    ),
]  # fmt: skip


# meetings with a place and no date: the subject is found, with its town
UNDATED: list[tuple[str, str, str]] = [
    (
        "a meeting told after lines of page chrome, under a dateline without a date",
        "Курсы валют от 03/04/2025\n$1 – 12000.10\nUZS – -0,11%\n€1 – 13000.55\n"
        "UZS – -0,02%\nПоиск\nСотрудничество в защите жертв\n\nСотрудничество в защите жертв\n\n"
        "Самарканд, Узбекистан (NewsAgency.uz) — Министр юстиции Иван Петров провел встречу "
        "с делегацией Бюро по демократическим институтам и правам человека ОБСЕ.\n\n"
        "В ходе встречи обсуждались вопросы защиты жертв торговли людьми.\n",
        "Samarkand",
    ),
    (
        "'Сегодня во Владивостоке ... начнется мероприятие'",
        "Человек не товар\nСегодня в Хабаровске, в здании администрации края, начнется "
        "мероприятие, направленное на противодействие торговле людьми.\nВ нем примут участие "
        "представители общественных организаций.\n",
        "Khabarovsk",
    ),
    (
        "'заявил на открытии в Минске международной конференции'",
        "Новости\n\n12 мая, Брест /Иван Петров - АГЕНТСТВО/. Страны региона поддерживают "
        "усилия по борьбе с торговлей людьми. Об этом заявил сегодня на открытии в Бресте "
        "международной конференции по борьбе с торговлей людьми министр внутренних дел.\n\n"
        "Конференция собрала делегации из 30 государств.\n",
        "Brest",
    ),
    (
        "a dateline without a date after the page's posting date, the agency after a full stop",
        " date 2021-06-02 ALMATY. NEWSWIRE - The Deputy Minister of Labour met with the OSCE "
        "Special Representative. The latter has visited Almaty to take part in a forum on "
        "labour exploitation in supply chains.\n\nDuring the meeting, they discussed the "
        "Action Plan.\n",
        "Almaty",
    ),
    (
        "a short page whose header holds the paragraph telling of the meeting, no year given",
        "Traite des êtres humains - exercice à Vérone (3-7 avril)\n\nL'OSCE organise pour la "
        "troisième fois, du 3 au 7 avril, à Vérone, au centre de formation de la police, une "
        "formation de praticiens chargés de cas de traite le long des routes migratoires.\n\n"
        "Pendant cinq jours, 60 participants de 30 pays gèrent deux dossiers fictifs.\n",
        "Verona",
    ),
    (
        "a small place named by its lake, before its country",
        "Practitioners train together\n\nOSCE\n\nOver 90 practitioners from Central Asia "
        "gathered this week at Lake Sevan, Armenia, for a five-day regional simulation-based "
        "training exercise on combating trafficking in human beings.\n\nThe training was "
        "opened by the Deputy Minister.\n",
        "Sevan",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "place"), [c[1:] for c in UNDATED], ids=[c[0] for c in UNDATED])
def test_an_undated_meeting_is_found_with_its_town(
    meeting_about: Callable[[str], Meeting], text: str, place: str
) -> None:
    assert meeting_about(text).place == place


def test_a_previous_meetings_town_is_not_the_place_but_the_town_naming_the_meeting_is(
    meeting_about: Callable[[str], Meeting],
) -> None:
    text = (
        "Lutte contre l'exploitation\n\nOrganisé par l'ambassade avec l'agence nationale, le "
        "séminaire qui se tenait les 3 et 4 mai derniers portait sur le travail forcé.\n\n"
        "Alors que le précédent séminaire régional, qui s'était tenu à Sofia en mars 2019, "
        "portait sur les enfants, celui de cette année s'attaquait aux chaînes "
        "d'approvisionnement.\n\nL'objectif du séminaire de Varsovie était de renforcer la "
        "coopération.\n"
    )
    assert meeting_about(text).place == "Warsaw"


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_subject_meetings_start_end_and_place(
    meeting_about: Callable[[str], Meeting],
    text: str,
    expected: tuple[str | None, str | None, str | None],
) -> None:
    m = meeting_about(text)
    assert (m.start_date, m.end_date, m.place) == expected


def test_a_news_agencys_story_is_news_not_a_press_release() -> None:
    text = CASES[0][1]
    assert document_info(text).type == "news"


def test_the_first_word_of_a_longer_name_is_no_town(
    meeting_about: Callable[[str], Meeting],
) -> None:
    """ "в Центральной Азии" is a region: its adjective's stem is also a small town's name."""
    text = (
        "Региональное совещание экспертов по защите детей в Центральной Азии\n\n"
        "Совещание экспертов прошло в режиме обмена опытом, в нем участвовали представители "
        "пяти государств.\n"
    )
    assert meeting_about(text).place is None


@pytest.mark.parametrize(
    "text",
    [
        "Newsroom\nODIHR guide on shelters\nVIENNA 3 June 2005\nVIENNA, 3 June 2005 - A new guide "
        "published by the OSCE Office for Democratic Institutions and Human Rights sets out "
        "standards for shelters for trafficked persons.\nIt also gives checklists for the staff "
        "of shelters and for the social workers who refer victims to them.\n"
        '"The guide answers the practical questions that shelters meet every day, from the '
        'first interview to the return home of a victim who wishes to go back," says the '
        "Director of the Office.\n",
        "Guide for consular staff\n\nPub. June 2, 2012\n\nPublished June 2, 2012\n\nThis guide was "
        "written for consular staff who meet victims of trafficking abroad.\n\nDownload the "
        "guide (PDF).\n",
    ],
    ids=["a release about a publication", "a publication's page"],
)
def test_a_page_about_a_publication_has_no_subject_meeting(text: str) -> None:
    from thbgraph.graph.extract.doctype import find_dateline
    from thbgraph.graph.extract.meetings import find_meetings
    from thbgraph.graph.register import load_register

    found, _ = find_meetings(
        text, load_register(), info=document_info(text), dateline=find_dateline(text)
    )
    assert [m for m in found if m.role == "subject"] == []


def test_a_datelines_day_after_the_pages_stamp_takes_no_year(
    meeting_about: Callable[[str], Meeting],
) -> None:
    """ "26 октября, Минск /.../" on a page stamped 09.03.2010: October 2010 is after the page,
    so the day's year is unknown (not 2010)."""
    text = (
        "Страны поддерживают инициативу\n\n09.03.2010 17:30 — Новости\n\nИсточник: АГЕНТСТВО\n\n"
        "26 октября, Минск /Иван Петров - АГЕНТСТВО/. Страны поддерживают инициативу по борьбе с "
        "торговлей людьми. Об этом заявил сегодня на открытии в Минске международной конференции "
        "министр внутренних дел.\n\nКонференция собрала делегации из 40 государств.\n"
    )
    m = meeting_about(text)
    assert (m.start_date, m.place) == (None, "Minsk")


def test_a_told_meetings_name_runs_to_the_end_of_its_quoted_title(
    meeting_about: Callable[[str], Meeting],
) -> None:
    """A colon inside the quoted name ("„Год перемен: ...”") does not end the name: the title
    is what identifies a meeting that has neither date nor place."""
    text = (
        "Министр: „Сотрудничество важно”\n\nРост числа беженцев усилил значение работы по "
        "предотвращению торговли людьми. Об этом заявил министр Иван Петров в кулуарах "
        "конференции ОБСЕ под названием „Год перемен: общие усилия против торговли людьми в "
        "регионе”, - передает агентство.\n\nСтрана приняла много беженцев.\n"
    )
    title = meeting_about(text).title or ""
    assert title.endswith("общие усилия против торговли людьми в регионе”"), title


def test_a_noun_capitalised_by_its_sentence_is_no_meetings_name(
    meeting_about: Callable[[str], Meeting],
) -> None:
    """A sentence opening "На заседании присутствовал ...": the meeting told before it
    ("состоялось заседание Совета по ...") names it; it has neither date nor place, so its
    title is what identifies it."""
    text = (
        "Страна может стать примером в борьбе с торговлей людьми: посол\n\n12.05.2016 10:20\n\n\n"
        "Под председательством министра труда состоялось заседание Совета по борьбе с торговлей "
        "людьми и эксплуатацией труда, в котором приняли участие представители правительства и "
        "общественных организаций. На заседании присутствовал также посол Канады Джон Смит.\n\n"
        "Руководитель рабочей группы представил проделанную работу.\n"
    )
    title = meeting_about(text).title or ""
    assert title.lower().startswith("заседание совета по борьбе с торговлей людьми"), title


def test_each_country_visit_of_a_page_reporting_several_is_a_subject(reg: Register) -> None:
    from thbgraph.graph.extract.doctype import find_dateline
    from thbgraph.graph.extract.meetings import find_meetings

    text = (
        "As part of the third evaluation visit to Portugal on the implementation of the "
        "Convention (2-6 May 2022), a GRETA delegation went to Porto and visited a shelter for "
        "women. GRETA's report on Portugal will be published next year.\n"
        "GRETA carried out a visit to Spain from 16 to 18 May 2022. The visit examined the "
        "identification of victims among asylum seekers.\n"
        "GRETA's first evaluation visit to Andorra will take place from 13-17 June 2022. The "
        "delegation will meet officials.\n"
    )
    found, _ = find_meetings(text, reg, info=document_info(text), dateline=find_dateline(text))
    visits = {(m.place, m.start_date) for m in found if m.role == "subject"}
    assert visits == {
        ("Portugal", "2022-05-02"),
        ("Spain", "2022-05-16"),
        ("Andorra", "2022-06-13"),
    }
