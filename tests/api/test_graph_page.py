"""The /graph page in a real headless Chromium, and the /export routes, on a real local server.

The server runs the exports router over the sample dataset of tests/graph/export/data (and over
the store built from the bundled corpus); the browser may only talk to 127.0.0.1.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pyoxigraph as ox
import pytest
import uvicorn
from fastapi import FastAPI
from lxml import etree

from thbgraph.api.exports import router
from thbgraph.graph.store import Generation

SAMPLE = Path(__file__).parents[1] / "graph" / "export" / "data" / "sample.trig"
XSD = Path(__file__).parents[1] / "graph" / "export" / "xsd" / "gexf.xsd"


@pytest.fixture(scope="module")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inner = ox.Store()
    inner.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    root = tmp_path_factory.mktemp("graph-page") / "store"
    gen = Generation(root)
    gen.load_nquads(ox.serialize(inner, format=ox.RdfFormat.N_QUADS) or b"")
    gen.commit()
    return root


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(store: Path) -> Iterator[str]:
    app = FastAPI()
    app.state.store_location = store
    app.include_router(router)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def sample_server(sample_store_path: Path) -> Iterator[str]:
    yield from _serve(sample_store_path)


def test_export_routes_serve_bytes_with_media_type_and_filename(sample_server: str) -> None:
    with httpx.Client(base_url=sample_server) as client:
        r = client.get("/export/citations.gexf", params={"focus": "MC.DEC/6/18"})
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("application/gexf+xml")
        assert 'filename="thbgraph-citations.gexf"' in r.headers["content-disposition"]
        schema = etree.XMLSchema(etree.parse(str(XSD)))
        assert schema.validate(etree.fromstring(r.content)), str(schema.error_log)
        same = client.get(
            "/export", params={"format": "gexf", "view": "citations", "focus": "MC.DEC/6/18"}
        )
        assert same.content == r.content
        d3 = client.get("/export", params={"format": "d3", "view": "actors"}).json()
        assert "links" in d3
        unknown = client.get("/export/citations.d3", params={"focus": "MC.DEC/6/99"})
        assert unknown.status_code == 404 and "MC.DEC/6/18" in unknown.json()["suggestions"]
        bad = client.get("/export", params={"format": "pdf"})
        assert bad.status_code == 400 and "--format" in bad.json()["error"]
        assert client.get("/graph/static/../exports.py").status_code == 404


def test_export_route_gives_the_cli_bytes(sample_server: str, sample_store_path: Path) -> None:
    cli = subprocess.run(
        [sys.executable, "-c", "from thbgraph.cli import main; main()", "export",
         "--view", "citations", "--focus", "MC.DEC/6/18", "--format", "graphml",
         "--store", str(sample_store_path)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    with httpx.Client(base_url=sample_server) as client:
        served = client.get("/export/citations.graphml", params={"focus": "MC.DEC/6/18"})
    assert served.status_code == 200
    assert served.headers["content-type"].startswith("application/graphml+xml")
    assert served.content == cli.stdout


def _drive_page(
    base: str, shot: Path, expected_passage: str | None, browser: Any
) -> dict[str, object]:
    """Open /graph, check the drawing and click MC.DEC/6/18; returns what was seen."""
    with httpx.Client(base_url=base) as client:
        elements = client.get("/export", params={"format": "cytoscape", "view": "citations"})
        expected_nodes = len(elements.json()["elements"]["nodes"])
    requests: list[str] = []
    blocked: list[str] = []
    # one browser per module: the `browser` fixture of tests/conftest.py
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:

        def _route(route, request) -> None:
            requests.append(request.url)
            if urlparse(request.url).hostname != "127.0.0.1":
                blocked.append(request.url)
                route.abort()
            else:
                route.continue_()

        page.route("**/*", _route)
        page.goto(f"{base}/graph?view=citations")
        page.wait_for_selector("body[data-ready='true']", timeout=30000)
        drawn = page.evaluate(
            """() => ({
                total: cy.nodes().length,
                visible: cy.nodes(':visible').length,
                onCanvas: cy.nodes().filter(n => {
                    const p = n.renderedPosition();
                    return Number.isFinite(p.x) && Number.isFinite(p.y);
                }).length,
                canvases: document.querySelectorAll('#cy canvas').length,
            })"""
        )
        pos = page.evaluate(
            """() => {
                const n = cy.nodes().filter(n => n.data('label') === 'MC.DEC/6/18')[0];
                if (!n) return null;
                const p = n.renderedPosition();
                const r = document.getElementById('cy').getBoundingClientRect();
                return {x: r.left + p.x, y: r.top + p.y};
            }"""
        )
        details = ""
        if pos is not None:
            page.mouse.click(pos["x"], pos["y"])
            page.wait_for_selector("#details h2", timeout=10000)
            details = page.inner_text("#details")
        page.screenshot(path=str(shot), full_page=True)
        # filter by type: hiding the commitments leaves the other nodes drawn
        page.locator("#types input[value='commitment']").uncheck()
        type_filter = page.evaluate(
            """() => [cy.nodes(':visible').length,
                      cy.nodes().filter(n => n.data('type') !== 'commitment').length]"""
        )
        page.locator("#types input[value='commitment']").check()
        # search selects the node and shows its details
        page.fill("#search", "PC.DEC/557")
        page.press("#search", "Enter")
        page.wait_for_function("cy.$(':selected').length === 1")
        searched = page.evaluate("cy.$(':selected')[0].data('label')")
    finally:
        page.close()
    return {
        "expected": expected_nodes,
        "drawn": drawn,
        "clicked": pos is not None,
        "details": details,
        "requests": requests,
        "blocked": blocked,
        "type_filter": type_filter,
        "searched": searched,
    }


def _check(seen: dict[str, object], shot: Path, passage_fragment: str) -> None:
    requests = seen["requests"]
    assert requests and not seen["blocked"], f"requests left 127.0.0.1: {seen['blocked']}"
    assert all(urlparse(u).hostname == "127.0.0.1" for u in requests)  # type: ignore[union-attr]
    drawn = seen["drawn"]
    assert drawn["total"] == seen["expected"] > 0  # type: ignore[index]
    assert drawn["visible"] == drawn["onCanvas"] == seen["expected"]  # type: ignore[index]
    assert drawn["canvases"] >= 1  # type: ignore[index]
    assert seen["clicked"], "no MC.DEC/6/18 node on the page"
    details = str(seen["details"])
    assert "MC.DEC/6/18" in details and "commitment" in details
    assert passage_fragment in details, details
    assert shot.stat().st_size > 1000
    visible, expected = seen["type_filter"]  # type: ignore[misc]
    assert visible == expected < seen["expected"]  # type: ignore[operator]
    assert seen["searched"] == "PC.DEC/557"


def test_graph_page_draws_offline_and_shows_the_citing_passage(
    sample_server: str, tmp_path: Path, browser: Any
) -> None:
    shot = tmp_path / "graph-page-sample.png"
    seen = _drive_page(sample_server, shot, None, browser)
    _check(seen, shot, "Implementing MC.DEC/6/18")


def test_graph_page_on_the_built_corpus(built_store: Path, tmp_path: Path, browser: Any) -> None:
    """The same page over the store built from the bundled seed documents."""
    shot = tmp_path / "graph-page-corpus.png"
    for base in _serve(built_store):
        seen = _drive_page(base, shot, None, browser)
        _check(seen, shot, "MC.DEC/6/18")
    print(json.dumps({"screenshot": str(shot)}))


def test_graph_page_links_to_gephi_lite_with_the_gexf_export(sample_server: str) -> None:
    from urllib.parse import parse_qs

    with httpx.Client(base_url=sample_server) as client:
        page = etree.HTML(client.get("/graph", params={"view": "citations"}).text)
        link = page.xpath('//a[@id="gephi"]')[0]
        assert link.text == "Open in Gephi Lite"
        target = urlparse(link.get("href"))
        assert (target.netloc, target.path) == ("gephi.org", "/gephi-lite/")
        gexf = parse_qs(target.query)["file"][0]
        assert gexf == f"{sample_server}/export/citations.gexf"
        r = client.get(gexf)
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/gexf+xml")
