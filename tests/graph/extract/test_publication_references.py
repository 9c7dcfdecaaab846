"""Reference-list entries (issue 14: 'reference lists'): author, title and year in the two usual
shapes, under a heading or as a list line whose author is an organisation; own words, made-up
titles and addresses."""

from __future__ import annotations

import pytest

from thbgraph.graph.extract.publications import find_publications
from thbgraph.graph.register import Register

ENTRIES = [
    (
        "author (year). title. -- under a 'References' heading, with 'Available at:'",
        "The meeting closed at noon.\n\nReferences\n\n1. Lena Ortiz (2020). Safe Homes: Standards "
        "for Shelters. Warsaw.\n2. Council of Europe (2017). Child Victims in Courts. Available "
        "at: https://example.org/child-victims\n",
        [
            ("Safe Homes: Standards for Shelters", 2020, None),
            ("Child Victims in Courts", 2017, "https://example.org/child-victims"),
        ],
    ),
    (
        "author, title, place, year -- a bulleted line whose author is an organisation",
        "Participants received:\n- UNODC, Toolkit for Labour Inspectors on Forced Labour, "
        "Vienna, 2018. <https://example.org/toolkit>\n",
        [
            (
                "Toolkit for Labour Inspectors on Forced Labour",
                2018,
                "https://example.org/toolkit",
            )
        ],
    ),
    (
        "author, title (year) -- a French 'Bibliographie'",
        "Bibliographie\n\n- Jeanne Roux, Les mineurs isolés face aux réseaux (2016)\n",
        [("Les mineurs isolés face aux réseaux", 2016, None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [r[1:] for r in ENTRIES], ids=[r[0] for r in ENTRIES]
)
def test_reference_entries(
    text: str, expected: list[tuple[str, int | None, str | None]], reg: Register
) -> None:
    pubs = find_publications(text, reg)
    assert [(p.title, p.year, p.url) for p in pubs] == expected
    for p in pubs:
        assert p.evidence is not None and text[p.evidence.start : p.evidence.end] == p.evidence.text
        if p.url_evidence is not None:
            assert text[p.url_evidence.start : p.url_evidence.end] == p.url


@pytest.mark.parametrize(
    "text",
    [
        "Programme\n1. Opening remarks, Ms Anna Berg, Ministry of Justice, 2019 priorities\n",
        "- The Mission trained forty police officers (2019) in three towns.\n",
        "2. Coffee break, 11:00 (2024)\n",
    ],
    ids=["a programme line", "a sentence with a year in brackets", "a time"],
)
def test_list_lines_that_are_no_entries(text: str, reg: Register) -> None:
    assert find_publications(text, reg) == []
