"""Publications named without quotes: one row per class of phrasing seen on unseen real pages
(issue 14), each written in our own words with made-up titles; and the decoys beside them."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.publication_phrases import recase
from thbgraph.graph.extract.publications import find_publications
from thbgraph.graph.register import Register

# (class, text, [(title, year)]) -- the titles in the order of the text
FOUND = [
    (
        "a list of works after a plural cue noun and a colon",
        "The Office handed its newest reports to the forty trainees from the north: Field "
        "assessment: Seasonal Workers in the Border Region, Report of the National Rapporteur on "
        "Protecting Domestic Workers from Exploitation as well as the Practical Manual for Labour "
        "Inspectors on Forced Labour.",
        [
            ("Field assessment: Seasonal Workers in the Border Region", None),
            (
                "Report of the National Rapporteur on Protecting Domestic Workers from Exploitation",
                None,
            ),
            ("Practical Manual for Labour Inspectors on Forced Labour", None),
        ],
    ),
    (
        "a list of works after 'such as'",
        "The trainers drew on publications such as the Handbook on Shelter Standards for Adult "
        "Victims and the Guide to Interviewing Witnesses in Court Proceedings.",
        [
            ("Handbook on Shelter Standards for Adult Victims", None),
            ("Guide to Interviewing Witnesses in Court Proceedings", None),
        ],
    ),
    (
        "'such as' before a title that holds a colon",
        "This shows in tools such as the Office’s Safe Return — Principles for Returning "
        "Victims: A Field Guide — Third Edition (SRP Guide). It is used widely.",
        [("Safe Return — Principles for Returning Victims: A Field Guide — Third Edition", None)],
    ),
    (
        "an apposition after 'The publication,'",
        "The publication, Crossing Borders: Joint Protection of Exploited Workers, gives "
        "practical tools to labour inspectors.",
        [("Crossing Borders: Joint Protection of Exploited Workers", None)],
    ),
    (
        "'Guiding Principles' as a head noun with its modifier, after 'launched its'",
        "The Office launched its Guiding Principles on Remedies for Exploited Seasonal Workers "
        "at an event in Riga.",
        [("Guiding Principles on Remedies for Exploited Seasonal Workers", None)],
    ),
    (
        "a possessive owner and a capitalised head noun, with 'published in <month> <year>'",
        "The Centre’s Manual on Interviewing Child Victims in Criminal Cases, published in May "
        "2021, was handed to the judges.",
        [("Manual on Interviewing Child Victims in Criminal Cases", 2021)],
    ),
    (
        "a lower-case cue noun right before the title",
        "The experts discussed the next edition of the guide Safe Recruitment – Protecting "
        "Migrant Workers from Deceptive Agencies.",
        [("Safe Recruitment – Protecting Migrant Workers from Deceptive Agencies", None)],
    ),
    (
        "an apposition after a cue noun, its year before the noun, over a line end",
        "Moreover, the 2019 IOM report, Hidden Costs: The Price of \nDebt Bondage, found that "
        "debts were rising.",
        [("Hidden Costs: The Price of Debt Bondage", 2019)],
    ),
    (
        "'In its <year> <Title>,'",
        "In its 2018 Regional Overview of Child Labour, UNICEF counted more cases than before.",
        [("Regional Overview of Child Labour", 2018)],
    ),
    (
        "a publication page's download line",
        "Shelters that work.\n\nShelters for Trafficked Persons (Third edition) - ODIHR, 2021 "
        "DOWNLOAD\n",
        [("Shelters for Trafficked Persons (Third edition)", 2021)],
    ),
    (
        "a general report's title in capitals as a page heading",
        "12th GENERAL REPORT ON GRETA'S ACTIVITIES\n\nGRETA\nGroup of Experts on Action against "
        "Trafficking in Human Beings\n\ncovering the period from 1 January to 31 December 2022\n",
        [("12th General Report on GRETA's Activities", None)],
    ),
    (
        "a cover title in capitals near 'ISBN' and 'Published by'",
        "PROTECTING WORKERS IN GLOBAL SUPPLY CHAINS: A PRACTICAL GUIDE\n\n2017 edition\n"
        "ISBN 000-0-0000-0000-0\nPublished by the OSCE Secretariat\n",
        [("Protecting Workers in Global Supply Chains: A Practical Guide", 2017)],
    ),
    (
        "a suggested citation",
        "Cite as: OSCE Secretariat, Paying the Price: Debt and Exploitation in the Care Sector "
        "(March 2016).",
        [("Paying the Price: Debt and Exploitation in the Care Sector", 2016)],
    ),
    (
        "a quoted title whose sentence's period stands inside the quotes; the headline repeats it",
        "Centre Releases New Study on Migration: Voices from the Shelters\n\nThe Centre released "
        'its study on migration entitled "Voices from the Shelters." It draws on interviews.',
        [("Voices from the Shelters", None)],
    ),
    (
        "a capitals heading whose download link repeats it in quotes, re-cased",
        'A ROAD MAP FOR PROTECTION: ENDING EXPLOITATION IN AGRICULTURE\n\nDownload "A ROAD MAP '
        'FOR PROTECTION: ENDING EXPLOITATION IN AGRICULTURE"\n',
        [("A Road Map for Protection: Ending Exploitation in Agriculture", None)],
    ),
    (
        "a French GRETA country report named by its ordinal and country",
        "STRASBOURG, 2 MAI 2024\n\nLe quatrième rapport du GRETA sur la Lettonie porte sur les "
        "facteurs de vulnérabilité.",
        [("quatrième rapport du GRETA sur la Lettonie", None)],
    ),
    (
        "a French evaluation report after a possessive",
        "Le GRETA a publié son deuxième rapport d’évaluation sur le Monténégro. Le rapport note "
        "des progrès.",
        [("deuxième rapport d’évaluation sur le Monténégro", None)],
    ),
    (
        "a French report 'relatif à' a country, GRETA spelt as a newspaper does",
        "Le Greta suit la convention. Le premier rapport relatif à la Suède est diffusé ce jeudi.",
        [("premier rapport relatif à la Suède", None)],
    ),
    (
        "a Russian GRETA country report named by its ordinal and country",
        "Группа ГРЕТА опубликовала третий доклад по Хорватии. В докладе отмечены успехи.",
        [("третий доклад по Хорватии", None)],
    ),
    (
        "GRETA's report on a country, without an ordinal",
        "GRETA's report on North Macedonia was presented to the Committee.",
        [("GRETA's report on North Macedonia", None)],
    ),
    (
        "the French 'rapport du GRETA sur', one report per country",
        "Le GRETA publie son quatrième rapport sur la Norvège\n\nLe rapport du GRETA sur la "
        "Norvège note des progrès.",
        [("quatrième rapport sur la Norvège", None)],
    ),
    (
        "a French general report in capitals without accents",
        "14ème RAPPORT GENERAL DU GRETA\nLe rapport annuel du GRETA souligne l'accès à la justice.",
        [("14ème rapport general du GRETA", None)],
    ),
    (
        "a French title after a report's noun, its date and a colon, with its URL below",
        "Ce travail a été salué par un rapport parlementaire du 3 juin 2015 : Les enfants des "
        "rues, victimes oubliées de l'exploitation\n\n(Voir lien : https://example.org/rapport-42)"
        " et le colloque a réuni 80 personnes.",
        [("Les enfants des rues, victimes oubliées de l'exploitation", 2015)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [row[1:] for row in FOUND], ids=[r[0] for r in FOUND]
)
def test_unquoted_titles(text: str, expected: list[tuple[str, int | None]], reg: Register) -> None:
    pubs = find_publications(text, reg)
    assert [(p.title, p.year) for p in pubs] == expected
    for p in pubs:
        assert p.evidence is not None
        assert text[p.evidence.start : p.evidence.end] == p.evidence.text
        if p.url_evidence is not None:
            assert text[p.url_evidence.start : p.url_evidence.end] == p.url


def test_url_written_below_a_french_title(reg: Register) -> None:
    (pub,) = find_publications(FOUND[-1][1], reg)
    assert pub.url == "https://example.org/rapport-42"


NOT_PUBLICATIONS = [
    (
        "a study day's name in quotes is an event",
        "Journée d'étude « Protéger les mineurs exploités dans la rue »\n\nJournée organisée par "
        "l'école.",
    ),
    (
        "a discussion's name after 'entitled'",
        'The Mission held an interactive discussion entitled "Facing New Forms of Online '
        'Recruitment". Experts spoke.',
    ),
    (
        "a Russian talk after 'С докладом'",
        "С докладом «Новые формы эксплуатации в регионе» выступил представитель университета.",
    ),
    (
        "a Russian project's name after the main talk",
        "С основным докладом по итогам проекта «Безопасная миграция для молодёжи области» "
        "выступили организаторы.",
    ),
    (
        "a report's author with no topic",
        "2011 Annual Report of the OSCE Special Representative and Co-ordinator for Combating "
        "Trafficking in Human Beings presented to the Permanent Council",
    ),
    (
        "a news report on a meeting",
        "News\nReport on the 12th Conference of the Alliance against Trafficking in Persons – "
        "Vienna, 3 and 4 April 2012\n",
    ),
    (
        "an instrument after a year",
        "They recalled the 2005 Addendum to the OSCE Action Plan on Child Victims of Trafficking.",
    ),
    (
        "a meeting after 'its <year>'",
        "At its 2018 Annual Meeting of National Rapporteurs in Sofia, the network agreed.",
    ),
    (
        "final reports on several countries, with no ordinal",
        "Le GRETA a adopté des rapports finaux sur l'Albanie et la Croatie.",
    ),
    (
        "reports adopted on several countries",
        "GRETA adopted reports on Azerbaijan and Sweden at its meeting.",
    ),
    (
        "a dateline before a quoted 'This handbook'",
        "Newsroom\nA new handbook for judges\nRIGA 3 June 2011\nRIGA, 3 June 2011 - A new "
        'handbook was issued.\n"This handbook answers what happens next," said the Director.',
    ),
    (
        "a listing's field before 'This handout'",
        "Publisher: Organization for Security and Co-operation in Europe\nThis handout lists "
        "three steps.",
    ),
    (
        "a lower-case general report with a document number",
        "The Committee took note of GRETA's general report GRETA(2015)1 at its meeting.",
    ),
]


@pytest.mark.parametrize(
    "text", [row[1] for row in NOT_PUBLICATIONS], ids=[r[0] for r in NOT_PUBLICATIONS]
)
def test_not_publications(text: str, reg: Register) -> None:
    assert [p.title for p in find_publications(text, reg)] == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("9th GENERAL REPORT ON GRETA'S ACTIVITIES", "9th General Report on GRETA's Activities"),
        (
            "AN AGENDA FOR ACTION: ENDING FORCED LABOUR",
            "An Agenda for Action: Ending Forced Labour",
        ),
        ("13ème RAPPORT GENERAL DU GRETA", "13ème rapport general du GRETA"),
        ("Already in Title Case", "Already in Title Case"),
    ],
)
def test_recase_titles_in_capitals(written: str, expected: str) -> None:
    assert recase(written, frozenset({"GRETA"})) == expected
