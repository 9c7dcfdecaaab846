"""HTML: the main content of a web page (trafilatura), without navigation, cookie banners and footers.

Trafilatura finds the article among the boilerplate of a news or meeting page; when it finds
nothing (a page that is all list, or very short), the text of `<main>`/`<article>`/`<body>` without
navigation elements is used instead. Nothing is fetched: links and images are never followed.
Footnote markers (`<sup>1</sup>`) become Unicode superscripts, as in the text documents, and table
rows become tab-separated lines, so an agenda in a table reads like an agenda in a text file.
Each link's address is kept beside the text (`ReadDocument.links`: the offsets of its words in
the text, which stays as it is), so a title whose link text is not the title, or a footnote
whose URL is only in its markup, can still be given its address.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..caps import caps
from ..errors import DocumentError
from . import Link, ReadDocument
from .text import normalise

__all__ = ["decode_html", "read"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_SUP = re.compile(
    r"<sup[^>]*>\s*(?:<a[^>]*>)?\s*\[?(\d{1,3})\]?\s*(?:</a>)?\s*</sup>", re.IGNORECASE
)
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Caps on the work of reading one page: the bytes given to the parser, the text it gives back.
_BOILERPLATE = (
    "//script | //style | //noscript | //template | //nav | //header | //footer | //aside | //form"
    " | //*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='search']"
    " | //*[@aria-hidden='true']"
)


def decode_html(data: bytes, path: Path) -> str:
    """Bytes -> str: the BOM, else the <meta charset>, else UTF-8, else windows-1252 (the HTML
    standard's default for legacy pages)."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{path}: invalid {codec} text at byte {exc.start}") from exc
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{path}: binary data (NUL bytes), not an HTML page")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            name = "utf-8"
        if name not in ("utf-8", "utf8"):
            return data.decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _fallback_text(markup: str) -> str:
    """The text of <main>, <article> or <body> without navigation and scripts (lxml)."""
    import lxml.html

    root = lxml.html.document_fromstring(markup)
    for el in root.xpath(_BOILERPLATE):
        el.drop_tree()
    for block in root.xpath("//p | //div | //li | //tr | //h1 | //h2 | //h3 | //h4 | //br"):
        block.tail = "\n" + (block.tail or "")
    for cell in root.xpath("//td | //th"):
        cell.tail = "\t" + (cell.tail or "")
    for query in ("//main", "//*[@role='main']", "//article", "//body"):
        found = root.xpath(query)
        if found:
            return str(found[0].text_content())
    return str(root.text_content())


_MAX_LINKS = 5000  # links kept per page (a page of more is a link list, not an article)
_LINK_WINDOW = 20_000  # how far past the previous link a link's words are looked for


def _base(root: object) -> str | None:
    """The address relative links resolve against: <base href>, else the canonical URL."""
    for query in ("//base/@href", "//link[@rel='canonical']/@href",
                  "//meta[@property='og:url']/@content"):  # fmt: skip
        found = root.xpath(query)  # type: ignore[attr-defined]
        if found and urlsplit(str(found[0])).scheme in ("http", "https"):
            return str(found[0])
    return None


def _links(markup: str, text: str) -> list[Link]:
    """The page's links whose words are in `text`, in document order, with absolute http(s)
    addresses; only the links of the page's <main>/<article> when it has one (menus outside it
    could otherwise take the article's words); a link's words, whole, are looked for after the
    previous link found, so offsets follow the page (a link whose words the text lacks is left out)."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.LxmlError):
        return []
    for el in root.xpath(_BOILERPLATE):
        el.drop_tree()
    base = _base(root)
    scope = next(  # the article's own element, so a menu's link cannot take the article's words
        (found[0] for q in ("//main", "//*[@role='main']", "//article") if (found := root.xpath(q))),
        root,
    )
    out: list[Link] = []
    cursor = 0
    for a in scope.iterfind(".//a[@href]"):
        if len(out) >= _MAX_LINKS:
            break
        href = str(a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        href = urljoin(base, href) if base else href
        if urlsplit(href).scheme not in ("http", "https"):
            continue
        words = normalise(str(a.text_content())).split()
        if not words:
            continue
        # whole words only: "Handbook" is not the start of "Handbooks"
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
        m = pattern.search(text, cursor, cursor + _LINK_WINDOW)
        if m is None:
            continue
        out.append(Link(m.start(), m.end(), href))
        cursor = m.end()
    return out


def _layout(text: str) -> str:
    """Trafilatura's lines -> paragraphs separated by blank lines; lists and tables stay together."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    out: list[tuple[str, str]] = []  # (kind, line)
    for line in lines:
        if line.startswith("|") and line.endswith("|"):
            line = "\t".join(cell.strip() for cell in line.strip("|").split("|"))
            kind = "row"
        elif line.lstrip().startswith(("- ", "* ", "• ")):
            kind = "item"
        else:
            kind = "para"
        if out and not (kind != "para" and out[-1][0] == kind):
            out.append(("blank", ""))
        out.append((kind, line))
    return "\n".join(line for _, line in out)


def read(data: bytes, path: Path) -> ReadDocument:
    """Read an .html/.htm file: its main content as text (no page numbers)."""
    import lxml.etree
    import trafilatura

    settings = caps()
    if len(data) > settings.bytes("html_max_mb"):
        raise DocumentError(
            f"{path}: the page is larger than {settings.html_max_mb:g} MB (the reader's cap)"
        )
    markup = decode_html(data, path)
    if "<" not in markup[:65536]:
        raise DocumentError(f"{path}: not an HTML page (no markup found)")
    markup = _SUP.sub(lambda m: m.group(1).translate(_SUPERSCRIPTS), markup)
    try:
        text = trafilatura.extract(
            markup,
            include_tables=True,
            include_comments=False,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
            with_metadata=False,
        )
        text = _layout(text) if text and text.strip() else _fallback_text(markup)
    except (lxml.etree.LxmlError, ValueError, RecursionError) as exc:
        raise DocumentError(f"{path}: the HTML cannot be parsed ({type(exc).__name__})") from exc
    max_text = settings.max_text_chars // 4  # a page is shorter than a report
    if len(text) > max_text:
        raise DocumentError(f"{path}: more than {max_text:,} characters of text (the reader's cap)")
    text = re.sub(r"[ \t]+\n", "\n", normalise(text))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return ReadDocument(path=path, text=text, sha256="", links=_links(markup, text))
