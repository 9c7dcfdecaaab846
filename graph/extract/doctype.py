"""The kind of a meeting document (agenda, summary, press release...), its title, date and language.

Read from the headings at the top ("Draft AGENDA", "SUMMARY", "PRESS RELEASE",
"CONCLUSIONS AND RECOMMENDATIONS ...") and from cues such as a press-release dateline
("STRASBOURG, 16 November 2021 - ..."), in English, French and Russian.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..model import DocumentInfo, DocumentType
from .datelines import DATELINE as _DATELINE
from .datelines import Dateline
from .dates import DateMatch, find_dates
from .document import Document, as_document
from .pagedate import PageDate, page_date
from .passages import PageOf, clean_span, evidence

__all__ = [
    "DRAFT_DATE",
    "Dateline",
    "closing_date",
    "detect_language",
    "document_info",
    "draft_date",
    "find_dateline",
]

# (type, heading pattern); the first heading line near the top that matches decides.
_PRESS_RELEASE = re.compile(
    r"\b(press\s+release|news\s+release|communiqu[ée]s? de presse|пресс-релиз)\b", re.I
)
_CUES: list[tuple[DocumentType, re.Pattern[str]]] = [
    ("press_release", _PRESS_RELEASE),
    (
        "agenda",
        re.compile(
            r"^(?:(?:draft|revised|annotated|final|provisional|projet\s+d['’]|проект)\s*){0,2}"
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
# "Adopted 27 June 2024", "adopté le 3 mai 2022", "принято 5 мая 2021 г.": a decision's date line
_ADOPTED = re.compile(
    r"(?i)(?:(?:adopted|approved|adopt[ée]e?|approuv[ée]e?|принят[оаы]?|утвержден[оаы]?)"
    r"(?:\s+(?:on|le))?|от|dated|en\s+date\s+du)\s+"
)
# the place a decision's date line ends with: "от 10 декабря 2010 года      город Москва"
_DATE_LINE_PLACE = re.compile(
    rf"\s+(?:(?:город|г\.|ville\s+de)\s*)?[{_UP}][\w'’-]+(?:\s[{_UP}][\w'’-]+)?"
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


def find_dateline(text: str | Document) -> Dateline | None:
    """The dateline near the top: "STRASBOURG, France, 23 May 2018 – ..." running on into the story,
    or "Strasbourg, le 16 novembre 2021" / "WASHINGTON, Nov. 16, 2021" on a line of its own."""
    return as_document(text).dateline


def _dateline(text: str) -> Dateline | None:
    """The dateline, also one after a page-date label, which the document type reads (the meeting
    readers get the public `find_dateline`: they take its date as the meeting's fallback)."""
    return as_document(text).labelled_dateline


def _news_story(text: str) -> bool:
    """A press release that never says so: a headline line over a story that quotes officials
    ("..., said X", "– заявила X")."""
    first = next(
        (ln for ln in as_document(text).lines_in(0, min(len(text), 600)) if not ln.blank), None
    )
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
    for genre in ("news", "publication_page", "press_release", "decision", "content_type"):
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
    first = next(
        (ln for ln in as_document(text).lines_in(0, min(len(text), _TOP_CHARS)) if not ln.blank),
        None,
    )
    return None if first is None else clean_span(text, first.start, first.end)


def _publication_page(text: str) -> bool:
    """A page presenting a publication: its launch announced at the top ("GRETA publishes its
    annual report", "опубликовала доклад"), a publication's cover words ("Thematic publication")
    or the page speaking of the work itself ("This guide was developed ...")."""
    cues = _genre_cues()
    top = min(len(text), _TOP_CHARS)
    return bool(
        cues["publication_page.announcements"].search(text, 0, top)
        or cues["publication_page.markers"].search(text, 0, top)
        or cues["publication_page.self_references"].search(text, 0, top)
    )


def _prose(text: str) -> bool:
    """True when the top of the document holds a paragraph of prose (a story, not a list): a line,
    or a paragraph whose lines run on (no short line ends one early), of at least 100 characters."""
    paragraph: list[str] = []
    for line in [*as_document(text).lines_in(0, min(len(text), 2 * _STORY_CHARS)), None]:
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
    # a story whose headline the page lost (or never had) is still a story
    return _prose(text) and bool(
        cues["news.event_verbs"].search(text, 0, min(len(text), _STORY_CHARS))
    )


def closing_date(text: str) -> DateMatch | None:
    """The date of a closing line: "Published 8 November 2017", "Issued in Vienna on 12 September
    2019", "Опубликовано 2 октября 2019 г." or an end dateline "Sarajevo, 13 March 2025"."""
    tail = [ln for ln in as_document(text).lines_in(max(0, len(text) - 1500)) if not ln.blank][-4:]
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
    for line in as_document(text).lines_in(
        0, min(len(text), max(600, as_document(text).header_end))
    ):
        s, e = clean_span(text, line.start, line.end)
        if e - s > 80:
            continue
        for d in find_dates(text, s, e):
            if not d.is_range and DRAFT_DATE.search(text, s, d.start):
                return d
    return None


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
    for line in as_document(text).lines_in(
        0, min(len(text), max(_HEAD_CHARS, as_document(text).header_end))
    ):
        s, e = clean_span(text, line.start, line.end)
        if e > s and e - s <= 160:
            out.append((s, e))
    return out


def _heading_type(text: str) -> tuple[DocumentType, tuple[int, int]] | None:
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
    return None


def _type(text: str) -> tuple[DocumentType, tuple[int, int] | None]:
    stated = _content_type(text)
    if stated is not None:
        return stated, None
    heading = _heading_type(text)
    if heading is not None and heading[0] == "press_release":
        return heading
    if _news_label(text):  # "News" over "Report on the 24th Conference ...": a news item
        return "news", None
    if heading is not None:
        return heading
    if _adopted_text(text):
        return "decision", None
    if _publication_page(text):
        return "publication_page", None
    dateline = _dateline(text)
    if dateline is not None:  # a release's dateline, unless a site re-posted it under its own date
        reposted = _reposted(text, dateline) or dateline.agency  # a news agency's story
        return ("news" if reposted else "press_release"), None
    if _DECISION_OPENING.search(text[:3000]) and _DECIDES.search(text):
        return "decision", None
    if _news_story(text):  # a headline over a story quoting officials
        return ("press_release" if _release_marks(text) else "news"), None
    if _news_page(text):
        return "news", None
    posted = page_date(text)
    if posted is not None and posted.stamp and _prose(text):  # a post under its stamp line
        return "news", None
    return "other", None


def _content_type(text: str) -> DocumentType | None:
    """The genre a page states of itself near the top: "Content type: News" / "Press release"."""
    cues = _genre_cues()
    for line in as_document(text).lines_in(0, min(len(text), _HEAD_CHARS)):
        s, e = clean_span(text, line.start, line.end)
        m = cues["content_type.labels"].match(text, s, e)
        if m is None:
            continue
        at = m.end() + len(text[m.end() : e]) - len(text[m.end() : e].lstrip(" :"))
        value = text[at:e].strip()
        if _PRESS_RELEASE.match(value):
            return "press_release"
        news = cues["news.labels"].match(value)
        if news is not None and news.end() == len(value):
            return "news"
    return None


_NEWS_LABEL_LINES = 3  # chrome lines read for a news label ("أنت هنا" / "الأخبار")


def _news_label(text: str) -> bool:
    """True when one of the first lines is only a news label ("News", "Actualités", "Новости")."""
    label = _genre_cues()["news.labels"]
    top = [ln for ln in as_document(text).lines_in(0, min(len(text), _TOP_CHARS)) if not ln.blank]
    for line in top[:_NEWS_LABEL_LINES]:
        s, e = clean_span(text, line.start, line.end)
        m = label.match(text, s, e)
        if m is not None and m.end() == e:
            return True
    return False


def _reposted(text: str, dateline: Dateline) -> bool:
    """True when a posting stamp ("Thursday, June 1, 2006 10:40 AM") stands above a release's
    dateline: a blog or a news site re-posting the release, under its own date."""
    posted = page_date(text)
    return posted is not None and posted.stamp and posted.date.end <= dateline.place_start


# a dateline without a date: "TIRANA – How quickly ...", "BISHKEK — ..."
_BARE_DATELINE = re.compile(rf"^[{_UP}]{{3,}}(?:[ -][{_UP}]{{3,}})?\s[–—-]\s", re.MULTILINE)


def _release_marks(text: str) -> bool:
    """True when a story carries the marks of an issued press release although it never says so:
    a press-contact block, a closing "Published ..." line or end dateline, a dateline without date."""
    return (
        _genre_cues()["press_release.contacts"].search(text) is not None
        or closing_date(text) is not None
        or _BARE_DATELINE.search(text, 0, min(len(text), _STORY_CHARS)) is not None
    )


_ADOPTED_REACH = 3000


def _adopted_text(text: str) -> bool:
    """An adopted text of an assembly: a heading "Recommendation 1895 (2010)" / "Résolution 1702
    (2010)" near the top, or a line "Text adopted by the Assembly on ..."."""
    cues = _genre_cues()
    reach = min(len(text), _ADOPTED_REACH)
    if cues["decision.adoption"].search(text, 0, reach):
        return True
    word = cues["decision.adopted_texts"]
    for line in as_document(text).lines_in(0, reach):
        s, e = clean_span(text, line.start, line.end)
        m = word.match(text, s, e)
        if m and _ADOPTED_NUMBER.match(text, m.end(), e) and e - s < 60:
            return True
    return False


_ADOPTED_NUMBER = re.compile(r"\s+(?:No\.?\s*|n°\s*|№\s*)?\d{2,5}\s*\((?:19|20)\d\d\)")


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
    limit = as_document(text).header_end
    longest = 160 if kind in _STORIES else 250
    dateline = _dateline(text) if kind == "press_release" else None
    for line in as_document(text).lines_in(begin):
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
    if kind in ("press_release", "publication_page"):  # headlines may end up last in a PDF
        last = next((ln for ln in reversed(as_document(text).lines) if not ln.blank), None)
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


def document_info(text: str | Document, page_of: PageOf | None = None) -> DocumentInfo:
    """Type, title, date issued (from a press-release dateline) and language of the document."""
    text = as_document(text).text
    kind, cue = _type(text)
    title_span = _title(text, kind, cue)
    if title_span is None and kind == "news":  # a story without a headline: its first heading line
        title_span = _title(text, "other", cue)
    info = DocumentInfo(type=kind, language=detect_language(text))
    if title_span:
        title = " ".join(text[title_span[0] : title_span[1]].split())
        info.title = title
    span = cue or title_span
    if span:
        info.evidence = evidence(text, span[0], span[1], page_of)
    dateline = _dateline(text)
    posted: PageDate | None = page_date(text)
    if kind == "press_release" and posted is not None and posted.labelled:
        info.date = posted.date.first.isoformat()  # "Communiqué de presse, 18.10.2017"
    elif dateline is not None and kind == "press_release":
        info.date = dateline.date.first.isoformat()
    elif kind == "news" and posted is not None:  # the page's date, above a re-posted dateline
        info.date = posted.date.first.isoformat()
    elif kind == "decision":  # a decision's header carries its date on a line of its own
        for line in as_document(text).lines_in(0, min(len(text), 400)):
            s, e = clean_span(text, line.start, line.end)
            found = find_dates(text, s, e)
            at = _ADOPTED.match(text, s, e)
            begins = at.end() if at else s
            if not found or found[0].start != begins or found[0].is_range:
                continue
            if found[0].end == e or _DATE_LINE_PLACE.fullmatch(text, found[0].end, e):
                info.date = found[0].first.isoformat()
                break
    elif kind == "report" and cue is not None:  # "Strasbourg, 15 February 2011" above the heading
        for line in as_document(text).lines_in(0, cue[0]):
            s, e = clean_span(text, line.start, line.end)
            issued = _dated_line(text, s, e) if e > s else None
            if issued is not None:
                info.date = issued.first.isoformat()
    if not info.date:  # a closing line or a draft's version date dates the document
        closing = closing_date(text) or draft_date(text)
        if closing is not None:
            info.date = closing.first.isoformat()
    # a meeting's own papers (agenda, conclusions, summary) are dated by the meeting, not here
    meeting_paper = kind in ("agenda", "conclusions", "summary")
    # a date line under an event page's title is the event's; only a labelled one dates it
    dates_page = posted is not None and (kind in _STORIES or posted.labelled)
    if not info.date and not meeting_paper and posted is not None and dates_page:
        info.date = posted.date.first.isoformat()
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
    for line in as_document(text).lines_in(0, min(len(text), _NUMBERED_REACH)):
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
