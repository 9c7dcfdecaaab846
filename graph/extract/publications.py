"""Publications presented or cited: titles, years, footnote URLs and publishers."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Evidence, Publication
from ..register import Register
from .document import Document, as_document
from .organisations import OrgMention, organisation_mentions, outermost
from .publication_links import LinkLike, link_publications, link_urls
from .publication_pages import page_titles
from .publication_phrases import phrase_titles, recase
from .publication_references import reference_titles

__all__ = ["find_publications", "footnote_urls"]

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPT, "0123456789")
# Quoted titles: “…”, "…", «…», „…“ (single quotes are too often apostrophes).
# guillemets open and close distinctly: a title in them may run over a few lines of a cover
_QUOTED = re.compile(
    r"“(?P<a>[^“”\n]{4,300}?)”|\"(?P<b>[^\"\n]{4,300}?)\"|«\s?(?P<c>[^«»]{4,300}?)\s?»|„(?P<d>[^„“”\n]{4,300}?)[“”]"
)


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The publication reader's word lists (graph/extract/data/publication_cues.json)."""
    path = resources.files("thbgraph.graph.extract") / "data" / "publication_cues.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _alternatives(kind: str, lang: str | None = None) -> str:
    words = [w for la, ws in cues()[kind].items() if lang in (None, la) for w in ws]
    words = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_CUE = r"(?:" + "|".join(_alternatives("nouns", la) for la in ("en", "fr")) + r")"
# Russian cue words inflect ("пособие", "пособия", "доклада"): read by stem
_RU_CUE = (
    _alternatives("nouns", "ru")
    + "|"
    + _alternatives("verbs", "ru")
    + "|"
    + _alternatives("generic", "ru")
)
_VERBS = _alternatives("verbs", "en") + "|" + _alternatives("verbs", "fr")
_GENERIC = _alternatives("generic", "en") + "|" + _alternatives("generic", "fr")
_CUE_BEFORE = re.compile(
    rf"(?:\b(?:{_CUE})s?\b|\b(?:{_VERBS}|{_GENERIC})\b|\b(?:{_RU_CUE})\w*)[^.;]{{0,40}}$",
    re.IGNORECASE,
)
_GENERIC_BEFORE = re.compile(rf"\b(?:{_GENERIC})[ \t]*[“\"«„]$", re.IGNORECASE)
_ONLY_GENERIC = re.compile(rf"^(?:{_GENERIC}|{_alternatives('generic', 'ru')})", re.IGNORECASE)
_EVENT = re.compile(rf"(?<!\w)(?:{_alternatives('events')})", re.IGNORECASE)
_TALK = re.compile(rf"(?<!\w)(?:{_alternatives('talks')})", re.IGNORECASE)
_WORK = re.compile(rf"(?<!\w)(?:{_alternatives('nouns')})", re.IGNORECASE)
# Single curly quotes: an opening ‘ is never an apostrophe; the closing ’ is one followed by no letter
_SINGLE_QUOTED = re.compile(r"(?<![\w‘])‘(?P<e>[^‘\n]{4,300}?)’(?!\w)")

_SPEECH_AFTER = re.compile(r"^\s*(?:said|says|added|noted|stated|stressed|a\s+déclaré)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|stated|noted|reads?|:)\W*$|:")
_CLOSING = re.compile(r"[”\"»’'*_]{0,2}[.,;:]?")  # what may stand between a title and its marker
# the imprint line under a cover's title: a place and a year alone on the next line
_IMPRINT = re.compile(
    r"[”\"»]?[ \t]*\n[ \t]*[A-ZА-ЯЁ][\w -]{1,30},[ \t]*((?:19|20)\d\d)[ \t]*(?:год[ау]?|г\.)?[ \t]*$",
    re.MULTILINE,
)
_YEAR_AFTER = re.compile(r"^[ \t]*\((?:[^()\d]{0,20})?((?:19|20)\d\d)\)")
_YEAR_IN = re.compile(r"^[^.;\n]{0,80}?\b(?:in|of|from|en|в)\s+((?:19|20)\d\d)\b")
_MARKER = re.compile(rf"^[ \t]*,?[ \t]*([{_SUPERSCRIPT}]+|\[\^?\d{{1,3}}\])")
_FOOTNOTE_START = re.compile(
    rf"^[ \t]*(?:([{_SUPERSCRIPT}]+)|\[\^?(\d{{1,3}})\]:?|(\d{{1,3}})(?=[ \t]))", re.M
)
_URL = re.compile(r"<?(https?://[^\s<>()\]\"]+[^\s<>()\]\".,;])>?")
# An unquoted title after a cue word, running to its year: 'the publication Leveraging ... (2020)'.
_UNQUOTED = re.compile(
    rf"\b(?:{_CUE})\s+(?:entitled\s+|titled\s+|on\s+)?"
    r"(?P<title>(?!Doc\.\s*\d)[A-Z][^()\n“”\"«»;]{8,250}?)\s*\((?P<year>(?:19|20)\d\d)\)(?![\w/])"
)  # "(2004)12" is part of a document number ("SPTF(2004)12"), not a year
_MD_LINK = re.compile(r"\[(?P<title>[^\]\n]{8,300})\]\(#?[^)]*\)")
# A footnote that names the document it links: 'The full text of the Statement by ... can be found'.
_NAMED_IN_NOTE = re.compile(
    r"(?:full\s+text\s+of\s+(?:the\s+)?|texte\s+intégral\s+(?:de\s+la\s+|du\s+|de\s+l['’])?)"
    r"(?P<title>[A-Z][^:\n]{5,150}?)\s+(?:can\s+be\s+found|is\s+available|est\s+disponible)"
)
_BODY_MARKER = re.compile(rf"(?<=[\w)”\".,*])([{_SUPERSCRIPT}]+|\[\^\d{{1,3}}\])")
# A URL written right after a title: ' (https://...)', ', available at https://...', ': <https://...>'
_URL_AFTER = re.compile(
    r"^[ \t]*[,:–—-]?[ \t]*[(\[<]?[ \t]*(?:(?i:available|disponible|доступ\w*)[^:(\n]{0,20}?:?[ \t]*|"
    r"(?:see|voir|см\.)[ \t]*:?[ \t]*)?<?(https?://[^\s<>()\]\"]+[^\s<>()\]\".,;])"
)
# A title in Markdown italics: '*Title*' or '_Title_' (not bold '**')
# what a reference list puts between a title and its URL: '*Title*, 2013. <URL>', '*Title*. Available'
_REF_GAP = re.compile(r"[ \t]*,?[ \t]*((?:19|20)\d\d)?[ \t]*[.,](?=[ \t])")
_ITALIC = re.compile(
    r"(?<![*\w])\*(?!\*)(?P<a>[^*\n]{8,300}?)(?<!\s)\*(?![*\w])"
    r"|(?<![_\w])_(?!_)(?P<b>[^_\n]{8,300}?)(?<!\s)_(?![_\w])"
)
# Words that may stand between the capitalised words of a title in running text
_TITLE_JOINERS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "on",
        "in",
        "for",
        "to",
        "against",
        "with",
        "from",
        "at",
        "by",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "pour",
        "sur",
        "dans",
        "en",
        "au",
        "aux",
        "l",
        "d",
        "и",
        "в",
        "по",
        "о",
        "для",
        "с",
        "на",
        "от",
        "к",
    ]
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class _Footnote:
    number: int
    start: int
    end: int
    url: str | None
    url_start: int
    url_end: int


def _marker_number(marker: str) -> int:
    return int(marker.strip("[]^").translate(_SUP_TO_DIGIT))


def footnote_urls(text: str | Document) -> dict[int, _Footnote]:
    """Footnote number -> the footnote block and its first URL ('⁶ See <https://...>')."""
    doc = as_document(text)
    text = doc.text
    notes: dict[int, _Footnote] = {}
    for m in _FOOTNOTE_START.finditer(text):
        digits = m.group(1) or m.group(2) or m.group(3)
        start = m.start()
        end = doc.block_end(m.end())  # the next blank line (a search per footnote was quadratic)
        block = text[m.end() : end]
        url = _URL.search(block)
        if m.group(3) and not url:
            continue  # a plain number starts a footnote only when a URL follows
        number = _marker_number(digits)
        if number in notes:
            continue
        if url:
            us, ue = m.end() + url.start(1), m.end() + url.end(1)
            notes[number] = _Footnote(number, start, end, url.group(1), us, ue)
        else:
            notes[number] = _Footnote(number, start, end, None, -1, -1)
    return notes


def _marker_years(text: str | Document) -> dict[int, int]:
    """Footnote number -> the last year written in the sentence that carries its marker."""
    doc = as_document(text)
    text = doc.text
    years: dict[int, int] = {}
    for m in _BODY_MARKER.finditer(text):
        number = _marker_number(m.group(1))
        if number in years:
            continue
        sent_s, sent_e = doc.sentence_at(max(0, m.start() - 1))
        before = _YEAR.findall(text[sent_s : m.start()])
        after = _YEAR.findall(text[m.end() : max(sent_e, m.end())])
        if before or after:
            years[number] = int(before[-1] if before else after[0])
    return years


def _publishers(text: str | Document, s: int, e: int, mentions: list[OrgMention]) -> list[str]:
    """Organisations of the sentence around a title: 'X's "Title"' first, else all of them."""
    doc = as_document(text)
    text = doc.text
    owner = re.search(r"(\S+?)['’]s[ \t]*[“\"«„]?$", text[max(0, s - 60) : s])
    sent_s, sent_e = doc.sentence_at(s)
    sent_s, sent_e = min(sent_s, s), max(sent_e, e)
    near = [m for m in mentions if sent_s <= m.start and m.end <= sent_e and not (s <= m.start < e)]
    if owner:
        o_end = s - (len(text[max(0, s - 60) : s]) - owner.end(1))
        own = [m for m in near if m.end == o_end]
        if own:
            near = own
    if not near:  # 'Statement by the OSCE SR/CTHB': the author named in the title
        by = re.search(r"\b(?:by|de|du|of)\s", text[s:e])
        near = [m for m in mentions if by and s + by.end() <= m.start and m.end <= e]
    keys: list[str] = []
    for m in near:
        ident = m.key or m.name
        if ident not in keys:
            keys.append(ident)
    return keys


def _title_before(text: str, end: int) -> tuple[int, int] | None:
    """The title written in running text just before a footnote marker: the capitalised words
    (and the small words between them) that end at `end` ('the Practical Handbook on ... Chains²')."""
    line_s = text.rfind("\n", 0, end) + 1
    base = max(line_s, end - 300)
    words = list(re.finditer(r"[\w'’-]+|[:–—]", text[base:end]))
    if not words or base + words[-1].end() != end:
        return None
    start: int | None = None
    following = end
    for w in reversed(words):
        token = w.group(0)
        gap = text[base + w.end() : following]
        following = base + w.start()
        if gap.strip(" \t"):
            break  # a comma, a bracket, a full stop: the title ends here
        if token[:1].isupper() or token[:1].isdigit():
            start = base + w.start()
        elif token.casefold() not in _TITLE_JOINERS and token not in ":–—":
            break
    if start is None:
        return None
    return (start, end) if len(text[start:end].split()) >= 3 else None


def _is_title(title: str) -> bool:
    words = title.split()
    if len(words) < 2 or len(words) > 45 or not (title[:1].isupper() or title[:1].isdigit()):
        return False
    return not title.rstrip().endswith((",", "!", "?", "."))  # a sentence, not a title


# a work's noun, its owner's capitalised name and a colon: a label ('Доклад ООН: «…»'), no speech
_LABEL = re.compile(r"\w+(?:[ \t]+[A-ZА-ЯЁ][\w.’'-]*){0,3}[ \t]*:[ \t]*")


def _speech(cue: str) -> bool:
    """Whether the words from a cue to a quoted text introduce a quotation ('said:', ': «…»'),
    unless they are a work's noun labelling it ('the OSCE report: “…”', 'Доклад ООН: «…»')."""
    if _WORK.match(cue) is not None and _LABEL.fullmatch(cue) is not None:
        return False
    return _SPEECH_BEFORE.search(cue) is not None


def _names_an_event(window: str, cue: re.Match[str]) -> bool:
    """True when the noun nearest before a quoted name is an event's ('the conference entitled
    “…”', 'на конференции под названием „…“'), unless a work is of that event ('the proceedings of
    the conference “…”')."""
    nouns = [(m.start(), m.end(), "event") for m in _EVENT.finditer(window)]
    nouns += [
        (m.start(), m.end(), "work")
        for m in _WORK.finditer(window)
        if not any(s <= m.start() < e for s, e, _ in nouns)  # 'journée d'étude': an event
    ]
    if not nouns:
        return False
    start, _, kind = max(nouns)
    if kind == "work":
        return False
    before = window[max(0, start - 40) : start]
    return not any(
        re.search(r"(?i:of|on|du|de|des|sur)\s+(?i:the\s+|la\s+|le\s+|l['’])?$", before[m.end() :])
        or re.fullmatch(r"\w*(?:\s+[а-яё]+){0,2}\s+", before[m.end() :])  # Russian genitive
        for m in _WORK.finditer(before)
    )


def _commitment_names(register: Register) -> set[str]:
    return {a.casefold() for a, _ in register.commitment_aliases()}


def find_publications(
    text: str | Document,
    register: Register,
    *,
    links: Sequence[LinkLike] = (),
    page_year: int | None = None,
) -> list[Publication]:
    """Publications a document presents or cites, de-duplicated by title.

    Titles are read in quotes (with a year '(2020)' after them or a cue word such as 'report',
    'publication', 'launched' before them) or after a cue word up to their year; a footnote marker
    after the title ties it to the URL in that footnote; the publishers are the organisations of
    the sentence (the possessive owner 'GRETA's "..."' when there is one). `links` (the source
    page's links, from the HTML reader) give titles without a URL their address and name the
    publications that are links to document files (`publication_links.py`). `page_year` (the
    year of the page's own date) is the year of the work the page presents ('A new handbook
    published by ...', 'ICMPD Releases New Study'), when its title gives none.
    """
    doc = as_document(text)
    text = doc.text
    mentions = outermost(organisation_mentions(text, register))
    notes = footnote_urls(doc)
    commitments = _commitment_names(register)
    found: dict[str, Publication] = {}
    taken: list[tuple[int, int]] = []

    def add(title_s: int, title_e: int, after: int, *, need_cue: bool) -> None:
        title = text[title_s:title_e]
        stripped = title.strip()
        title_s += len(title) - len(title.lstrip())
        title_e = title_s + len(stripped)
        generic = _GENERIC_BEFORE.search(text[max(0, title_s - 30) : title_s])
        if need_cue and stripped.endswith(".") and generic:
            stripped, title_e = stripped[:-1], title_e - 1  # 'entitled "Listening to Victims."'
        question = stripped.endswith("?") and need_cue
        if not _is_title(stripped.rstrip("?") if question else stripped):
            return
        if stripped.casefold() in commitments:
            return
        tail = text[after : after + 120]
        year_m = _YEAR_AFTER.match(tail)
        line_s = text.rfind("\n", 0, title_s) + 1
        if not text[line_s:title_s].strip(' \t“"«„‘') and line_s > 0:
            line_s = text.rfind("\n", 0, line_s - 1) + 1  # a cover: the title opens its line
        window = text[max(line_s, title_s - 80) : title_s].rstrip(' \t“"«„‘\n')
        cue = _CUE_BEFORE.search(window)
        if need_cue and not year_m and (not cue or _speech(cue.group(0))):
            return
        if need_cue and cue and not year_m and _names_an_event(window, cue):
            return  # 'the conference entitled “…”': the name of an event
        if need_cue and not year_m and _TALK.search(window):
            return  # 'С докладом «…» выступила': the title of a talk
        if _SPEECH_AFTER.match(tail):
            return
        pos = after + (year_m.end() if year_m else 0)
        marker = _MARKER.match(text[pos : pos + 8])
        year = int(year_m.group(1)) if year_m else None
        direct = _URL_AFTER.match(text[pos : pos + 200])
        if direct is None and (gap := _REF_GAP.match(text[pos : pos + 16])) and gap.end():
            direct = _URL_AFTER.match(text[pos + gap.end() : pos + 200])  # '*T*, 2013. <URL>'
            pos += gap.end() if direct else 0
            if direct and gap.group(1) and year is None:
                year = int(gap.group(1))
        if year is None and (in_year := _YEAR_IN.match(tail)):
            year = int(in_year.group(1))
        if year is None and direct and (in_year := _YEAR_IN.match(text[pos + direct.end() :])):
            year = int(in_year.group(1))  # '*Title* (https://...), published in 2020'
        if year is None and (imprint := _IMPRINT.match(text, after)):
            year = int(imprint.group(1))  # a cover's next line: 'Москва, 2012 год', 'Vienna, 2019'
        if year is None and (edition := re.search(r"\b((?:19|20)\d\d)$", stripped)):
            year = int(edition.group(1))  # 'Global Report on Trafficking in Persons 2018'
        note = notes.get(_marker_number(marker.group(1))) if marker else None
        if note and note.start < title_s:
            note = None  # a footnote marker points forward to its footnote
        if note is None and direct is not None:
            us, ue = pos + direct.start(1), pos + direct.end(1)
            note = _Footnote(0, pos, ue, direct.group(1), us, ue)
        key = " ".join(stripped.casefold().split())
        if key in found:
            return
        taken.append((title_s, title_e))
        found[key] = Publication(
            title=recase(" ".join(stripped.split()), _acronyms(mentions)),
            year=year,
            url=note.url if note and note.url else None,
            publisher=_publishers(doc, title_s, title_e, mentions),
            evidence=Evidence(text[title_s:title_e], title_s, title_e),
            url_evidence=Evidence(text[note.url_start : note.url_end], note.url_start, note.url_end)
            if note and note.url
            else None,
        )

    for m in _QUOTED.finditer(text):
        group = next(g for g in "abcd" if m.group(g) is not None)
        if group == "c" and ("\n\n" in m.group(group) or m.group(group).count("\n") > 3):
            continue  # a paragraph's end is no title's line break
        add(m.start(group), m.end(group), m.end(), need_cue=True)
    for m in _SINGLE_QUOTED.finditer(text):
        if any(m.start("e") < te and ts < m.end("e") for ts, te in taken):
            continue
        add(m.start("e"), m.end("e"), m.end(), need_cue=True)
    for m in _ITALIC.finditer(text):
        group = "a" if m.group("a") is not None else "b"
        if any(m.start(group) < te and ts < m.end(group) for ts, te in taken):
            continue
        gap = _REF_GAP.match(text[m.end() : m.end() + 16])
        skip = gap.end() if gap else 0
        has_url = _URL_AFTER.match(text[m.end() + skip : m.end() + 200]) is not None
        add(m.start(group), m.end(group), m.end(), need_cue=not has_url)
    for m in _UNQUOTED.finditer(text):
        s, e = m.span("title")
        if any(s < te and ts < e for ts, te in taken):
            continue
        add(s, e, e, need_cue=False)
    for m in _BODY_MARKER.finditer(text):
        note = notes.get(_marker_number(m.group(1)))
        if note is None or note.url is None or note.start < m.start():
            continue
        span = _title_before(text, m.start())
        if span is None or any(span[0] < te and ts < span[1] for ts, te in taken):
            continue
        if any(o.start <= span[0] and span[1] <= o.end for o in mentions):
            continue  # 'the OSCE Mission to Moldova¹': an organisation, not a title
        add(span[0], span[1], span[1], need_cue=False)
    in_notes = [m.span("title") for m in _MD_LINK.finditer(text)]
    in_notes += [m.span("title") for m in _NAMED_IN_NOTE.finditer(text)]
    marker_years = _marker_years(doc)
    for s, e in sorted(in_notes):
        note = next((n for n in notes.values() if n.start <= s < n.end), None)
        if note is None or any(s < te and ts < e for ts, te in taken):
            continue
        title = re.sub(r"\s+-\s+[^-]*\\?\([\w.]+\\?\)\s*$", "", text[s:e])
        e = s + len(title)
        if not _is_title(title) or " ".join(title.casefold().split()) in found:
            continue
        taken.append((s, e))
        found[" ".join(title.casefold().split())] = Publication(
            title=" ".join(title.split()),
            year=marker_years.get(note.number),
            url=note.url,
            publisher=_publishers(doc, s, e, mentions),
            evidence=Evidence(text[s:e], s, e),
            url_evidence=Evidence(text[note.url_start : note.url_end], note.url_start, note.url_end)
            if note.url
            else None,
        )
    for title, year, s, e in [*_series(text, mentions), *_headed_titles(text, mentions)]:
        key = " ".join(title.casefold().split())
        if key in found or any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        marker = _MARKER.match(text[e : e + 8])
        note = notes.get(_marker_number(marker.group(1))) if marker else None
        if note is not None and (note.start < s or note.url is None):
            note = None  # a footnote marker points forward to its footnote
        found[key] = Publication(
            title=title,
            year=year,
            url=note.url if note else None,
            publisher=_publishers(doc, s, e, mentions),
            evidence=Evidence(text[s:e], s, e),
            url_evidence=Evidence(text[note.url_start : note.url_end], note.url_start, note.url_end)
            if note and note.url
            else None,
        )
    unquoted = [*reference_titles(text, mentions), *page_titles(text, mentions)]
    for phrase in [*unquoted, *phrase_titles(text, mentions)]:
        key = " ".join(phrase.title.casefold().split())
        s, e = phrase.start, phrase.end
        if any(s < te and ts < e for ts, te in taken) or any(k in key or key in k for k in found):
            continue  # read already, or a longer or shorter form of a title read
        if key in commitments:
            continue
        taken.append((s, e))
        found[key] = Publication(
            title=phrase.title,
            year=phrase.year,
            url=phrase.url,
            publisher=_publishers(text, s, e, mentions),
            evidence=Evidence(text[s:e], s, e),
            url_evidence=Evidence(phrase.url, phrase.url_start, phrase.url_end)
            if phrase.url
            else None,
        )
    if links:
        _linked(doc, found, taken, notes, links)
    ordered = sorted(found.values(), key=lambda p: p.evidence.start if p.evidence else 0)
    if page_year is not None:
        _presented_year(text, ordered, page_year)
    return ordered


_NEW_WORK = re.compile(
    rf"\b(?i:new|nouvelle|nouveau|нов\w{{1,3}})\s+(?:\w+\s+){{0,2}}?(?:{_alternatives('nouns')})",
    re.IGNORECASE,
)
_LEAD = 800  # the headline and first sentence, where a page says it presents a work


def _presented_year(text: str, publications: list[Publication], page_year: int) -> None:
    """The page's year for the first work without one, when the page's lead presents a work
    ('A new handbook published by ...', 'launched', 'Releases New Study'): in place."""
    lead = text[:_LEAD]
    if not (_VERB.search(lead) or _NEW_WORK.search(lead)):
        return
    first = next((p for p in publications if p.year is None and p.evidence is not None), None)
    if first is not None and first.evidence is not None and first.evidence.start < 3000:
        first.year = page_year


def _linked(
    doc: Document, found: dict[str, Publication], taken: list[tuple[int, int]],
    notes: dict[int, _Footnote], links: Sequence[LinkLike],
) -> None:  # fmt: skip
    """The addresses the page's links give (in place): publications that are links to document
    files, then a URL for each publication read without one."""
    text = doc.text

    def year_after(end: int) -> int | None:
        m = _YEAR_AFTER.match(text[end : end + 120])
        return int(m.group(1)) if m else None

    def note_of(end: int) -> tuple[int, int] | None:
        gap = _CLOSING.match(text, end, end + 4)  # 'the study "Title".¹'
        marker = _MARKER.match(text[gap.end() if gap else end : end + 12])
        note = notes.get(_marker_number(marker.group(1))) if marker else None
        return (note.start, note.end) if note is not None and note.start >= end else None

    used = link_urls(text, list(found.values()), links, note_of)
    for pub in link_publications(text, links, taken, _is_title, year_after, used):
        key = " ".join(pub.title.casefold().split())
        if key not in found and pub.evidence is not None:
            found[key] = pub
            taken.append((pub.evidence.start, pub.evidence.end))


@lru_cache(maxsize=1)
def _series_patterns() -> list[tuple[re.Pattern[str], str, str | None]]:
    return [(re.compile(x["pattern"]), x["series"], x.get("needs")) for x in cues()["series"]]


def _series(text: str, mentions: list[OrgMention]) -> list[tuple[str, int | None, int, int]]:
    """Reports of a series named without quotes, titled as written: 'GRETA's 13th General
    Report', 'le huitième rapport général d'activités', 'общий доклад о деятельности ГРЕТА'."""
    named = {m.key for m in mentions}
    out: list[tuple[str, int | None, int, int]] = []
    read: set[str] = set()
    for pattern, series_name, needs in _series_patterns():
        if (needs and needs not in named) or series_name in read:
            continue
        for m in pattern.finditer(text):
            year = m.groupdict().get("year")
            written = recase(" ".join(m.group(0).split()), _acronyms(mentions))
            title = written[:1].upper() + written[1:]
            out.append((title, int(year) if year else None, m.start(), m.end()))
            read.add(series_name)
            break  # one report of a series per document: its first mention
    return out


def _acronyms(mentions: list[OrgMention]) -> frozenset[str]:
    """The acronyms of the organisations named, kept in capitals when a title is re-cased."""
    return frozenset(a.upper() for m in mentions for a in (m.acronym, m.text) if a and a.isupper())


@lru_cache(maxsize=1)
def _heading_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in cues()["series_heading"])
    return re.compile(rf"(?P<title>[^\n.!?]{{10,200}}?)\s+(?:{words})\b")


def _headed_titles(text: str, mentions: list[OrgMention]) -> list[tuple[str, int | None, int, int]]:
    """A work's own title on its cover or page header: the capitals before 'THEMATIC
    PUBLICATION', the line after 'Report | Doc. 12345 | date'."""
    out: list[tuple[str, int | None, int, int]] = []
    head = text[:5000]
    out += _listed_titles(text)
    out += _self_named(head) or _noun_headed(head, mentions)
    header = re.search(cues()["report_header"], head, re.MULTILINE)
    if header:
        s, e = header.span("title")
        title = header.group("title").strip()
        if _is_title(title):
            out.append((title, int(header.group("year")), s, s + len(title)))
    for m in _heading_words().finditer(head):
        written = m.group("title")
        letters = [c for c in written if c.isalpha()]
        caps = [w for w in written.split() if w.isupper() and len(w) > 1]
        if not letters or not all(c.isupper() for c in letters[-20:]):
            continue
        # the run of capitalised words just before the heading word
        words = written.split()
        offsets = [m.start("title") + w.start() for w in re.finditer(r"\S+", written)]
        k = len(words)
        while (
            k > 0
            and (words[k - 1].isupper() or len(words[k - 1]) <= 2)
            and not any(o.start <= offsets[k - 1] < o.end for o in mentions)
        ):
            k -= 1
        run = " ".join(words[k:])
        if len(run.split()) < 3 or not caps:
            continue
        s = m.start("title") + written.rfind(words[k])
        e = m.end("title")
        title = run[:1] + run[1:].lower()
        out.append((title, None, s, e))
        break
    return out


@lru_cache(maxsize=1)
def _listing_line() -> re.Pattern[str]:
    dates = "|".join(re.escape(w) for w in cues()["listing_date"])
    return re.compile(
        rf"^[ \t]*(?P<title>[^\n]{{8,250}}?)[ \t]*\n[ \t]*(?:{dates})[ \t]*:[^\n]*?(?P<year>(?:19|20)\d\d)",
        re.MULTILINE,
    )


def _listed_titles(text: str) -> list[tuple[str, int | None, int, int]]:
    """The titles of a publications list: a line followed by 'Publishing date: 24 January 2022'."""
    out: list[tuple[str, int | None, int, int]] = []
    for m in _listing_line().finditer(text[:200_000]):
        title = m.group("title").strip()
        if _is_title(title):
            s = m.start("title") + m.group("title").find(title)
            out.append((title, int(m.group("year")), s, s + len(title)))
    return out


@lru_cache(maxsize=1)
def _self_reference() -> re.Pattern[str]:
    """'This handbook', 'This Handbook', 'Данное пособие': the determiner capitalised as written,
    the noun in any case."""
    words = "|".join(
        re.escape(w[:1]) + f"(?i:{re.escape(w[1:])})"
        for ws in cues()["self_reference"].values()
        for w in ws
    )
    return re.compile(rf"(?:{words})\b")


# a day, a month, a year ('14 May 2004'; 'May 19, 2011')
_DATE_LINE = re.compile(
    r"\b\d{1,2}\.?\s+\w+\s+(?:19|20)\d\d\b|\b[A-Za-z]{3,9}\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
)
_METADATA_LINE = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in cues()["metadata_labels"]) + r")[ \t]*:", re.IGNORECASE
)


def _self_named(head: str) -> list[tuple[str, int | None, int, int]]:
    """A work's own title: the heading line just before the first sentences say 'This handbook
    ...' ('Данное пособие ...'), within the first lines of the text."""
    m = _self_reference().search(head[:3000])
    if m is None or head[max(0, m.start() - 1) : m.start()] in ('"', "“", "«", "„"):
        return []  # 'This handbook ...' in a quoted speech says nothing of the page
    lines = [x for x in re.finditer(r"[^\n]+", head[: m.start()]) if x.group(0).strip()]
    for line in reversed(lines[-3:]):
        title = line.group(0).strip()
        words = title.split()
        if _METADATA_LINE.match(title) or _DATE_LINE.search(title):
            continue  # 'Publisher: Organization for ...', 'WARSAW 14 May 2004': no titles
        if 2 <= len(words) <= 25 and _is_title(title) and not title.endswith(":"):
            caps = sum(w[:1].isupper() for w in words if len(w) > 3)
            if caps >= max(1, len([w for w in words if len(w) > 3]) // 3):
                s = line.start() + line.group(0).find(title)
                # 'Published May 19, 2011' between the heading and the first sentence
                published = _YEAR.search(head, s + len(title), m.start())
                year = int(published.group(0)) if published else None
                return [(title, year, s, s + len(title))]
    return []


_VERB = re.compile(rf"(?<!\w)(?:{_alternatives('verbs')})", re.IGNORECASE)
_TAIL_WORK = re.compile(r"\s[:–—-]\s+(?P<tail>[^:–—\n]{3,60})$")


def _noun_headed(head: str, mentions: list[OrgMention]) -> list[tuple[str, int | None, int, int]]:
    """A publication page's heading that a work's noun opens or closes ('Пособие по выявлению
    ...', 'La protection des enfants ... : guide pratique'): the first line of the page that is
    neither chrome (one or two words), a date nor metadata, when it is no sentence and no
    headline ('Report presented in Vienna' has a verb of presenting, 'Principles ... focus of
    workshop' an event's noun) and text follows it."""
    lines = [x for x in re.finditer(r"[^\n]+", head[:2000]) if x.group(0).strip()]
    for k, line in enumerate(lines[:4]):
        title = line.group(0).strip()
        words = title.split()
        if len(words) <= 2 or _METADATA_LINE.match(title) or _DATE_LINE.search(title):
            continue  # 'Ресурсы', 'Publications', 'Publié le | Temps de lecture'
        if len(words) > 45 or not _is_title(title) or title.endswith(":") or k + 1 >= len(lines):
            return []
        tail = _TAIL_WORK.search(title)
        opens = _WORK.match(title) is not None
        closes = tail is not None and _WORK.match(tail.group("tail")) is not None
        if not (opens or closes) or _VERB.search(title) or _YEAR.search(title):
            return []
        if _EVENT.search(title[: tail.start()] if closes and tail else title):
            return []  # 'Report on the 24th conference ...', '... focus of OSCE workshop': a meeting's page
        s = line.start() + line.group(0).find(title)
        if any(o.start <= s and s + len(title) <= o.end for o in mentions):
            return []  # an organisation's name
        return [(title, None, s, s + len(title))]
    return []
