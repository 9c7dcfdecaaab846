"""The HTML pages of a commitment (its history), a meeting and a meeting series, server-rendered.

No script: the commitment's chart is inline SVG (a <title> per bar, counts as text), the series'
time line is inline SVG and a list. Every node is shown by its label, never by its IRI's tail.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from importlib.resources import files
from string import Template
from typing import Any
from urllib.parse import quote

from ..graph.timeline import MONTHS_EN
from .reader import fact_anchor

__all__ = [
    "bar_chart",
    "format_dates",
    "render_commitment",
    "render_meeting",
    "render_series",
]

ID = "https://w3id.org/thbgraph/id/"
MAX_BARS = 80  # a longer span of years shows only the years with meetings


def _e(value: Any) -> str:
    return html.escape(str(value))


def _short(iri: str | None) -> str:
    return iri[len(ID) :] if iri and iri.startswith(ID) else (iri or "")


def _href(iri: str | None) -> str:
    """The local address of a node of the graph (/id/..., which answers 303 to its page)."""
    return "/id/" + quote(_short(iri), safe="/")


def _day(value: Any) -> tuple[int, int, int] | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    if not m:
        return None
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return d.year, d.month, d.day


def format_dates(start: Any, end: Any = None) -> str:
    """'3 November 2020', '3–4 November 2020', '30 November – 1 December 2020'; '' if none."""
    a, b = _day(start), _day(end)
    if a is None:
        text = str(start or "")
        return text if re.fullmatch(r"\d{4}(-\d{2})?", text) else ""
    one = f"{a[2]} {MONTHS_EN[a[1] - 1]} {a[0]}"
    if b is None or b == a or b < a:
        return one
    if a[:2] == b[:2]:
        return f"{a[2]}–{b[2]} {MONTHS_EN[a[1] - 1]} {a[0]}"
    if a[0] == b[0]:
        return f"{a[2]} {MONTHS_EN[a[1] - 1]} – {b[2]} {MONTHS_EN[b[1] - 1]} {a[0]}"
    return f"{one} – {b[2]} {MONTHS_EN[b[1] - 1]} {b[0]}"


def _words(type_name: str | None) -> str:
    """'PressRelease' -> 'Press release'."""
    if not type_name:
        return "Document"
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", type_name).split()
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else "Document"


def _where(meeting: dict[str, Any]) -> str:
    place = meeting.get("place")
    if place and not str(place).startswith(("http://", "https://")):
        return _e(place) + (" and online" if meeting.get("online") else "")
    return "online" if meeting.get("online") else "place not stated"


def _page(
    *, kind: str, title: str, heading: str, iri: str, json: str, intro: str, main: str, aside: str
) -> str:
    template = Template(
        (files("thbgraph.api") / "templates" / "page.html").read_text(encoding="utf-8")
    )
    return template.substitute(
        kind=kind,
        title=_e(title),
        heading=heading,
        iri=_e(iri),
        path=_e(_short(iri)),
        json=_e(json),
        intro=intro,
        main=main,
        aside=aside,
    )


def bar_chart(years: list[dict[str, Any]], *, caption: str) -> str:
    """An inline SVG bar chart: one bar per year from the first to the last (years without
    meetings drawn empty), each bar a group with data-year, data-count, a <title> and its count."""
    counts = {int(y["year"]): int(y["meetings"]) for y in years}
    if not counts:
        return '<p id="history-empty">No meeting in the graph cites it yet.</p>'
    span = list(range(min(counts), max(counts) + 1))
    if len(span) > MAX_BARS:
        span = sorted(counts)
    top = max(counts.values())
    bar, gap, height, pad = 28, 10, 120, 22
    width = len(span) * (bar + gap) + gap
    parts = [
        f'<svg class="chart" id="history-chart" role="img" width="{width}" '
        f'height="{height + 2 * pad}" viewBox="0 0 {width} {height + 2 * pad}" '
        'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Citing meetings per year</title>',
        '<desc id="chart-desc">'
        + _e("; ".join(f"{y}: {counts.get(y, 0)}" for y in span))
        + "</desc>",
    ]
    for i, y in enumerate(span):
        n = counts.get(y, 0)
        h = round(height * n / top) if top else 0
        x = gap + i * (bar + gap)
        label = f"{y}: {n} citing meeting{'s' if n != 1 else ''}"
        zero = ' class="zero"' if n == 0 else ""
        parts.append(
            f'<g class="bar" data-year="{y}" data-count="{n}" role="listitem" aria-label="{label}">'
            f'<rect{zero} x="{x}" y="{pad + height - h}" '
            f'width="{bar}" height="{max(h, 1)}"><title>{label}</title></rect>'
            f'<text class="count" x="{x + bar / 2}" y="{pad + height - h - 5}" '
            f'text-anchor="middle">{n}</text>'
            f'<text class="year" x="{x + bar / 2}" y="{pad + height + 15}" '
            f'text-anchor="middle">{y}</text></g>'
        )
    parts.append(
        f'<line class="axis" x1="0" x2="{width}" y1="{pad + height}" y2="{pad + height}"/>'
    )
    parts.append("</svg>")
    return (
        '<figure id="history">'
        + "".join(parts)
        + f"<figcaption>{_e(caption)}</figcaption></figure>"
    )


def _reader_href(document: str, start: Any, end: Any) -> str:
    """The reader's anchor of a citation's passage (the builder's evidence IRI pattern)."""
    anchor = fact_anchor(
        f"{ID}evidence/{_short(document).removeprefix('document/')}/citation/{start}-{end}"
    )
    return f"/doc/{quote(_short(document), safe='/')}#{anchor}"


def _quote(passage: dict[str, Any]) -> str:
    s = passage.get("sentence")
    if not s:
        return f"<blockquote><mark>{_e(passage['text'])}</mark></blockquote>"
    return (
        "<blockquote>"
        + ("… " if s["cut_before"] else "")
        + _e(s["before"])
        + f"<mark>{_e(s['quote'])}</mark>"
        + _e(s["after"])
        + (" …" if s["cut_after"] else "")
        + "</blockquote>"
    )


def _method(passage: dict[str, Any]) -> str:
    conf = passage.get("confidence")
    tag = ""
    if isinstance(conf, int | float) and conf < 0.9:
        tag = f' <span class="tag uncertain">confidence {conf:.2f}</span>'
    note = f" — {_e(passage['note'])}" if passage.get("note") else ""
    page = f", page {_e(passage['page'])}" if passage.get("page") is not None else ""
    return (
        f'<span class="method">read by {_e(passage.get("method") or "?")}</span>{page}{tag}{note}'
    )


def _document_passages(doc: dict[str, Any]) -> str:
    title = doc.get("title") or _words(doc.get("type"))
    out = []
    for p in doc["passages"]:
        out.append(
            '<div class="passage">'
            + _quote(p)
            + f'<p class="source">{_e(_words(doc.get("type")))}: '
            + f'<a class="in-reader" href="{_e(_reader_href(doc["iri"], p["start"], p["end"]))}">'
            + f"{_e(title)}</a> · {_method(p)}</p></div>"
        )
    return "".join(out)


def _without_symbol(label: str, symbol: str) -> str:
    """A register label without the symbol it starts with ('PC.DEC/685: 2005 Addendum')."""
    rest = label.removeprefix(symbol).lstrip(" :—–-")
    return rest if rest and label.startswith(symbol) else label


def _related(items: list[dict[str, Any]], direction: str) -> str:
    rows = [
        f'<li><span class="tag">{_e(r["relation"])}</span> '
        f'<a href="{_e(_href(r["iri"]))}">{_e(r.get("symbol") or r.get("label") or "commitment")}</a>'
        + (
            f" — {_e(_without_symbol(r['label'], r['symbol']))}"
            if r.get("label") and r.get("symbol")
            else ""
        )
        + (f" ({_e(format_dates(r['date']) or r['date'])})" if r.get("date") else "")
        + "</li>"
        for r in items
        if r["direction"] == direction
    ]
    return "".join(rows)


def render_commitment(data: dict[str, Any]) -> str:
    """The history page of a commitment (answer of `commitment_history`)."""
    meetings = data["cited_by"]
    body = data.get("body") or {}
    facts = [
        f"adopted {_e(format_dates(data['date']) or data['date'])}" if data.get("date") else "",
        f"by {_e(body.get('label'))}" if body.get("label") else "",
        f"in {_e(data['place'])}" if data.get("place") else "",
    ]
    intro = (
        (f'<p class="subtitle" id="title">{_e(data["title"])}</p>' if data.get("title") else "")
        + f'<p class="meta">{" ".join(f for f in facts if f)}</p>'
        + f'<p class="meta" id="summary">Cited by <strong>{len(meetings)}</strong> '
        f"meeting{'s' if len(meetings) != 1 else ''} in the graph.</p>"
    )
    items = []
    for m in meetings:
        items.append(
            f'<li class="meeting" data-year="{_e(str(m.get("start_date") or "")[:4])}">'
            f'<h3><a class="meeting-link" href="{_e(_href(m["iri"]))}">'
            f"{_e(m.get('name') or 'Meeting')}</a></h3>"
            f'<p class="meta"><time datetime="{_e(m.get("start_date") or "")}">'
            f"{_e(format_dates(m.get('start_date'), m.get('end_date')) or 'date not stated')}"
            f'</time> · <span class="place">{_where(m)}</span></p>'
            + "".join(_document_passages(d) for d in m["documents"])
            + "</li>"
        )
    loose = "".join(
        f"<li>{_document_passages(d)}</li>" for d in data["cited_in_documents_without_meeting"]
    )
    undated = data.get("meetings_without_date") or 0
    caption = "Meetings citing it, per year of the meeting's start" + (
        f"; {undated} meeting{'s' if undated != 1 else ''} without a date not counted"
        if undated
        else ""
    )
    main = (
        '<h2 id="history-heading">History</h2>'
        + bar_chart(data.get("years") or [], caption=caption)
        + '<h2 id="meetings-heading">Citing meetings</h2>'
        + (f'<ol class="plain" id="meetings">{"".join(items)}</ol>' if items else "<p>None.</p>")
        + (
            f'<h2>Cited in documents of no known meeting</h2><ol class="plain" id="loose">{loose}</ol>'
            if loose
            else ""
        )
    )
    links = "".join(
        f'<li><a class="official" href="{_e(u)}" rel="nofollow noopener">{_e(_host(u))}</a></li>'
        for u in data.get("official_links") or []
    )
    related_in = _related(data.get("related") or [], "in")
    related_out = _related(data.get("related") or [], "out")
    aside = (
        '<h2 id="related-heading">Addenda and corrigenda</h2>'
        + (f'<ul id="amended-by">{related_in}</ul>' if related_in else "<p>None recorded.</p>")
        + (f'<h3>It amends</h3><ul id="amends">{related_out}</ul>' if related_out else "")
        + '<h2 id="official-heading">Official text and sources</h2>'
        + (
            f'<ul id="official">{links}</ul><p class="meta">Where the register\'s entry is supported.</p>'
            if links
            else '<p id="official">No link to the official text in the register.</p>'
        )
        + (
            '<h2>Also written as</h2><ul id="aliases">'
            + "".join(f"<li>{_e(a)}</li>" for a in data.get("aliases") or [])
            + "</ul>"
            if data.get("aliases")
            else ""
        )
    )
    return _page(
        kind="commitment",
        title=data["symbol"],
        heading=_e(data["symbol"]),
        iri=data["iri"],
        json=f"/api/commitments/{quote(data['symbol'], safe='/')}",
        intro=intro,
        main=main,
        aside=aside,
    )


def _host(url: str) -> str:
    m = re.match(r"https?://([^/]+)", url)
    return (m[1] if m else url).removeprefix("www.")


def _time(item: dict[str, Any]) -> str:
    a, b = item.get("start_time"), item.get("end_time")
    if a and b:
        return f"{_e(a)}–{_e(b)}"
    return _e(a or b or "")


def _day_date(start: Any, day: Any) -> str:
    """The date of the meeting's day `day` (1 = its first day), '' when unknown."""
    d = _day(start)
    if d is None or not isinstance(day, int) or not 1 <= day <= 366:
        return ""
    return format_dates((date(*d) + timedelta(days=day - 1)).isoformat())


def _programme(
    programmes: list[dict[str, Any]], start: Any = None, types: dict[str, str] | None = None
) -> str:
    out = []
    for prog in programmes:
        rows = []
        for item in prog["items"]:
            day = item.get("day")
            when = format_dates(item.get("date")) or _day_date(start, day)
            if day:
                when = f"Day {day}" + (f" · {when}" if when else "")
            rows.append(
                f'<tr class="session"><td class="day">{_e(when)}</td>'
                f'<td class="time">{_time(item)}</td>'
                f"<td>{_e(item.get('name') or 'Session')}</td></tr>"
            )
        source = (
            f'<p class="meta">As the programme is given in '
            f'<a href="{_e(_href(prog["document"]))}">{_e(prog.get("document_title") or "a document")}</a>'
            + (f" ({_e(types[prog['document']])})" if types and prog["document"] in types else "")
            + ".</p>"
            if prog.get("document")
            else ""
        )
        out.append(
            source
            + '<table class="programme"><thead><tr><th>Day</th><th>Time</th><th>Session</th></tr>'
            + f"</thead><tbody>{''.join(rows)}</tbody></table>"
        )
    return "".join(out) or "<p>No programme was read.</p>"


def _speakers(speakers: list[dict[str, Any]]) -> str:
    items = []
    for p in speakers:
        orgs = [o["label"] for o in p.get("organisations") or [] if o.get("label")]
        items.append(
            f'<li class="speaker"><a href="{_e(_href(p["iri"]))}">{_e(p["name"])}</a>'
            + (
                f' — <span class="role">{_e("; ".join(p["roles"]))}</span>'
                if p.get("roles")
                else ""
            )
            + (f" <small>({_e(', '.join(orgs))})</small>" if orgs else "")
            + "</li>"
        )
    return f'<ul id="speakers">{"".join(items)}</ul>' if items else "<p>No speaker was read.</p>"


def _quote_span(passage: dict[str, Any]) -> tuple[int, int]:
    """The citing words' offsets in the document's text (the sentence's start plus the quote's)."""
    quote = passage.get("quote") or {}
    start = int(passage["start"])
    if not isinstance(quote.get("start"), int) or not isinstance(quote.get("end"), int):
        return start, int(passage["end"])
    return start + quote["start"], start + quote["end"]


def _sentence(passage: dict[str, Any]) -> str:
    """A passage's sentence, quoted, with the citing words marked in it."""
    text = str(passage.get("text") or "")
    quote = passage.get("quote") or {}
    lo, hi = quote.get("start"), quote.get("end")
    if not (isinstance(lo, int) and isinstance(hi, int) and 0 <= lo <= hi <= len(text)):
        return f'<q class="sentence"><mark>{_e(text)}</mark></q>'
    return f'<q class="sentence">{_e(text[:lo])}<mark>{_e(text[lo:hi])}</mark>{_e(text[hi:])}</q>'


def _cited(cited: list[dict[str, Any]], titles: dict[str, str], kinds: dict[str, str]) -> str:
    items = []
    for c in cited:
        label = c.get("label") or "reference"
        head = (
            f'<a class="commitment" href="{_e(_href(c["iri"]))}">{_e(label)}</a>'
            if c.get("resolved")
            else f'<span class="tag unresolved">unresolved</span> {_e(label)}'
        )
        passages = "".join(
            f'<li>{_sentence(p)} in the <a class="in-reader" '
            f'href="{_e(_reader_href(p["document"], *_quote_span(p)))}" '
            f'title="{_e(titles.get(p["document"]) or "")}">'
            f"{_e(kinds.get(p['document']) or 'document')}</a></li>"
            for p in c["passages"]
        )
        items.append(
            f'<li class="cited">{head}'
            + (f" — {_e(c['title'])}" if c.get("title") else "")
            + f"<ul>{passages}</ul></li>"
        )
    return f'<ul id="cited">{"".join(items)}</ul>' if items else "<p>Nothing cited was read.</p>"


def render_meeting(data: dict[str, Any]) -> str:
    """The page of a meeting (answer of `meeting_page`)."""
    name = data.get("name") or "Meeting"
    series = data.get("series") or {}
    facts = [
        f'<time datetime="{_e(data.get("start_date") or "")}">'
        f"{_e(format_dates(data.get('start_date'), data.get('end_date')) or 'date not stated')}</time>",
        f'<span class="place">{_where(data)}</span>',
    ]
    if data.get("participants_count") is not None:
        facts.append(f"{_e(data['participants_count'])} participants")
    if data.get("states_count") is not None:
        facts.append(f"{_e(data['states_count'])} States")
    intro = f'<p class="meta" id="facts">{" · ".join(facts)}</p>'
    if series.get("iri"):
        intro += (
            f'<p class="meta">Part of the series <a id="series" href="{_e(_href(series["iri"]))}">'
            f"{_e(series.get('label') or 'meeting series')}</a></p>"
        )
    titles = {d["iri"]: d.get("title") or _words(d.get("type")) for d in data["documents"]}
    kinds = {d["iri"]: _words(d.get("type")).lower() for d in data["documents"]}
    docs = "".join(
        f'<li><a class="document" href="{_e(_href(d["iri"]))}">{_e(titles[d["iri"]])}</a> '
        f'<span class="tag">{_e(_words(d.get("type")))}</span></li>'
        for d in data["documents"]
    )
    pubs = "".join(
        f'<li><a href="{_e(_href(p["iri"]))}">{_e(p.get("title") or "publication")}</a>'
        + (f" ({_e(p['date'])})" if p.get("date") else "")
        + "</li>"
        for p in data["publications"]
    )
    follow = "".join(
        f"<li>{_e(a.get('description') or 'follow-up action')}"
        + (f" (due {_e(a['due'])})" if a.get("due") else "")
        + "</li>"
        for a in data["follow_up"]
    )
    main = (
        '<h2 id="programme-heading">Programme</h2>'
        + _programme(
            data.get("programmes") or [],
            data.get("start_date"),
            {i: k for i, k in kinds.items() if k != "document"},
        )
        + '<h2 id="speakers-heading">Speakers</h2>'
        + '<p class="meta">With the role the meeting\'s documents give them.</p>'
        + _speakers(data.get("speakers") or [])
        + '<h2 id="cited-heading">Cited</h2>'
        + _cited(data["cited"], titles, kinds)
        + '<h2 id="presented-heading">Presented</h2>'
        + (f'<ul id="presented">{pubs}</ul>' if pubs else "<p>No publication was presented.</p>")
        + (f'<h2>Follow-up</h2><ul id="follow-up">{follow}</ul>' if follow else "")
    )
    orgs = "".join(
        f'<li><a href="{_e(_href(o["iri"]))}">{_e(o.get("label") or o.get("acronym") or "organisation")}</a>'
        + (f" ({_e(o['acronym'])})" if o.get("acronym") and o.get("label") else "")
        + "</li>"
        for o in data["organisers"]
    )
    aside = (
        '<h2 id="organisers-heading">Organisers</h2>'
        + (f'<ul id="organisers">{orgs}</ul>' if orgs else "<p>None stated.</p>")
        + '<h2 id="documents-heading">Documents</h2>'
        + (f'<ul id="documents">{docs}</ul>' if docs else "<p>None.</p>")
    )
    return _page(
        kind="meeting",
        title=name,
        heading=_e(name),
        iri=data["iri"],
        json=f"/api/meetings/{quote(str(data['id']))}",
        intro=intro,
        main=main,
        aside=aside,
    )


def _timeline_svg(meetings: list[dict[str, Any]]) -> str:
    """A horizontal time line: one dot per dated meeting, linked to its page, years marked."""
    dated = [(m, _day(m.get("start_date"))) for m in meetings]
    points = [(m, d) for m, d in dated if d]
    if not points:
        return ""
    first, last = points[0][1][0], points[-1][1][0] + 1
    width, left, right, y = 760, 20, 20, 40

    def x_of(d: tuple[int, int, int]) -> float:
        frac = (d[0] - first + (d[1] - 1) / 12 + (d[2] - 1) / 365) / max(1, last - first)
        return round(left + frac * (width - left - right), 1)

    step = max(1, (last - first) // 12)
    ticks = "".join(
        f'<line x1="{x_of((yr, 1, 1))}" x2="{x_of((yr, 1, 1))}" y1="{y - 6}" y2="{y + 6}" stroke="#888"/>'
        f'<text x="{x_of((yr, 1, 1))}" y="{y + 22}" text-anchor="middle">{yr}</text>'
        for yr in range(first, last + 1, step)
    )
    dots = "".join(
        f'<a class="dot" href="{_e(_href(m["iri"]))}" data-date="{_e(m["start_date"])}">'
        f'<circle cx="{x_of(d)}" cy="{y}" r="6"><title>'
        f"{_e(format_dates(m.get('start_date'), m.get('end_date')))}: {_e(m.get('name') or 'meeting')}"
        "</title></circle></a>"
        for m, d in points
    )
    return (
        f'<svg class="timeline" id="timeline-chart" role="img" width="{width}" height="70" '
        f'viewBox="0 0 {width} 70" aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="timeline-title">{len(points)} meetings from {first} to {last - 1}</title>'
        f'<line class="axis" x1="{left}" x2="{width - right}" y1="{y}" y2="{y}"/>'
        f"{ticks}{dots}</svg>"
    )


def render_series(data: dict[str, Any]) -> str:
    """The page of a meeting series (answer of `series_page`): its meetings on a time line."""
    label = data.get("label") or "Meeting series"
    meetings = data["meetings"]
    intro = (f'<p class="subtitle">{_e(data["comment"])}</p>' if data.get("comment") else "") + (
        f'<p class="meta" id="summary">{len(meetings)} meeting{"s" if len(meetings) != 1 else ""} in the graph.</p>'
    )
    years: dict[str, list[str]] = {}
    for m in meetings:
        when = format_dates(m.get("start_date"), m.get("end_date")) or "date not stated"
        years.setdefault(str(m.get("start_date") or "")[:4] or "undated", []).append(
            f'<li class="meeting"><time datetime="{_e(m.get("start_date") or "")}">{_e(when)}</time>'
            f'<a class="meeting-link" href="{_e(_href(m["iri"]))}">{_e(m.get("name") or "Meeting")}</a>'
            f' · <span class="place">{_where(m)}</span>'
            + (f"<br><small>cites {_e(', '.join(m['cites']))}</small>" if m.get("cites") else "")
            + "</li>"
        )
    timeline = "".join(
        f'<li class="year"><h3>{_e(y)}</h3><ol class="plain">{"".join(items)}</ol></li>'
        for y, items in years.items()
    )
    main = (
        '<h2 id="timeline-heading">Time line</h2>'
        + _timeline_svg(meetings)
        + (
            f'<ol class="timeline" id="timeline">{timeline}</ol>'
            if timeline
            else "<p>No meeting.</p>"
        )
    )
    orgs = "".join(
        f'<li><a href="{_e(_href(o["iri"]))}">{_e(o.get("label") or "organisation")}</a></li>'
        for o in data.get("organisers") or []
    )
    aliases = "".join(f"<li>{_e(a)}</li>" for a in data.get("aliases") or [])
    aside = (
        '<h2 id="organisers-heading">Organisers</h2>'
        + (f'<ul id="organisers">{orgs}</ul>' if orgs else "<p>None stated.</p>")
        + (f'<h2>Also written as</h2><ul id="aliases">{aliases}</ul>' if aliases else "")
    )
    return _page(
        kind="series",
        title=label,
        heading=_e(label),
        iri=data["iri"],
        json=f"/api/meetings?series={quote(_short(data['iri']).removeprefix('series/'))}",
        intro=intro,
        main=main,
        aside=aside,
    )
