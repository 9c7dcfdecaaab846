"""The document reader page: the normalised text with every fact marked in place, server-rendered.

Overlapping spans are nested when one contains the other; a span that crosses another is split
into fragments, each a `<mark>` carrying the fact's own offsets (`data-start`, `data-end`) and
`data-fact`, so the text of a fact's fragments, joined, is exactly `text[start:end]`.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from string import Template
from typing import Any

__all__ = ["KIND_LABELS", "fact_anchor", "render_reader", "render_text"]

ID = "https://w3id.org/thbgraph/id/"
KIND_LABELS = {
    "meeting": "Meeting date or place",
    "person": "Person",
    "organisation": "Organisation",
    "citation": "Citation",
    "publication": "Publication",
    "other": "Other fact",
}
MAX_FACTS = 5000  # a page never marks more (the rest are listed as not shown)


def fact_anchor(evidence_iri: str) -> str:
    """The HTML id of a fact's passage in the reader, from its evidence annotation's IRI."""
    tail = evidence_iri.rsplit("/evidence/", 1)[-1]
    parts = tail.split("/", 1)
    tail = parts[1] if len(parts) == 2 else tail  # without the document id
    return "fact-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", tail).strip("-") or "x")


def _short(iri: str | None) -> str:
    return iri[len(ID) :] if iri and iri.startswith(ID) else (iri or "")


def _attrs(fact: dict[str, Any], first: bool) -> str:
    classes = ["fact", f"fact-{fact['kind']}"]
    cit = fact.get("citation") or {}
    if cit.get("status") in {"unresolved", "uncertain"}:
        classes.append(f"fact-{cit['status']}")
    out = [
        f'class="{" ".join(classes)}"',
        f'data-start="{fact["start"]}"',
        f'data-end="{fact["end"]}"',
        f'data-fact="{fact["anchor"]}"',
        f'title="{html.escape(fact["title"])}"',
    ]
    if first:
        out.insert(0, f'id="{fact["anchor"]}"')
    else:
        out.append('data-part="continued"')
    return " ".join(out)


def _page_marker(number: int) -> str:
    """Where a page of the original file begins: an empty element (its number is drawn by CSS,
    so the text of #text stays the document's text)."""
    return (
        f'<span class="page-start" id="page-{number}" data-page="{number}" '
        f'title="page {number}"></span>'
    )


def render_text(
    text: str, facts: list[dict[str, Any]], page_starts: list[int] | None = None
) -> str:
    """The text as HTML with a `<mark>` per fact (nested, or split where spans cross), and a
    marker where each page begins when `page_starts` (pages 2, 3, ...) are given."""
    valid = [f for f in facts if 0 <= f["start"] <= f["end"] <= len(text)]
    order = {id(f): i for i, f in enumerate(sorted(valid, key=lambda f: (f["start"], -f["end"])))}
    starts = sorted({s for s in page_starts or [] if 0 < s < len(text)})
    page_at = {s: n for n, s in enumerate(starts, start=2)}
    if starts:
        page_at[0] = 1
    bounds = sorted(
        {0, len(text), *(f["start"] for f in valid), *(f["end"] for f in valid), *starts}
    )
    out: list[str] = []
    stack: list[dict[str, Any]] = []
    opened: set[int] = set()

    def open_(f: dict[str, Any]) -> None:
        out.append(f"<mark {_attrs(f, id(f) not in opened)}>")
        opened.add(id(f))
        stack.append(f)

    empties = sorted((f for f in valid if f["start"] == f["end"]), key=lambda f: order[id(f)])
    for a, b in zip(bounds, [*bounds[1:], None], strict=True):
        for f in empties:  # a zero-length fact: an empty mark where it stands
            if f["start"] == a:
                out.append(f"<mark {_attrs(f, True)}></mark>")
        if b is None:
            break
        active = sorted(
            (f for f in valid if f["start"] <= a and b <= f["end"] and f["start"] < f["end"]),
            key=lambda f: order[id(f)],
        )
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            out.append("</mark>")
        if a in page_at:
            out.append(_page_marker(page_at[a]))
        for f in active[keep:]:
            open_(f)
        out.append(html.escape(text[a:b], quote=False))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _title(span: dict[str, Any]) -> str:
    kind = KIND_LABELS.get(span["kind"], "Fact")
    cit = span.get("citation")
    label = span.get("label") or _short(span.get("supports"))
    if cit:
        label = span.get("quote") or label
    title = f"{kind}: {label}"
    if cit:
        if cit["status"] == "unresolved":
            title += " — unresolved reference"
        elif cit["status"] == "uncertain":
            title += f" — low confidence ({cit['confidence']:.2f}, {cit['method']})"
        if cit.get("cited_label") and cit["status"] != "unresolved":
            title += f"; read as {cit['cited_label']}"
        if cit.get("note"):
            title += f"; {cit['note']}"
    return title


def _panel_item(f: dict[str, Any]) -> str:
    cit = f.get("citation") or {}
    status = ""
    if cit.get("status") in {"unresolved", "uncertain"}:
        status = f' <span class="status status-{cit["status"]}">{cit["status"]}</span>'
    target = cit.get("cited") or f.get("supports")
    node = (
        f' <a class="node" href="/id/{html.escape(_short(target))}">node</a>'
        if target and str(target).startswith(ID)
        else ""
    )
    page = ""
    if f.get("page") is not None:
        page = (
            f' <a class="page" href="#page-{f["page"]}">p. {f["page"]}</a>'
            if f.get("paged")
            else f' <span class="page">p. {f["page"]}</span>'
        )
    return (
        f'<li id="panel-{f["anchor"]}" class="kind-{f["kind"]}">'
        f'<span class="swatch fact-{f["kind"]}" aria-hidden="true"></span>'
        f'<a class="to-fact" href="#{f["anchor"]}" title="{html.escape(f["title"])}">'
        f"{html.escape(f['quote'][:120])}</a>{status}{page}{node}"
        f" <small>{html.escape(KIND_LABELS.get(f['kind'], 'Fact'))} · {f['start']}–{f['end']}</small>"
        "</li>"
    )


def render_reader(doc: dict[str, Any]) -> str:
    """The reader page of a document (answer of `document_reader`)."""
    text: str = doc.get("text") or ""
    pages = sorted({s for s in doc.get("page_starts") or [] if 0 < s < len(text)})
    facts: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    skipped = 0
    for span in doc.get("spans", [])[:MAX_FACTS]:
        if not isinstance(span.get("start"), int) or not isinstance(span.get("end"), int):
            skipped += 1
            continue
        anchor = fact_anchor(str(span["evidence"]))
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] > 1:
            anchor = f"{anchor}-{seen[anchor]}"
        fact = {**span, "anchor": anchor, "kind": span.get("kind") or "other"}
        fact["paged"] = isinstance(span.get("page"), int) and 1 <= span["page"] <= len(pages) + 1
        fact["title"] = _title(fact)
        facts.append(fact)
    skipped += max(0, len(doc.get("spans", [])) - MAX_FACTS)
    kinds = [k for k in KIND_LABELS if any(f["kind"] == k for f in facts)] or ["other"]
    legend = "".join(
        f'<li><mark class="fact fact-{k}">{html.escape(KIND_LABELS[k])}</mark></li>' for k in kinds
    )
    legend += (
        '<li><mark class="fact fact-citation fact-unresolved">unresolved reference</mark></li>'
        '<li><mark class="fact fact-citation fact-uncertain">low-confidence citation</mark></li>'
    )
    by_kind = []
    for k in kinds:
        items = [_panel_item(f) for f in facts if f["kind"] == k]
        if items:
            by_kind.append(
                f'<h3>{html.escape(KIND_LABELS[k])} ({len(items)})</h3><ol class="facts">'
                + "".join(items)
                + "</ol>"
            )
    meta = " · ".join(
        html.escape(str(v))
        for v in (", ".join(doc.get("types") or []), doc.get("date"), doc.get("language"))
        if v
    )
    backs = "".join(
        f'<a class="back-to" id="back-{f["anchor"]}" href="#panel-{f["anchor"]}">'
        f"↩ Back to this fact in the list</a>"
        for f in facts
    )
    back_css = "".join(
        f"body:has(#{f['anchor']}:target) #back-{f['anchor']} {{ display: block; }}\n"
        for f in facts
    )
    template = Template(
        (files("thbgraph.api") / "templates" / "reader.html").read_text(encoding="utf-8")
    )
    path = html.escape(_short(doc.get("iri")))
    return template.substitute(
        title=html.escape(str(doc.get("title") or doc.get("id") or "document")),
        iri=html.escape(str(doc.get("iri"))),
        path=path,
        meta=meta,
        count=len(facts),
        skipped=f"<p>{skipped} facts without usable offsets are not shown.</p>" if skipped else "",
        legend=legend,
        panel="".join(by_kind) or "<p>No facts were extracted from this document.</p>",
        backs=backs,
        back_css=back_css,
        pages=(
            '<nav id="pages" aria-label="Pages">Pages: '
            + " ".join(f'<a href="#page-{n}">{n}</a>' for n in range(1, len(pages) + 2))
            + "</nav>"
            if pages
            else ""
        ),
        text=render_text(text, facts, pages) if text else "<em>This document has no text.</em>",
    )
