"""The /graph page's labels do not overlap, measured in a real headless Chromium.

Every view over the store built from the bundled corpus is drawn; the boxes of each labelled
node (its body and its label, in the graph's own coordinates, so whatever the zoom) are compared
pairwise: none may intersect another. Before graph.js separated them, the 'full' view had 23
intersecting pairs, 'series' 3, 'actors' 2 and 'citations' 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thbgraph.graph.export.views import VIEWS

from .conftest import Server

BOXES = """() => cy.nodes(':visible').filter(n => n.data('label')).map(n => {
  const b = n.boundingBox({includeNodes: true, includeEdges: false, includeLabels: true});
  return [n.data('label'), b.x1, b.y1, b.x2, b.y2];
})"""


def _intersecting(boxes: list[list[Any]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
                found.append((a[0], b[0]))
    return found


def test_intersecting_boxes_are_found() -> None:  # the measure itself can fail
    boxes = [["a", 0, 0, 10, 10], ["b", 5, 5, 15, 15], ["c", 10, 0, 20, 4]]
    assert _intersecting(boxes) == [("a", "b")]


@pytest.fixture(scope="module")
def corpus_server(built_store: Path, start_thbgraph_server: Any) -> Server:
    return start_thbgraph_server(built_store)


def test_no_two_labels_overlap_in_any_view(
    browser: Any, corpus_server: Server, watch_console: Any
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors = watch_console(page)
    drawn = 0
    for view in VIEWS:
        page.goto(corpus_server.url(f"/graph?view={view}"))
        page.wait_for_selector("body[data-ready='true']", timeout=60000)
        boxes = page.evaluate(BOXES)
        drawn += len(boxes)
        assert _intersecting(boxes) == [], view
    assert drawn > 100  # the views were drawn, with labels
    assert errors == []
    page.close()
