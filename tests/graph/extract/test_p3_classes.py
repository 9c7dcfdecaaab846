"""Error classes seen on real pages, each reproduced in our own words: organisations and
publications (issue 14)."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.organisations import find_organisations
from thbgraph.graph.extract.publications import find_publications
from thbgraph.graph.register import Register, load_register


@pytest.fixture(scope="module")
def reg() -> Register:
    return load_register()


def _orgs(text: str, reg: Register) -> list[str]:
    return [o.acronym or o.name for o in find_organisations(text, reg)]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # field operations in en/fr/ru resolve to the register
        (
            "The OSCE Programme Office in Bishkek held a round table.",
            ["OSCE Programme Office in Bishkek"],
            ["OSCE"],
        ),
        ("Офис программ ОБСЕ в Душанбе провёл семинар.", ["OSCE Programme Office in Dushanbe"], []),
        ("La Mission de l'OSCE au Kosovo a organisé un atelier.", ["OMiK"], []),
        ("The OSCE Centre in Astana opened a course.", ["OSCE Centre in Astana"], []),
        # a run-on list: 'and the', a single name after 'and', a person after a country
        (
            "Partners were the Feminist League, the Union of Shelters and Bolt.",
            ["Union of Shelters"],
            ["Union of Shelters and Bolt"],
        ),
        (
            "It was organised with the National Agency for Welfare and the NGO Brightway.",
            ["National Agency for Welfare"],
            ["National Agency for Welfare and the NGO"],
        ),
        (
            "A speech by the Deputy of the Parliament of the Republic of Kazakhstan Ivan Petrovsky followed.",
            [],
            ["Parliament of the Republic of Kazakhstan Ivan Petrovsky"],
        ),
        (
            "We met experts from Utopia, Quorum and Association of Coastal Towns here.",
            [],
            ["Quorum and Association of Coastal Towns"],
        ),
        (
            "Elle a rencontré Anna Smit, Commissaire de Police et Coordinatrice nationale.",
            [],
            ["Police et Coordinatrice"],
        ),
        # an acronym defined after a name written with lower-case words
        (
            "Elle a rencontré des juges de la Cour nationale du droit d'asile (CNDA) et d'autres.",
            ["CNDA"],
            [],
        ),
        ("Officials discussed the National Action Plan (NAP) in detail.", [], ["NAP"]),
        # a bare 'Parliamentary Assembly' belongs to the text's family
        (
            "Council of Europe, Strasbourg. The Parliamentary Assembly adopted a text on trafficking.",
            ["PACE"],
            ["OSCE PA"],
        ),
        (
            "In Vienna the OSCE heard that the Parliamentary Assembly had debated the matter.",
            ["OSCE PA"],
            ["PACE"],
        ),
        # 'NGO Platform meeting' names a meeting, not an NGO
        ("The network opened its NGO Platform Meeting in Lisbon.", [], ["Platform Meeting"]),
        # bodies outside the register listed as attendees are not counted
        (
            "Representatives of the Ministry of Fisheries, the Supreme Tribunal, the State Border Service and the OSCE took part.",
            ["OSCE"],
            ["Ministry of Fisheries", "State Border Service"],
        ),
        # the news agency a text quotes
        ("Much remains to be done, ZNP reports, quoting the organisers.", ["ZNP"], []),
        ("Семинар прошёл в столице, - передает ЖНА.", ["ЖНА"], []),
        # a national member of a network is not the network; a post is not a body
        ("She works for La Strada Moldova in Chisinau.", [], ["La Strada International"]),
        ("Remarks by the OSCE Chair-in-Office opened the day.", [], ["OSCE Chairmanship"]),
        # a long name with an acronym in it is matched whatever the case of its words
        ("Une réunion du Conseil Permanent de l'OSCE a suivi.", ["OSCE Permanent Council"], []),
        # an acronym defined in a list of those met stays
        (
            "La délégation a rencontré des représentants du GRETA, du ministère de la Justice, "
            "de l'Office national des migrations et de l'asile (ONMA) et du Conseil de l'Europe.",
            ["ONMA"],
            [],
        ),
        # the meeting of a body is the body acting
        (
            "The 40th meeting of the Committee of the Parties took place.",
            [
                "Committee of the Parties to the Council of Europe Convention on Action against Trafficking in Human Beings"
            ],
            [],
        ),
        # a body named inside the name of its conference
        (
            "The 30th Conference of the Alliance against Trafficking in Persons opens today.",
            [],
            ["Alliance against Trafficking in Persons"],
        ),
    ],
)
def test_organisation_classes(
    text: str, present: list[str], absent: list[str], reg: Register
) -> None:
    found = _orgs(text, reg)
    for name in present:
        assert name in found, (name, found)
    for name in absent:
        assert name not in found, (name, found)


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        (
            "A presentation was given of the “Commentary on the Protocol against Forced Labour”, which was praised.",
            "Commentary on the Protocol against Forced Labour",
            None,
        ),
        (
            "The day ended with a presentation of the ‘Principles on the Safe Return of Survivors’, a text by ODIHR.",
            "Principles on the Safe Return of Survivors",
            None,
        ),
        (
            "Le Groupe GRETA a publié son dixième rapport général sur les activités du GRETA pour 2020.",
            "Dixième rapport général sur les activités du GRETA pour 2020",
            2020,
        ),
        (
            "ГРЕТА опубликовала общий доклад о своей деятельности за 2022 год.",
            "Общий доклад о своей деятельности за 2022",
            2022,
        ),
        (
            "В очередном ежегодном докладе ГРЕТА изложены требования.",
            "Ежегодном докладе ГРЕТА",
            None,
        ),
        (
            "Rapport | Doc. 99999 | 3 mars 2011\n\nLes enfants et la traite en ligne\n\nCommission des questions sociales",
            "Les enfants et la traite en ligne",
            2011,
        ),
        (
            "Бюро ОБСЕ РОЛЬ МЕСТНЫХ ВЛАСТЕЙ В ЗАЩИТЕ ЖЕРТВ ТЕМАТИЧЕСКАЯ ПУБЛИКАЦИЯ 3",
            "Роль местных властей в защите жертв",
            None,
        ),
        (
            "Il a présenté les Actes du colloque « Comment mieux protéger les victimes ? » en 2012.",
            "Comment mieux protéger les victimes ?",
            2012,
        ),
    ],
)
def test_publication_classes(text: str, title: str, year: int | None, reg: Register) -> None:
    found = {p.title: p.year for p in find_publications(text, reg)}
    assert title in found, found
    assert found[title] == year


@pytest.mark.parametrize(
    "text",
    [
        "Он выступил на конференции под названием „Время действовать: общие усилия в регионе”, сообщает агентство.",
        "The seminar entitled “Partners against Exploitation” gathered forty judges.",
    ],
)
def test_the_quoted_name_of_an_event_is_not_a_publication(text: str, reg: Register) -> None:
    assert find_publications(text, reg) == []


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        (
            "Three Steps for Towns to Fight Exploitation\nPublishing date: 2 March 2021\nContent type: Brochure",
            "Three Steps for Towns to Fight Exploitation",
            2021,
        ),
        (
            "Skip to main content\n\nPolice Guide on Interviewing Victims\n\nThis guide was prepared to help officers.",
            "Police Guide on Interviewing Victims",
            None,
        ),
        (
            "Le GRETA publie son 5e rapport général sur ses activités. Le GRETA souligne ...",
            "5e rapport général sur ses activités",
            None,
        ),
        (
            "GRETA publishes its 11th General Report on its activities, covering 2021.",
            "11th General Report on its activities",
            None,
        ),
    ],
)
def test_publication_pages(text: str, title: str, year: int | None, reg: Register) -> None:
    found = {p.title: p.year for p in find_publications(text, reg)}
    assert title in found, found
    assert found[title] == year
