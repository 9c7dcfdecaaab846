"""The HTML query page and an entity page in a real headless Chromium (Debian `chromium`).

Every request the pages make must go to the test server on 127.0.0.1: nothing from a CDN.
Screenshots are saved in the test's temporary folder (or $THBGRAPH_SCREENSHOTS when set).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest


@pytest.fixture()
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("THBGRAPH_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page(browser: Any) -> tuple[Any, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return page, requested


def _all_local(urls: list[str], port: int) -> None:
    assert urls
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in {"data", "about", "blob"}:
            continue
        assert (parts.hostname, parts.port) == ("127.0.0.1", port), url


def test_query_page_runs_a_query(browser: Any, server: Any, shots: Path) -> None:
    page, requested = _page(browser)
    page.goto(server.url("/sparql"))
    assert page.title() == "thbgraph SPARQL query"
    page.fill(
        "#query",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?c ?symbol WHERE { ?c skos:notation ?symbol } ORDER BY ?symbol",
    )
    page.click("#run")
    page.wait_for_selector("#result-table")
    cells = page.locator("#result-table tbody tr td:nth-child(2)").all_inner_texts()
    assert cells == ["CETS No. 197", "FR", "MC.DEC/6/18", "MC.DEC/7/17"]
    assert "4 rows" in page.inner_text("#status")
    page.screenshot(path=str(shots / "query-page.png"), full_page=True)
    assert (shots / "query-page.png").stat().st_size > 1000
    page.fill("#query", "SELECT * WHERE { ?s ?p }")
    page.click("#run")
    page.wait_for_selector("#error")
    assert "error at" in page.inner_text("#error")
    _all_local(requested, server.port)
    page.context.close()


def test_entity_page_reads_and_links(browser: Any, server: Any, shots: Path) -> None:
    page, requested = _page(browser)
    citation = "citation/000_46f1c8b510004226/50-66"
    response = page.goto(server.url(f"/id/{citation}"))
    assert response is not None and response.ok
    assert page.url.endswith(f"/doc/{citation}")  # after the 303
    assert "MC Decision 6/18" in page.inner_text("#evidence")
    page.screenshot(path=str(shots / "entity-page.png"), full_page=True)
    page.click("#outgoing a[href^='/id/meeting/']")
    page.wait_for_url("**/doc/meeting/**")
    assert "Meeting of National" in page.inner_text("h1")
    _all_local(requested, server.port)
    page.context.close()
