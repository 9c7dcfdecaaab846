"""The document reader (/doc/document/{id}): marks at the API's offsets, in a real headless Chromium.

The document is written here: nested and crossing spans, every kind, an unresolved and a
low-confidence citation. The screenshot goes to docs/reader.png (or $THBGRAPH_SCREENSHOTS).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from thbgraph.api.reader import render_text
from thbgraph.graph.store import Generation

from .conftest import Server

ID = "https://w3id.org/thbgraph/id/"
DOC = "reader_0001"
TEXT = (
    "The Meeting of Co-ordinators took place in Vienna on 3-4 March 2021.\n"
    "Ms Anna Example, Special Representative of the OSCE, opened it.\n"
    "Participants recalled MC.DEC/6/18, MC Decision 7/17 and the Porto Decisions, "
    "and presented the Annual Report on Things & <Stuff>."
)
PAGES = [TEXT.index("Ms Anna"), TEXT.index("Participants")]  # where pages 2 and 3 begin
M = f"{ID}meeting/2021-03-03-test"
# (field, body, property, quote, body type, extra triples of the body)
FACTS: list[tuple[str, str, str, str, str, str]] = [
    ("place", M, "https://schema.org/location", "Vienna on 3-4 March", "thb:Meeting", ""),
    ("start-date", M, "https://schema.org/startDate", "3-4 March 2021", "thb:Meeting", ""),
    (
        "person",
        f"{ID}person/anna-example",
        "http://xmlns.com/foaf/0.1/name",
        "Ms Anna Example, Special Representative of the OSCE",
        "foaf:Person",
        'rdfs:label "Anna Example"',
    ),
    (
        "organisation-osce",
        f"{ID}document/{DOC}",
        "https://w3id.org/thbgraph/ontology#mentionsOrganisation",
        "OSCE",
        "thb:Document",
        "",
    ),
    (
        "citation",
        f"{ID}citation/{DOC}/a",
        "http://purl.org/spar/cito/hasCitedEntity",
        "MC.DEC/6/18",
        "thb:Citation",
        f'thb:resolutionMethod "symbol" ; thb:confidence 1.0 ; cito:hasCitedEntity <{ID}commitment/c1>',
    ),
    (
        "citation",
        f"{ID}citation/{DOC}/b",
        "http://purl.org/spar/cito/hasCitedEntity",
        "MC Decision 7/17",
        "thb:Citation",
        f'thb:resolutionMethod "description" ; thb:confidence 0.7 ; '
        f'thb:repairNote "candidates MC.DEC/7/17, PC.DEC/7/17" ; cito:hasCitedEntity <{ID}commitment/c2>',
    ),
    (
        "citation",
        f"{ID}citation/{DOC}/c",
        "http://purl.org/spar/cito/hasCitedEntity",
        "the Porto Decisions",
        "thb:Citation",
        f'thb:resolutionMethod "unresolved" ; thb:confidence 0.0 ; '
        f'thb:repairNote "candidates: MC.DEC/2/03, MC.DEC/13/04" ; cito:hasCitedEntity <{ID}reference/{DOC}/c>',
    ),
    (
        "publication",
        f"{ID}publication/annual-report",
        "http://purl.org/dc/terms/title",
        "Annual Report on Things & <Stuff>",
        "thb:Publication",
        'rdfs:label "Annual Report"',
    ),
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
        f"<https://w3id.org/thbgraph/graph/document/{DOC}> {{",
        f'<{ID}document/{DOC}> a thb:Summary ; dcterms:title "A test summary"@en ;',
        f'  thb:sourceFile "{DOC}.txt" ; thb:text "{_esc(TEXT)}" ;',
        f'  thb:pageStarts "{" ".join(str(p) for p in PAGES)}" .',
        f'<{ID}commitment/c1> skos:notation "MC.DEC/6/18" .',
        f'<{ID}commitment/c2> skos:notation "MC.DEC/7/17" .',
        f'<{ID}reference/{DOC}/c> a thb:UnresolvedReference ; rdfs:label "the Porto Decisions"@en .',
    ]
    for field, body, prop, quote, rdf_type, extra in FACTS:
        start = TEXT.index(quote)
        end = start + len(quote)
        e = f"{ID}evidence/{DOC}/{field}/{start}-{end}"
        lines += [
            f"<{body}> a {rdf_type}" + (f" ; {extra}" if extra else "") + " .",
            f"<{e}> a oa:Annotation ; oa:hasBody <{body}> ; thb:supportsProperty <{prop}> ;",
            f"  thb:page {1 + sum(1 for p in PAGES if p <= start)} ;",
            f"  oa:hasTarget <{e}/target> .",
            f"<{e}/target> oa:hasSource <{ID}document/{DOC}> ;",
            f"  oa:hasSelector <{e}/quote>, <{e}/position> .",
            f'<{e}/quote> a oa:TextQuoteSelector ; oa:exact "{_esc(quote)}" .',
            f"<{e}/position> a oa:TextPositionSelector ; oa:start {start} ; oa:end {end} .",
        ]
    lines.append("}")
    return "\n".join(lines)


def _esc(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


@pytest.fixture(scope="module")
def reader_server(tmp_path_factory: pytest.TempPathFactory, start_thbgraph_server: Any) -> Server:
    root = tmp_path_factory.mktemp("reader") / "store"
    with Generation(root) as gen:
        gen.store.inner.extend(list(ox.parse(_trig().encode(), format=ox.RdfFormat.TRIG)))
        gen.commit()
    return start_thbgraph_server(root)


@pytest.fixture(scope="module")
def api_doc(reader_server: Server) -> dict[str, Any]:
    r = httpx.get(reader_server.url(f"/api/documents/{DOC}"), timeout=30, trust_env=False)
    assert r.status_code == 200, r.text
    return r.json()


def test_render_text_nests_and_splits() -> None:
    text = "abcdefghij"
    facts = [
        {"start": 1, "end": 5, "kind": "meeting", "anchor": "fact-a", "title": "a"},
        {"start": 3, "end": 8, "kind": "person", "anchor": "fact-b", "title": "b"},
        {"start": 2, "end": 4, "kind": "citation", "anchor": "fact-c", "title": "c"},
    ]
    out = render_text(text, facts)
    assert out.count("<mark") == out.count("</mark>") == 5  # b is split where c and a end
    assert out.count('id="fact-b"') == 1 and 'data-part="continued"' in out
    texts = _texts(out)
    for f in facts:
        assert texts[f["anchor"]] == text[f["start"] : f["end"]]


def _texts(markup: str) -> dict[str, str]:
    """The text inside each fact's marks (all its fragments), from the HTML."""
    from html.parser import HTMLParser

    found: dict[str, str] = {}

    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "mark":
                self.stack.append(dict(attrs)["data-fact"] or "")

        def handle_endtag(self, tag: str) -> None:
            if tag == "mark":
                self.stack.pop()

        def handle_data(self, data: str) -> None:
            for fact in self.stack:
                found[fact] = found.get(fact, "") + data

    P().feed(markup)
    return found


def test_reader_without_javascript(reader_server: Server, api_doc: dict[str, Any]) -> None:
    r = httpx.get(
        reader_server.url(f"/doc/document/{DOC}"),
        headers={"Accept": "text/html"},
        timeout=30,
        trust_env=False,
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script" not in r.text
    for span in api_doc["spans"]:
        assert f'data-start="{span["start"]}" data-end="{span["end"]}"' in r.text
    assert "fact-unresolved" in r.text and "fact-uncertain" in r.text
    assert "MC.DEC/2/03" in r.text  # the candidates of the unresolved reference
    assert "&lt;Stuff&gt;" in r.text
    for n in (1, 2, 3):  # the pages of the original file, and a link to each
        assert f'id="page-{n}" data-page="{n}"' in r.text and f'href="#page-{n}"' in r.text


def test_entity_page_links_into_the_reader(reader_server: Server) -> None:
    r = httpx.get(
        reader_server.url("/doc/person/anna-example"),
        headers={"Accept": "text/html"},
        timeout=30,
        trust_env=False,
    )
    assert r.status_code == 200
    start = TEXT.index("Ms Anna")
    assert f'href="/doc/document/{DOC}#fact-person-{start}-' in r.text


def test_reader_in_chromium(
    browser: Any,
    reader_server: Server,
    api_doc: dict[str, Any],
    watch_console: Any,
    screenshots: Path,
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 500})
    page = context.new_page()
    errors = watch_console(page)
    response = page.goto(reader_server.url(f"/id/document/{DOC}"))
    assert response is not None and response.ok
    text = api_doc["text"]
    assert page.locator("#text").inner_text().replace("\r", "") == text
    marks = page.eval_on_selector_all(
        "mark.fact[data-fact]",
        "els => els.map(e => [e.dataset.fact, +e.dataset.start, +e.dataset.end, e.textContent,"
        " e.id, e.className])",
    )
    by_fact: dict[str, list[Any]] = {}
    for fact, start, end, content, _id, _cls in marks:
        by_fact.setdefault(fact, []).append((start, end, content))
    assert len(by_fact) == len(api_doc["spans"]) == len(FACTS)
    offsets = sorted((s["start"], s["end"]) for s in api_doc["spans"])
    assert sorted((v[0][0], v[0][1]) for v in by_fact.values()) == offsets
    for parts in by_fact.values():
        start, end = parts[0][0], parts[0][1]
        assert all((p[0], p[1]) == (start, end) for p in parts)
        assert "".join(p[2] for p in parts) == text[start:end]
    assert any(len(p) > 1 for p in by_fact.values())  # the crossing span was split
    kinds = {c.split()[1] for *_, c in marks}
    assert kinds >= {
        "fact-meeting",
        "fact-person",
        "fact-organisation",
        "fact-citation",
        "fact-publication",
    }
    # page markers stand where the pages begin, and add nothing to the text
    at = page.eval_on_selector_all(
        "#text .page-start",
        "els => els.map(e => { const r = document.createRange();"
        " r.setStart(document.getElementById('text'), 0); r.setEndBefore(e);"
        " return [+e.dataset.page, r.toString().length]; })",
    )
    assert at == [[1, 0], [2, PAGES[0]], [3, PAGES[1]]]
    pages = page.eval_on_selector_all("#facts a.page", "els => els.map(e => e.hash)")
    assert len(pages) == len(FACTS) and set(pages) == {"#page-1", "#page-2", "#page-3"}
    unresolved = page.locator("#text mark.fact-unresolved")
    assert "MC.DEC/2/03" in (unresolved.get_attribute("title") or "")
    # The side panel's last link scrolls its passage into view, and the back link returns.
    link = page.locator("#facts a.to-fact").last
    anchor = (link.get_attribute("href") or "")[1:]
    target = page.locator(f"[id='{anchor}']")
    link.click()
    page.wait_for_function("a => location.hash === '#' + a", arg=anchor)
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= 500 - box["height"]
    back = page.locator(f"[id='back-{anchor}']")
    assert back.is_visible()  # the passage's own back link, shown without JavaScript
    back.click()
    page.wait_for_function("a => location.hash === '#panel-' + a", arg=anchor)
    folder = screenshots
    page.goto(reader_server.url(f"/doc/document/{DOC}"))
    page.set_viewport_size({"width": 1200, "height": 800})
    page.screenshot(path=str(folder / "reader.png"), full_page=True)
    assert (folder / "reader.png").stat().st_size > 1000
    page.click("a.back")
    page.wait_for_function("() => location.hash === '#facts'")
    assert errors == []
    context.close()


def test_render_text_marks_where_pages_begin() -> None:
    out = render_text("abcdefghij", [], [4, 4, 8, 0, 99])
    assert out == (
        '<span class="page-start" id="page-1" data-page="1" title="page 1"></span>abcd'
        '<span class="page-start" id="page-2" data-page="2" title="page 2"></span>efgh'
        '<span class="page-start" id="page-3" data-page="3" title="page 3"></span>ij'
    )
    assert "page-start" not in render_text("abcdefghij", [])
