"""Publications given their address by the page's links (issue 14), on an HTML page written for
these tests and read by the real HTML reader: a short link after the title ("download"), a title
that is itself the link, a footnote whose link words are not the address, a link to a document
file whose words are a title; and the links that must give nothing (a pointer link to a file,
a link in the next paragraph)."""

from __future__ import annotations

from pathlib import Path

from thbgraph.graph.extract import extract
from thbgraph.graph.readers import read_document

PAGE = """<html><head><link rel="canonical" href="https://www.example.org/news/item"></head>
<body><main><article>
<h1>The Office presents two new tools</h1>
<p>VIENNA, 3 May 2021 - The Office today launched the handbook "Working Together on Referral"
(<a href="https://www.example.org/docs/1">download</a>), written with partners.</p>
<p>It builds on the study "Listening to Survivors".<sup>1</sup></p>
<p>Readers may also consult <a href="/files/guide-identification.pdf">Guide on Identifying
Victims of Trafficking</a>, or <a href="/files/annex.pdf">Download the annex</a>.</p>
<p>The report "Gaps in Victim Support" (2020) was discussed.</p>
<p><a href="https://www.example.org/unrelated">more</a></p>
<p class="footnote"><sup>1</sup> <a href="https://www.example.org/study.pdf">Read the study</a>, 2019.</p>
</article></main></body></html>
"""


def _publications(tmp_path: Path) -> dict[str, tuple[str | None, str | None]]:
    path = tmp_path / "tools.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    ex = extract(doc.text, source=path.name, links=doc.links)
    out = {}
    for p in ex.publications:
        ev = p.url_evidence
        if ev is not None:
            assert doc.text[ev.start : ev.end] == ev.text  # the passage is the link's words
        out[p.title] = (p.url, ev.text if ev else None)
    return out


def test_links_give_titles_their_addresses(tmp_path: Path) -> None:
    got = _publications(tmp_path)
    assert got["Working Together on Referral"] == ("https://www.example.org/docs/1", "download")
    assert got["Listening to Survivors"] == ("https://www.example.org/study.pdf", "Read the study")
    guide = "Guide on Identifying Victims of Trafficking"
    assert got[guide] == ("https://www.example.org/files/guide-identification.pdf", guide)


def test_pointer_links_and_far_links_give_nothing(tmp_path: Path) -> None:
    got = _publications(tmp_path)
    assert "Download the annex" not in got  # a link that only points is no title
    assert got["Gaps in Victim Support"] == (None, None)  # "more" is in the next paragraph
    assert not any(url and "annex" in url for url, _ in got.values())


def test_without_links_the_extraction_is_as_before(tmp_path: Path) -> None:
    path = tmp_path / "tools.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    plain = extract(doc.text, source=path.name)
    assert all(p.url is None for p in plain.publications)
