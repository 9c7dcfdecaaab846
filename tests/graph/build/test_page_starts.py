"""Where the pages of a file begin (the reader's page_starts) is kept on the document: the
document reader draws page numbers from it (issue 17)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from thbgraph.graph.build import document_quads
from thbgraph.graph.extract import extract
from thbgraph.graph.register import load_register

PAGE_STARTS = "https://w3id.org/thbgraph/ontology#pageStarts"
TEXT = "Page one of the summary.\nPage two recalls MC.DEC/6/18.\nPage three ends it."


def _starts(page_starts: list[int] | None) -> list[str]:
    ex = extract(TEXT, source="paged.pdf", page_starts=page_starts)
    quads = document_quads(ex, load_register(), [])
    return [q.object.value for q in quads if q.predicate == ox.NamedNode(PAGE_STARTS)]


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ([TEXT.index("Page two"), TEXT.index("Page three")], ["25 55"]),
        ([], []),  # a file without pages
        ([0, 25, 25, 10_000], ["25"]),  # page 1's start, repeats and offsets past the text dropped
    ],
)
def test_page_starts_are_written_on_the_document(given: list[int], written: list[str]) -> None:
    assert TEXT.index("Page two") == 25 and TEXT.index("Page three") == 55
    assert _starts(given) == written


def test_extract_keeps_them_out_of_its_json() -> None:
    ex = extract(TEXT, source="paged.pdf", page_starts=[25])
    assert ex.page_starts == [25] and "page_starts" not in ex.to_json()
