"""The commitment, meeting and series pages, over the REST answers, in a real headless Chromium.

The data is written here: a commitment cited by six meetings of one series over six years (two
years without any), with an addendum and a corrigendum, an official link, a meeting with a
programme (times), speakers whose role differs from meeting to meeting, a publication presented
and an unresolved reference. Screenshots go to docs/commitment.png, docs/meeting.png and
docs/series.png (or $THBGRAPH_SCREENSHOTS).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
import pytest

from thbgraph.api.pages import bar_chart, format_dates
from thbgraph.graph.store import Generation

from .conftest import Server

ID = "https://w3id.org/thbgraph/id/"
SYMBOL = "PC.DEC/9001"
C = f"{ID}commitment/pc-dec-9001"
SERIES = f"{ID}series/test-conference"
OFFICIAL = "https://official.example.org/decisions/9001"
# (document id, meeting start, end, place, role of Ms Tester at that meeting, cites an unresolved ref)
MEETINGS = [
    ("t2016", "2016-05-04", "2016-05-05", "vienna", "Chair of the Task Force", False),
    ("t2018a", "2018-03-01", "2018-03-02", "warsaw", "Rapporteur", False),
    ("t2018b", "2018-10-10", None, "vienna", "Chair of the Task Force", False),
    ("t2021a", "2021-01-20", "2021-01-21", None, "Keynote speaker", True),
    ("t2021b", "2021-06-07", None, "warsaw", "Rapporteur", False),
    ("t2021c", "2021-11-30", "2021-12-01", "vienna", "Moderator", False),
]
PLACES = {"vienna": "Vienna", "warsaw": "Warsaw"}
PROGRAMME = [  # (day, start, end, session) of the 2021-11-30 meeting
    (1, "09:30", "10:00", "Opening of the conference"),
    (1, "10:00", "12:30", "Session 1: prevention"),
    (2, "14:00", None, "Session 2: victims' rights"),
]
# A visible text that shows an IRI's tail: a lower-case slug with two hyphens or more (a date is
# not one), a document id, an /id/ path.
IRI_TAIL = re.compile(
    r"\b(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+){2,}\b|\b\d{3}_[0-9a-f]{16}\b|\bt20\d\d[a-c]?\b|/id/"
)


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _text(doc: str, start: str, place: str | None, unresolved: bool) -> str:
    where = f"in {PLACES[place]}" if place else "online"
    text = (
        f"The Test Conference on Trafficking met {where} on {start}.\n"
        f"Ms Tina Tester opened the meeting. Participants recalled {SYMBOL} and its follow-up; "
        "they asked for more."
    )
    if unresolved:
        text += " They also recalled the Helsinki Principles."
    return text


def _evidence(doc: str, field: str, body: str, prop: str, text: str, quote: str) -> list[str]:
    start = text.index(quote)
    end = start + len(quote)
    e = f"{ID}evidence/{doc}/{field}/{start}-{end}"
    return [
        f"<{e}> a oa:Annotation ; oa:hasBody <{body}> ; thb:supportsProperty <{prop}> ;",
        f"  oa:hasTarget <{e}/target> .",
        f"<{e}/target> oa:hasSource <{ID}document/{doc}> ; oa:hasSelector <{e}/quote>, <{e}/position> .",
        f'<{e}/quote> a oa:TextQuoteSelector ; oa:exact "{_esc(quote)}" .',
        f"<{e}/position> a oa:TextPositionSelector ; oa:start {start} ; oa:end {end} .",
    ]


def _citation(doc: str, meeting: str, target: str, text: str, quote: str, method: str) -> list[str]:
    start = text.index(quote)
    end = start + len(quote)
    cit = f"{ID}citation/{doc}/{start}-{end}"
    return [
        f"<{cit}> a thb:Citation ; cito:hasCitingEntity <{ID}document/{doc}> ;",
        f"  cito:hasCitedEntity <{target}> ; thb:inMeeting <{meeting}> ;",
        f'  thb:resolutionMethod "{method}" ; thb:confidence {0.0 if method == "unresolved" else 1.0} ;',
        f"  thb:evidence <{ID}evidence/{doc}/citation/{start}-{end}> .",
        *_evidence(doc, "citation", cit, "http://purl.org/spar/cito/hasCitedEntity", text, quote),
    ]


def _trig() -> str:
    lines = [
        "@prefix thb: <https://w3id.org/thbgraph/ontology#> .",
        "@prefix oa: <http://www.w3.org/ns/oa#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
        "@prefix cito: <http://purl.org/spar/cito/> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix schema: <https://schema.org/> .",
        "@prefix eli: <http://data.europa.eu/eli/ontology#> .",
        "@prefix org: <http://www.w3.org/ns/org#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "<https://w3id.org/thbgraph/graph/register> {",
        f'<{C}> a thb:PermanentCouncilDecision ; skos:notation "{SYMBOL}" ;',
        '  dcterms:title "Test Plan of Action"@en ; eli:date_document "2015-07-01"^^xsd:date ;',
        f'  eli:passed_by <{ID}org/test-council> ; dcterms:source <{OFFICIAL}>, "seed document x" .',
        f'<{ID}org/test-council> skos:prefLabel "Test Permanent Council"@en .',
        f'<{ID}commitment/pc-dec-9002> a thb:Addendum ; skos:notation "PC.DEC/9002" ;',
        f'  skos:prefLabel "PC.DEC/9002: Addendum to the Test Plan"@en ; thb:addendumTo <{C}> ;',
        '  eli:date_document "2019"^^xsd:gYear .',
        f'<{ID}commitment/pc-dec-9001-corr-1> a thb:Corrigendum ; skos:notation "{SYMBOL}/Corr.1" ;',
        f"  thb:corrigendumOf <{C}> .",
        f'<{SERIES}> a thb:MeetingSeries ; rdfs:label "Test Conference on Trafficking"@en ;',
        '  skos:altLabel "Annual Test Conference"@en ; rdfs:comment "A conference held for the tests."@en ;',
        f"  schema:organizer <{ID}org/test-council> .",
        *(f'<{ID}place/{k}> a schema:Place ; rdfs:label "{v}" .' for k, v in PLACES.items()),
        "}",
    ]
    for doc, start, end, place, role, unresolved in MEETINGS:
        m = f"{ID}meeting/{start}-test-conference-on-trafficking"
        text = _text(doc, start, place, unresolved)
        person = f"{ID}person/tina-tester"
        lines += [
            f"<https://w3id.org/thbgraph/graph/document/{doc}> {{",
            f'<{ID}document/{doc}> a thb:Summary ; dcterms:title "Summary of the {start} conference"@en ;',
            f'  thb:sourceFile "{doc}.txt" ; thb:text "{_esc(text)}" ; thb:isAbout <{m}> ;',
            f"  thb:mentionsPerson <{person}> .",
            f'<{m}> a thb:Meeting ; schema:name "Test Conference on Trafficking"@en ;',
            f'  schema:startDate "{start}"^^xsd:date ; thb:describedBy <{ID}document/{doc}> ;',
            f"  schema:superEvent <{SERIES}> ; thb:cites <{C}> ; thb:speaker <{person}> ;",
            f"  schema:organizer <{ID}org/test-council> ;",
            (f"  schema:location <{ID}place/{place}> ." if place else "  thb:online true ."),
            f'<{person}> a foaf:Person ; foaf:name "Tina Tester" ; thb:roleLabel "{role}"@en .',
            *_citation(doc, m, C, text, SYMBOL, "symbol"),
        ]
        if end:
            lines.append(f'<{m}> schema:endDate "{end}"^^xsd:date .')
        if unresolved:
            ref = f"{ID}reference/{doc}/1"
            lines.append(
                f'<{ref}> a thb:UnresolvedReference ; rdfs:label "the Helsinki Principles"@en .'
            )
            lines += _citation(doc, m, ref, text, "the Helsinki Principles", "unresolved")
        if doc == "t2021c":
            pub = f"{ID}publication/test-annual-report"
            lines += [
                f'<{m}> thb:presented <{pub}> ; thb:participantsCount "120"^^xsd:nonNegativeInteger .',
                f'<{pub}> a thb:Publication ; dcterms:title "Test Annual Report"@en ;',
                '  schema:datePublished "2021"^^xsd:gYear .',
            ]
            for n, (day, t0, t1, name) in enumerate(PROGRAMME, start=1):
                item = f"{m}/item/{doc}-{n}"
                lines += [
                    f"<{m}> schema:subEvent <{item}> .",
                    f'<{item}> a thb:AgendaItem ; schema:name "{name}"@en ; schema:position {n} ;',
                    f'  thb:dayNumber {day} ; thb:startTime "{t0}"'
                    + (f' ; thb:endTime "{t1}"' if t1 else "")
                    + " .",
                ]
        lines.append("}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def pages_server(tmp_path_factory: pytest.TempPathFactory, start_thbgraph_server: Any) -> Server:
    root = tmp_path_factory.mktemp("pages") / "store"
    with Generation(root) as gen:
        gen.store.inner.extend(list(ox.parse(_trig().encode(), format=ox.RdfFormat.TRIG)))
        gen.commit()
    return start_thbgraph_server(root)


def _get(server: Server, path: str, accept: str = "application/json") -> httpx.Response:
    r = httpx.get(server.url(path), headers={"Accept": accept}, timeout=30, trust_env=False)
    assert r.status_code == 200, r.text
    return r


@pytest.fixture(scope="module")
def rest(pages_server: Server) -> dict[str, Any]:
    return _get(pages_server, f"/api/commitments/{SYMBOL}").json()


def _meeting_path(start: str) -> str:
    return f"/doc/meeting/{start}-test-conference-on-trafficking"


# -- without a browser -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2020-11-03", None, "3 November 2020"),
        ("2020-11-03", "2020-11-04", "3–4 November 2020"),
        ("2021-11-30", "2021-12-01", "30 November – 1 December 2021"),
        ("2021-12-31", "2022-01-01", "31 December 2021 – 1 January 2022"),
        ("2013", None, "2013"),
        ("not a date", None, ""),
        ("2021-02-30", None, ""),
    ],
)
def test_format_dates(start: str, end: str | None, shown: str) -> None:
    assert format_dates(start, end) == shown


def test_bar_chart_draws_every_year_of_the_span() -> None:
    svg = bar_chart([{"year": 2016, "meetings": 2}, {"year": 2019, "meetings": 1}], caption="c")
    bars = re.findall(r'data-year="(\d+)" data-count="(\d+)"', svg)
    assert bars == [("2016", "2"), ("2017", "0"), ("2018", "0"), ("2019", "1")]
    assert "<title>2016: 2 citing meetings</title>" in svg and "<script" not in svg
    assert "No meeting" in bar_chart([], caption="c")


def test_commitment_page_without_javascript(pages_server: Server, rest: dict[str, Any]) -> None:
    page = _get(pages_server, "/doc/commitment/pc-dec-9001", "text/html").text
    assert "<script" not in page and "<svg" in page
    assert f'href="{OFFICIAL}"' in page
    assert 'href="/id/commitment/pc-dec-9002"' in page and "addendum" in page
    assert 'href="/id/commitment/pc-dec-9001-corr-1"' in page and "corrigendum" in page
    # each citing passage in its sentence, linked into the reader at the citation's mark
    assert page.count("<mark>PC.DEC/9001</mark> and its follow-up;") == len(rest["cited_by"])
    assert "/doc/document/t2016#fact-citation-" in page


def test_unknown_pages_fall_back_to_404_with_suggestions(pages_server: Server) -> None:
    for path in ("/doc/commitment/pc-dec-9003", "/doc/meeting/2016-05-04-nope", "/doc/series/tst"):
        r = httpx.get(pages_server.url(path), headers={"Accept": "text/html"}, trust_env=False)
        assert r.status_code == 404, path


# -- in Chromium -------------------------------------------------------------------------------


def _local_links(page: Any, port: int) -> list[str]:
    hrefs = page.eval_on_selector_all(  # an SVG link's href is an SVGAnimatedString
        "a[href]",
        "els => els.map(e => typeof e.href === 'string' ? e.href"
        " : new URL(e.href.baseVal, location.href).href)",
    )
    return sorted({h.split("#")[0] for h in hrefs if urlsplit(h).hostname == "127.0.0.1"} - {""})


def _links_answer(page: Any, server: Server) -> None:
    """Every link of the page to the server answers 200 (after the /id/ 303)."""
    for href in _local_links(page, server.port):
        r = httpx.get(href, headers={"Accept": "text/html"}, follow_redirects=True, trust_env=False)
        assert r.status_code == 200, href


def _no_iri_tails(page: Any) -> None:
    visible = page.inner_text("body")
    found = IRI_TAIL.findall(visible)
    assert not found, found


def test_commitment_page_in_chromium(
    browser: Any,
    pages_server: Server,
    rest: dict[str, Any],
    watch_console: Any,
    screenshots: Path,
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = watch_console(page)
    response = page.goto(pages_server.url("/id/commitment/pc-dec-9001"))
    assert response is not None and response.ok
    assert page.inner_text("h1") == SYMBOL
    # the chart's bars are the REST answer's meetings counted per year, every year of the span
    expected: dict[int, int] = {}
    for m in rest["cited_by"]:
        expected[int(m["start_date"][:4])] = expected.get(int(m["start_date"][:4]), 0) + 1
    bars = page.eval_on_selector_all(
        "#history-chart g.bar",
        "els => els.map(g => [+g.dataset.year, +g.dataset.count,"
        " g.querySelector('text.count').textContent, g.querySelector('rect').getBBox().height,"
        " g.querySelector('title').textContent])",
    )
    years = list(range(min(expected), max(expected) + 1))
    assert [b[0] for b in bars] == years
    assert {b[0]: b[1] for b in bars} == {y: expected.get(y, 0) for y in years}
    assert all(str(b[1]) == b[2] and b[4].startswith(f"{b[0]}: {b[1]} ") for b in bars)
    heights = {b[0]: b[3] for b in bars}
    top = max(expected, key=lambda y: expected[y])
    assert heights[top] == max(heights.values()) > heights[2016] > 1  # drawn to scale
    assert page.get_attribute("#history-chart", "role") == "img"
    assert "Citing meetings per year" in (page.text_content("#chart-title") or "")
    # the list: one entry per citing meeting, each with its date, place and sentence
    items = page.locator("#meetings > li.meeting")
    assert items.count() == len(rest["cited_by"])
    first = items.first.inner_text()
    assert "4–5 May 2016" in first and "Vienna" in first
    assert f"Participants recalled {SYMBOL} and its follow-up;" in first
    assert "online" in items.nth(3).inner_text()
    assert "Addendum to the Test Plan" in page.inner_text("#amended-by")
    assert page.locator("#official a.official").get_attribute("href") == OFFICIAL
    _links_answer(page, pages_server)
    page.screenshot(path=str(screenshots / "commitment.png"), full_page=True)
    # a passage's link opens the reader at the citation's mark
    page.locator("#meetings a.in-reader").first.click()
    page.wait_for_url("**/doc/document/t2016#fact-citation-*")
    mark = page.locator("mark:target")
    assert mark.inner_text() == SYMBOL
    assert errors == []
    context.close()


def test_meeting_page_in_chromium(
    browser: Any, pages_server: Server, watch_console: Any, screenshots: Path
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = watch_console(page)
    rest = _get(pages_server, "/api/meetings/2021-11-30-test-conference-on-trafficking").json()
    page.goto(pages_server.url(_meeting_path("2021-11-30")))
    assert page.inner_text("h1") == "Test Conference on Trafficking"
    facts = page.inner_text("#facts")
    assert "30 November – 1 December 2021" in facts and "Vienna" in facts and "120" in facts
    rows = page.locator("table.programme tbody tr").all_inner_texts()
    assert len(rows) == len(PROGRAMME) == len(rest["sessions"])
    for row, (day, t0, t1, name) in zip(rows, PROGRAMME, strict=True):
        assert f"Day {day}" in row and name in row
        assert (f"{t0}–{t1}" if t1 else t0) in row
    assert "Day 1 · 30 November 2021" in rows[0] and "Day 2 · 1 December 2021" in rows[2]
    speakers = page.inner_text("#speakers")
    assert "Tina Tester — Moderator" in speakers  # the role at this meeting, not at others
    assert "Rapporteur" not in speakers and "Keynote" not in speakers
    assert SYMBOL in page.inner_text("#cited")
    # the citing passage, the symbol marked in it (a passage without refinement is all marked)
    assert page.locator("#cited q.sentence mark").first.inner_text() == SYMBOL
    assert "Test Annual Report" in page.inner_text("#presented")
    assert "Test Permanent Council" in page.inner_text("#organisers")
    assert "Summary of the 2021-11-30 conference" in page.inner_text("#documents")
    assert "Test Conference on Trafficking" in page.inner_text("#series")
    _no_iri_tails(page)
    _links_answer(page, pages_server)
    page.screenshot(path=str(screenshots / "meeting.png"), full_page=True)
    page.click("#cited a.commitment")
    page.wait_for_url("**/doc/commitment/pc-dec-9001")
    # the meeting with an unresolved reference shows its wording, marked unresolved
    page.goto(pages_server.url(_meeting_path("2021-01-20")))
    cited = page.inner_text("#cited")
    assert "unresolved" in cited and "the Helsinki Principles" in cited
    assert "online" in page.inner_text("#facts")
    _no_iri_tails(page)
    assert errors == []
    context.close()


def test_series_page_in_chromium(
    browser: Any, pages_server: Server, watch_console: Any, screenshots: Path
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors = watch_console(page)
    page.goto(pages_server.url("/id/series/test-conference"))
    assert page.inner_text("h1") == "Test Conference on Trafficking"
    dots = page.eval_on_selector_all(
        "#timeline-chart a.dot", "els => els.map(a => [a.dataset.date, a.getBBox().x])"
    )
    assert [d[0] for d in dots] == [m[1] for m in MEETINGS]  # in date order
    xs = [d[1] for d in dots]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)  # placed along the line by date
    years = page.locator("#timeline > li.year h3").all_inner_texts()
    assert years == ["2016", "2018", "2021"]
    assert page.locator("#timeline li.meeting").count() == len(MEETINGS)
    assert "Annual Test Conference" in page.inner_text("#aliases")
    _no_iri_tails(page)
    _links_answer(page, pages_server)
    page.screenshot(path=str(screenshots / "series.png"), full_page=True)
    page.locator("#timeline a.meeting-link").last.click()
    page.wait_for_url("**" + _meeting_path("2021-11-30"))
    assert errors == []
    context.close()


# -- over the API test data, embedded and on a remote SPARQL server ------------------------------


@pytest.mark.parametrize("where", ["server", "remote_server"])
def test_pages_over_a_local_and_a_remote_store(where: str, request: pytest.FixtureRequest) -> None:
    srv: Server = request.getfixturevalue(where)
    meeting = "2020-11-03-meeting-of-national-anti-trafficking-co-ordinators-and-rapporteurs"
    page = _get(srv, f"/doc/meeting/{meeting}", "text/html").text
    assert "Session 1: implementing commitments" in page and "10:00" in page
    assert "Valiant Richey</a> — <span" in page  # with the role this meeting's summary gives
    assert 'href="/id/series/national-coordinators-rapporteurs"' in page
    history = _get(srv, "/doc/commitment/mc-dec-6-18", "text/html").text
    assert 'data-year="2020" data-count="1"' in history
    assert "The meeting recalled <mark>MC.DEC/6/18</mark> on child trafficking." in history
    series = _get(srv, "/doc/series/national-coordinators-rapporteurs", "text/html").text
    assert f'href="/id/meeting/{meeting}"' in series
