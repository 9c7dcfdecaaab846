"""The HTML reader: main content only, footnote markers, tables, encodings, and no network."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from thbgraph.graph.errors import DocumentError
from thbgraph.graph.readers import read_document

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Co-ordinators meet | OSCE</title>
<script>var decoy = "PC.DEC/999";</script><style>p {{ color: red }}</style>
<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css"></head>
<body>
<div class="cookie-banner">We use cookies on this site. <a href="#">Accept all cookies</a></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/x">OSCE Ministerial Council MC.DEC/1/99 archive</a></li></ul></nav></header>
<main><article>
<h1>Anti-trafficking co-ordinators meet in Vienna</h1>
<p>VIENNA, 12 March 2019 – National anti-trafficking co-ordinators and rapporteurs from
45 OSCE participating States met in Vienna on 11 and 12 March 2019.</p>
<p>They discussed Ministerial Council Decision No. 6/18 and PC.DEC/557/Rev.1.<sup>1</sup></p>
<img src="http://127.0.0.1:{port}/photo.jpg" alt="Participants">
<table><tr><td>09:00</td><td>Opening</td></tr><tr><td>10:00</td><td>Session 1</td></tr></table>
<p>“Trafficking is a crime,” said Valiant Richey, OSCE Special Representative and Co-ordinator
for Combating Trafficking in Human Beings.</p>
<p class="footnote"><sup>1</sup> See https://www.osce.org/cthb/438323</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/y">PC.DEC/1107 story</a></li></ul></aside>
</main>
<footer><p>© OSCE 2019 · Privacy policy · Contact us</p></footer>
</body></html>
"""


@pytest.fixture
def listener() -> tuple[int, list[bytes]]:
    """A local TCP listener that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            seen.append(conn.recv(100))
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join(2)
    server.close()


def test_main_content_is_kept_and_boilerplate_dropped(tmp_path: Path, listener) -> None:
    port, seen = listener
    path = tmp_path / "press.html"
    path.write_text(PAGE.format(port=port), encoding="utf-8")
    text = read_document(path).text
    assert "Anti-trafficking co-ordinators meet in Vienna" in text
    assert "met in Vienna on 11 and 12 March 2019" in " ".join(text.split())
    assert "PC.DEC/557/Rev.1.¹" in text
    assert "¹ See https://www.osce.org/cthb/438323" in text
    assert "09:00\tOpening\n10:00\tSession 1" in text
    for boilerplate in ("cookies", "Home", "MC.DEC/1/99", "PC.DEC/999", "PC.DEC/1107", "Privacy"):
        assert boilerplate not in text, boilerplate
    assert seen == []  # nothing was fetched: not the stylesheet, not the image


def test_a_legacy_encoding_declared_in_meta_is_honoured(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><main><h1>Совещание координаторов</h1><p>Совещание национальных "
        "координаторов по борьбе с торговлей людьми состоялось в Вене 3-4 ноября 2020 г. "
        "Участники обсудили Решение № 6/18 Совета министров ОБСЕ и План действий.</p>"
        "</main></body></html>"
    )
    path = tmp_path / "ru.htm"
    path.write_bytes(html.encode("cp1251"))
    doc = read_document(path)
    assert "3-4 ноября 2020 г." in doc.text and "Решение № 6/18" in doc.text
    assert doc.language == "ru"


def test_a_page_of_navigation_only_falls_back_to_its_text(tmp_path: Path) -> None:
    path = tmp_path / "short.html"
    path.write_text("<html><body><p>PC.DEC/557</p></body></html>", encoding="utf-8")
    assert "PC.DEC/557" in read_document(path).text


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02binary", "binary"), (b"just words without any markup", "no markup")],
)
def test_what_is_not_html_is_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as info:
        read_document(path)
    assert "page.html" in str(info.value)


def test_deeply_nested_markup_is_read_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 20000 + "<p>MC.DEC/6/18 deep inside</p>" + "</div>" * 20000
        + "</body></html>",
        encoding="utf-8",
    )  # fmt: skip
    try:
        text = read_document(path).text
    except DocumentError as exc:
        assert "deep.html" in str(exc)
    else:
        assert "MC.DEC/6/18" in text


LINKED = """<html><head><base href="https://www.example.org/news/"></head><body>
<nav><a href="/home">Home</a></nav>
<main><article><h1>A guide is out</h1>
<p>The Office issued <a href="guide.pdf">its guide
on referral</a> (<a href="https://www.example.org/docs/7">download</a>), see
<a href="#top">top</a> and <a href="javascript:void(0)">share</a> or
<a href="mailto:press@example.org">write</a>.</p>
<p>Again: <a href="/second">download</a>.<sup>1</sup></p>
<p class="footnote"><sup>1</sup> <a href="https://www.example.org/n1">Note one</a></p>
</article></main></body></html>
"""


def test_links_keep_their_address_beside_the_unchanged_text(tmp_path: Path) -> None:
    path = tmp_path / "linked.html"
    path.write_text(LINKED, encoding="utf-8")
    doc = read_document(path)
    got = [(doc.text[lk.start : lk.end], lk.href) for lk in doc.links]
    assert got == [
        ("its guide on referral", "https://www.example.org/news/guide.pdf"),
        ("download", "https://www.example.org/docs/7"),
        ("download", "https://www.example.org/second"),
        ("Note one", "https://www.example.org/n1"),
    ]  # in order, relative ones resolved; navigation, anchors, scripts and mail left out
    assert doc.links[1].start < doc.links[2].start  # the second "download" is not the first
    assert "https://" not in doc.text and "guide.pdf" not in doc.text  # the text is as read


MENU_FIRST = """<html><body>
<div class="menu"><a href="https://www.example.org/news">Toolkit</a></div>
<main><p>Toolkits matter. The Office issued the
<a href="https://www.example.org/t.pdf">Toolkit on Shelters</a> today.</p></main></body></html>
"""


def test_a_menu_link_outside_the_article_never_takes_the_articles_words(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(MENU_FIRST, encoding="utf-8")
    doc = read_document(path)
    got = [(doc.text[lk.start : lk.end], lk.href) for lk in doc.links]
    assert got == [("Toolkit on Shelters", "https://www.example.org/t.pdf")]


def test_a_page_without_links_has_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    path.write_text(
        "<html><body><main><p>No links here at all, only words.</p></main></body></html>"
    )
    assert read_document(path).links == []
