"""The kind of a meeting document (agenda, summary, press release...), its title, date and language.

Read from the headings at the top ("Draft AGENDA", "SUMMARY", "PRESS RELEASE",
"CONCLUSIONS AND RECOMMENDATIONS ...") and from cues such as a press-release dateline
("STRASBOURG, 16 November 2021 - ..."), in English, French and Russian.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import DocumentInfo, DocumentType
from .dates import DateMatch, find_dates
from .passages import PageOf, clean_span, evidence, header_end, lines

__all__ = [
    "DRAFT_DATE",
    "Dateline",
    "closing_date",
    "detect_language",
    "document_info",
    "draft_date",
    "find_dateline",
    "page_date",
]

# (type, heading pattern); the first heading line near the top that matches decides.
_CUES: list[tuple[DocumentType, re.Pattern[str]]] = [
    (
        "press_release",
        re.compile(
            r"\b(press\s+release|news\s+release|communiqu[ée]s? de presse|пресс-релиз)\b", re.I
        ),
    ),
    (
        "agenda",
        re.compile(
            r"^(?:(?:draft|revised|annotated|final|provisional|projet\s+d['’]|проект)\s*)?"
            r"(agenda|programme|program|ordre du jour|повестк[аи] дня|программа)\b",
            re.I,
        ),
    ),
    (
        "summary",
        re.compile(
            r"^(?:(?:meeting|chair(?:person)?'?s?|consolidated|final)\s+)?"
            r"(summary|minutes|r[ée]sum[ée]|compte[ -]rendu|synth[èe]se|relev[ée]\s+de\s+conclusions|"
            r"rapport\s+(?:de\s+(?:la\s+)?r[ée]union|de\s+synth[èe]se|succinct)|"
            r"резюме|краткий отч[её]т|отч[её]т\s+о\s+(?:работе|совещании|встрече))\b",
            re.I,
        ),
    ),
    (
        "conclusions",
        re.compile(
            r"^(?:(?:co-?)?chair(?:person|man|woman)?(?:['’]s|s['’])?\s+|"
            r"conclusions?\s+(?:de\s+la\s+)?pr[ée]siden\w*\s*$)?(conclusions|выводы)\b",
            re.I,
        ),
    ),
    ("decision", re.compile(r"^(decision|d[ée]cision|решение)\b", re.I)),
    (
        "report",
        re.compile(
            r"^(?:(?:final|annual|progress|meeting)\s+)?(report|rapport|доклад|отч[её]т)\b", re.I
        ),
    ),
]
_UP = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_LOW = "a-zß-ÿа-яё"
_DATELINE = re.compile(
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    rf"(?P<place>[{_UP}][{_UP}' .-]+[{_UP}]|[{_UP}][{_LOW}'-]+(?:\s[{_UP}][{_LOW}'-]+){{0,2}})"
    r"(?:,\s(?P<country>[A-Z][\w'.-]+(?:\s[A-Z][\w'.-]+)*))?,\s(?:le\s|the\s)?"
)
# "Adopted 27 June 2024", "adopté le 3 mai 2022", "принято 5 мая 2021 г.": a decision's date line
_ADOPTED = re.compile(
    r"(?i)(?:adopted|approved|adopt[ée]e?|approuv[ée]e?|принят[оаы]?|утвержден[оаы]?)"
    r"(?:\s+(?:on|le))?\s+"
)
_DECISION_OPENING = re.compile(r"^(?:The\s+)?(?:Permanent|Ministerial)\s+Council\s*,", re.MULTILINE)
_DECIDES = re.compile(r"^\s*(?:Decides|Adopts|Tasks)\b", re.MULTILINE)
# a closing line that dates the document: "Published 8 November 2017", "Issued in Vienna on
# 12 September 2019", "Опубликовано 2 октября 2019 г.", "Publié le 3 mai 2022"
_CLOSING = re.compile(
    r"(?i)(?:published|issued|posted|released|date\s+of\s+(?:issue|publication)|publi[ée]e?|"
    r"diffus[ée]e?|опубликовано|дата\s+публикации|выпущено)\b[^\n\d]{0,40}?"
)
# a draft's version date in the header: "Projet, version du 14 novembre 2022", "Draft of 10 November"
DRAFT_DATE = re.compile(
    r"(?i)\b(?:draft|projet|проект|version)\b[\s,]*(?:(?:version|revised|of|as\s+of|du|de|le|"
    r"от|редакция)\b[\s,]*){0,3}$"
)
# a quotation attributed to a speaker: the mark of a news story
_QUOTE_SAID = re.compile(
    r"[”\"»“]\s*,?\s*(?:[-–—]\s*)?(?:said|says|added|stated|noted|stressed|"
    r"a\s+(?:déclaré|dit|ajouté|souligné)|(?:заявил|сказал|отметил|подчеркнул)[аи]?)\b"
    r"|\b(?:said|says|a\s+déclaré|заявил[аи]?)\s+[A-ZА-Я]"
)
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "for", "on", "with", "was", "is", "by", "that"},
    "fr": {"le", "la", "les", "et", "des", "du", "de", "pour", "dans", "sur", "une", "est", "par"},
    "ru": {"и", "в", "на", "по", "с", "для", "о", "что", "не", "от", "к", "из"},
}
_HEAD_CHARS = 1500
_HEADER_YEAR = re.compile(r"(?<![\d.])(?:\d{1,2}[./]\d{1,2}[./])?((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Dateline:
    """A press-release dateline: "CITY, (Country,) date – text"."""

    place: str
    place_start: int
    place_end: int
    date: DateMatch


# a web page's posting date as the page states it before its headline: "date 2024-10-07 ..."
_PAGE_DATE = re.compile(
    r"\A\s*(?:date|posted|published|datum)\s*:?\s*(?=(?:19|20)\d\d-\d\d-\d\d\b)", re.I
)


def page_date(text: str) -> DateMatch | None:
    """The posting date a page gives in ISO form before everything else ("date 2024-10-07"): the
    date of the page, never of the meeting it tells of."""
    m = _PAGE_DATE.match(text)
    if m is None:
        return None
    found = find_dates(text, m.end(), min(len(text), m.end() + 10))
    return found[0] if found and found[0].start == m.end() else None


def find_dateline(text: str) -> Dateline | None:
    """The dateline near the top: "STRASBOURG, France, 23 May 2018 – ..." running on into the story,
    or "Strasbourg, le 16 novembre 2021" / "WASHINGTON, Nov. 16, 2021" on a line of its own."""
    return _dateline(text)


@lru_cache(maxsize=4)
def _dateline(text: str) -> Dateline | None:
    reach = min(len(text), header_end(text) + 600)
    year = _HEADER_YEAR.search(text, 0, reach)  # "18 сентября" takes the year of "18.09.2023"
    posted = page_date(text)
    for line in lines(text, 0, reach):
        s, e = clean_span(text, line.start, line.end)
        if posted is not None and s <= posted.start < e:  # "date 2025-02-21 Sarajevo, 21 February"
            s = posted.end + len(text[posted.end : e]) - len(text[posted.end : e].lstrip())
        m = _DATELINE.match(text, s, e)
        if not m:
            continue
        dates = find_dates(
            text, m.end(), min(e, m.end() + 40), default_year=int(year.group(1)) if year else None
        )
        if not dates or dates[0].start != m.end() or dates[0].is_range:
            continue
        rest = text[dates[0].end : e]
        # a dateline runs on into the story, maybe after the agency: "/МОЛДПРЕС/. Вице-премьер"
        runs_on = re.match(r"\s?(?:/[^/\n]{2,24}/\.?\s?(?=\S)|[-–—:]\s?\S)", rest)
        if not runs_on and not (rest.strip(" .") == "" and _prose_follows(text, line.end)):
            continue
        return Dateline(m.group("place"), m.start("place"), m.end("place"), dates[0])
    return None


def _news_story(text: str) -> bool:
    """A press release that never says so: a headline line over a story that quotes officials
    ("..., said X", "– заявила X")."""
    first = next((ln for ln in lines(text, 0, min(len(text), 600)) if not ln.blank), None)
    if first is None:
        return False
    s, e = clean_span(text, first.start, first.end)
    headline = (
        20 <= e - s <= 160
        and not text[s:e].rstrip().endswith((".", ":"))
        and (not text[s:e].isupper())
    )
    return headline and len(_QUOTE_SAID.findall(text, 0, 6000)) >= 1


@lru_cache(maxsize=1)
def _genre_cues() -> dict[str, re.Pattern[str]]:
    """The news and publication-page cues of graph/extract/data/document_genres.json, one
    pattern per list (every language): phrases on word boundaries, Russian ones as word starts."""
    path = resources.files("thbgraph.graph.extract") / "data" / "document_genres.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, re.Pattern[str]] = {}
    for genre in ("news", "publication_page"):
        for key, per_language in data[genre].items():
            alternatives = []
            for lang, phrases in per_language.items():
                for phrase in sorted(phrases, key=len, reverse=True):
                    body = r"\s+".join(re.escape(w) for w in phrase.split())
                    tail = r"\w*" if lang == "ru" else r"(?!\w)"
                    alternatives.append(rf"(?<!\w){body}{tail}")
            out[f"{genre}.{key}"] = re.compile("|".join(alternatives), re.I)
    return out


_TOP_CHARS = 600  # the headline and the first sentence
_STORY_CHARS = 1500  # the first sentences of a story


def _first_line(text: str) -> tuple[int, int] | None:
    first = next((ln for ln in lines(text, 0, min(len(text), _TOP_CHARS)) if not ln.blank), None)
    return None if first is None else clean_span(text, first.start, first.end)


def _publication_page(text: str) -> bool:
    """A page presenting a publication: its launch announced at the top ("GRETA publishes its
    annual report", "опубликовала доклад") or a publication's cover words ("Thematic publication")."""
    cues = _genre_cues()
    top = min(len(text), _TOP_CHARS)
    return bool(
        cues["publication_page.announcements"].search(text, 0, top)
        or cues["publication_page.markers"].search(text, 0, top)
    )


def _prose(text: str) -> bool:
    """True when the top of the document holds a paragraph of prose (a story, not a list): a line,
    or a paragraph whose lines run on (no short line ends one early), of at least 100 characters."""
    paragraph: list[str] = []
    for line in [*lines(text, 0, min(len(text), 2 * _STORY_CHARS)), None]:
        body = line.text.strip() if line is not None and not line.blank else ""
        if len(body) >= 100 and body.count(" ") >= 12:
            return True  # a paragraph on one line
        if body:
            paragraph.append(body)
            continue
        joined = " ".join(paragraph)
        wrapped = all(len(p) >= 60 for p in paragraph[:-1])
        if len(joined) >= 100 and joined.count(" ") >= 12 and wrapped:
            return True
        paragraph = []
    return False


def _news_page(text: str) -> bool:
    """A news story without a press release's dateline: labelled a news item near the top, or
    prose whose first sentences report what happened ("held", "a organisé", "состоялась")."""
    cues = _genre_cues()
    if cues["news.markers"].search(text, 0, min(len(text), 200)):
        return True
    return (
        _headline(text)
        and _prose(text)
        and bool(cues["news.event_verbs"].search(text, 0, min(len(text), _STORY_CHARS)))
    )


def _headline(text: str) -> bool:
    """True when the document opens with a story's headline (or a story's first sentence): a line
    of a few words to a sentence, not in capitals, not a document number or a date."""
    span = _first_line(text)
    if span is None:
        return False
    s, e = span
    line = text[s:e]
    dates = find_dates(text, s, e)
    return (
        20 <= e - s <= 400
        and not line.isupper()
        and DOCUMENT_NUMBER.search(line) is None
        and not (dates and dates[0].start == s)
    )


def closing_date(text: str) -> DateMatch | None:
    """The date of a closing line: "Published 8 November 2017", "Issued in Vienna on 12 September
    2019", "Опубликовано 2 октября 2019 г." or an end dateline "Sarajevo, 13 March 2025"."""
    tail = [ln for ln in lines(text, max(0, len(text) - 1500)) if not ln.blank][-4:]
    for line in reversed(tail):
        s, e = clean_span(text, line.start, line.end)
        if e - s > 80:
            continue
        found = find_dates(text, s, e)
        if not found or found[-1].is_range or found[-1].end != e:
            continue
        at = _CLOSING.match(text, s, e)
        if at is not None and at.end() <= found[-1].start:
            return found[-1]
        place = _DATELINE.match(text, s, e)
        if line is tail[-1] and place is not None and place.end() == found[-1].start:
            return found[-1]  # an end dateline: "Sarajevo, 13 March 2025" as the last line
    return None


def draft_date(text: str) -> DateMatch | None:
    """A draft's version date in the header: "Projet, version du 14 novembre 2022"."""
    for line in lines(text, 0, min(len(text), max(600, header_end(text)))):
        s, e = clean_span(text, line.start, line.end)
        if e - s > 80:
            continue
        for d in find_dates(text, s, e):
            if not d.is_range and DRAFT_DATE.search(text, s, d.start):
                return d
    return None


def _prose_follows(text: str, pos: int) -> bool:
    """True when the next non-blank line is a paragraph of prose (a story, not a schedule)."""
    for line in lines(text, pos + 1, min(len(text), pos + 3000)):
        if line.blank:
            continue
        body = line.text.strip()
        return len(body) >= 100 and body.count(" ") >= 12
    return False


def _dated_line(text: str, s: int, e: int) -> DateMatch | None:
    """The date of a header line that is only a date, or a place and a date ("Vienna, 4 July 2019")."""
    found = find_dates(text, s, e)
    if not found or found[0].is_range or found[0].end != e:
        return None
    if found[0].start == s:
        return found[0]
    m = _DATELINE.match(text, s, e)
    return found[0] if m and m.end() == found[0].start else None


def detect_language(text: str) -> str:
    """en, fr or ru, by script and common function words."""
    words = re.findall(r"\w+", text[:20000].lower())
    cyrillic = sum(1 for ch in text[:20000] if "а" <= ch.lower() <= "я")
    letters = sum(1 for ch in text[:20000] if ch.isalpha()) or 1
    if cyrillic / letters > 0.3:
        return "ru"
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    return max(("en", "fr"), key=lambda lang: counts[lang])


def _heading_lines(text: str) -> list[tuple[int, int]]:
    out = []
    for line in lines(text, 0, min(len(text), max(_HEAD_CHARS, header_end(text)))):
        s, e = clean_span(text, line.start, line.end)
        if e > s and e - s <= 160:
            out.append((s, e))
    return out


def _type(text: str) -> tuple[DocumentType, tuple[int, int] | None]:
    for s, e in _heading_lines(text):
        for kind, pattern in _CUES:
            m = pattern.search(text[s:e])
            if m and (
                kind == "press_release"
                or text[s:e].isupper()
                or e - s < 40
                or _long_heading(text[s:e], m.end(), multiword=" " in m.group(1))
            ):
                return kind, (s, e)
    if _publication_page(text):
        return "publication_page", None
    if find_dateline(text) is not None:
        return "press_release", None
    if _DECISION_OPENING.search(text[:3000]) and _DECIDES.search(text):
        return "decision", None
    if _news_story(text):  # a headline over a story quoting officials: a release
        return "press_release", None
    if _news_page(text):
        return "news", None
    return "other", None


# what follows a type word that starts a long heading: "Résumé des débats de la réunion ..."
_HEADING_TAIL = re.compile(
    r"\s*(?:of|on|from|for|de|des|du|d['’]|sur|о|по|совещания|встречи|"
    r"des\s+d[ée]bats|of\s+(?:the\s+)?discussions?)\b",
    re.I,
)


def _long_heading(line: str, cue_end: int, *, multiword: bool = False) -> bool:
    """A heading line longer than a bare type word: the type word starts it, a preposition
    follows ("Résumé des débats de ...", "Summary of the ...") or the type is a phrase
    ("Rapport de la réunion ..."), and it is not a sentence."""
    return (
        len(line) <= 160
        and not line.rstrip().endswith((".", ":", ";", ","))
        and (multiword or _HEADING_TAIL.match(line, cue_end) is not None)
        and not re.search(r"(?i)\b(?:is|are|was|were|est|sont|был[аио]?|будет)\b", line)
    )


# genres whose title is a headline over a story
_STORIES = ("press_release", "news", "publication_page")


def _title(text: str, kind: DocumentType, cue: tuple[int, int] | None) -> tuple[int, int] | None:
    """The first substantial heading line after the type cue (or at the top)."""
    if cue and cue[1] - cue[0] > 30 and kind not in _STORIES:
        return _block(text, cue[0])
    begin = cue[1] if cue else 0
    limit = header_end(text)
    longest = 160 if kind in _STORIES else 250
    dateline = find_dateline(text) if kind == "press_release" else None
    for line in lines(text, begin):
        if line.start > max(limit, begin + 400):
            break
        if dateline is not None and line.start >= dateline.place_start - 5:
            break  # a press release's headline comes before its dateline
        s, e = clean_span(text, line.start, line.end)
        if e - s < 12 or e - s > longest or (text[s:e].isupper() and e - s > 40 and not cue):
            continue
        if find_dates(text, s, e) and len(text[s:e]) < 40:
            continue
        if re.match(r"(?i)(co-?)?organi[sz]ed\b|online|zoom|hosted\b", text[s:e]):
            continue
        if _DATELINE.match(text, s, e) and kind == "press_release":
            continue
        return (s, e)
    if kind in _STORIES:  # headlines sometimes end up last after PDF conversion
        last = next((ln for ln in reversed(lines(text)) if not ln.blank), None)
        if last is not None:
            s, e = clean_span(text, last.start, last.end)
            seg = text[s:e]
            headline = not seg.endswith(".") or re.search(r"\b(?:meeting|conference)\b", seg, re.I)
            if 12 <= e - s <= 130 and headline and not re.search(r"[“”\"]|\bsaid\b|https?://", seg):
                return (s, e)
    return None


def _block(text: str, start: int) -> tuple[int, int]:
    """The heading that starts at `start` and runs on over the following non-blank lines."""
    stop = text.find("\n\n", start)
    stop = len(text) if stop == -1 else stop
    return clean_span(text, start, stop)


def document_info(text: str, page_of: PageOf | None = None) -> DocumentInfo:
    """Type, title, date issued (from a press-release dateline) and language of the document."""
    kind, cue = _type(text)
    title_span = _title(text, kind, cue)
    info = DocumentInfo(type=kind, language=detect_language(text))
    if title_span:
        title = " ".join(text[title_span[0] : title_span[1]].split())
        info.title = title
    span = cue or title_span
    if span:
        info.evidence = evidence(text, span[0], span[1], page_of)
    dateline = find_dateline(text)
    if dateline is not None and kind == "press_release":
        info.date = dateline.date.first.isoformat()
    elif kind == "decision":  # a decision's header carries its date on a line of its own
        for line in lines(text, 0, min(len(text), 400)):
            s, e = clean_span(text, line.start, line.end)
            found = find_dates(text, s, e)
            at = _ADOPTED.match(text, s, e)
            begins = at.end() if at else s
            if found and found[0].start == begins and found[0].end == e and not found[0].is_range:
                info.date = found[0].first.isoformat()
                break
    elif kind == "report" and cue is not None:  # "Strasbourg, 15 February 2011" above the heading
        for line in lines(text, 0, cue[0]):
            s, e = clean_span(text, line.start, line.end)
            issued = _dated_line(text, s, e) if e > s else None
            if issued is not None:
                info.date = issued.first.isoformat()
    if not info.date:  # a closing line, the page's posting date or a draft's version date
        closing = closing_date(text) or page_date(text) or draft_date(text)
        if closing is not None:
            info.date = closing.first.isoformat()
    # a meeting's own papers (agenda, conclusions, summary) are dated by the meeting, not here
    meeting_paper = kind in ("agenda", "conclusions", "summary")
    if not info.date and not meeting_paper:  # "CM/Inf(2019)15" over "10 avril 2019"
        numbered = numbered_date(text)
        if numbered is not None:
            info.date = numbered.first.isoformat()
    if not info.date and dateline is not None and not meeting_paper:  # a news story's dateline
        info.date = dateline.date.first.isoformat()
    return info


# a document's number: OSCE ("SEC.GAL/58/24"), Council of Europe ("CM/Inf(2019)15",
# "THB-CP(2019)RAP25"), PACE ("Doc. 12096")
DOCUMENT_NUMBER = re.compile(
    r"\b[A-Z]{2,}(?:\.[A-Z]{2,})+/\d+(?:/\d+)?\b|\b[A-Z]{2,}\.[A-Z]+/"
    r"|\b[A-Z][A-Za-z]{0,9}(?:-[A-Z]{1,6})?(?:/[A-Z][a-z]{1,5})?\((?:19|20)\d\d\)"
    r"|\bDoc\.\s?\d{3,6}\b"
)
_NUMBERED_REACH = 1_000


def only_date(text: str, s: int, e: int) -> DateMatch | None:
    """The date a line holds when it holds nothing else ("10 avril 2019[1]", "1er avril 2021")."""
    found = find_dates(text, s, e)
    if len(found) != 1 or found[0].is_range:
        return None
    rest = text[s : found[0].start] + text[found[0].end : e]
    return None if re.search(r"[^\W\d_]{3,}", rest) else found[0]


def numbered_date(text: str) -> DateMatch | None:
    """The issue date beside a document number near the top: on its line, or the next line."""
    numbered = False
    for line in lines(text, 0, min(len(text), _NUMBERED_REACH)):
        s, e = clean_span(text, line.start, line.end)
        if s == e:
            continue
        number = DOCUMENT_NUMBER.search(text, s, e)
        if number is not None:
            found = [d for d in find_dates(text, s, e) if not d.is_range and d.has_year]
            if found and len(text[s:e]) < 120:
                return found[0]
            numbered = True
            continue
        if numbered:
            return only_date(text, s, e)
    return None
