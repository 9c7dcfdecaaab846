"""Scoring extraction against a truth file: precision, recall and F1 per field, with every miss and false hit.

The truth file has the shape of the acceptance file `seed-facts.json`: one entry per document,
each field split into `required` items (must be found) and `optional` items (may be found without
penalty). Fields scored:

- `citations`, `countries`: canonical symbols and ISO codes, compared exactly (spaces and case aside);
  a symbol the extractor read but left unresolved (a document number the register does not list,
  `CM(2005)32`, `Doc. 12096`) matches a truth item, yet is no false hit when the truth omits it
  (truth sets differ on whether a document's own number is a citation);
- `organisations`: a name or acronym, equal to the found organisation's name, acronym or register
  key, or naming the same register entry;
- `persons`: by name (the words of one contained in the other); a different role is reported;
- `publications`: by title (fuzzy, as titles are quoted loosely); a different year or URL is reported;
- `meetings`: by role, and start date or title; `meeting_facts` then scores each stated fact of each
  required meeting (dates, place, online, organisers, counts), and `document` the type and date;
- `meetings_dated`: the subject meetings only, each found only with its right start date and place
  (issue 14's main figure): a meeting that is found but dated or placed wrong is a miss and a false
  hit here, however `meetings` matched it.

Every miss carries the passage where the expected item is written (when it is written verbatim),
every false hit the passage the extractor gave, so a failing score says what to fix.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .errors import DocumentError, ThbGraphError
from .model import Evidence, Extraction, Meeting
from .register import Register, load_register

__all__ = [
    "FIELDS",
    "DocumentResult",
    "Evaluation",
    "Finding",
    "Score",
    "evaluate",
    "extract_path",
    "load_truth",
    "score_document",
]

FIELDS = (
    "citations",
    "meetings",
    "meetings_dated",
    "meeting_facts",
    "persons",
    "organisations",
    "countries",
    "publications",
    "document",
)
MEETING_FACTS = (
    "start_date",
    "end_date",
    "place",
    "online",
    "organisers",
    "participants_count",
    "states_count",
)
# Countries whose code pycountry does not know, for finding the passage of a missed country.
_COUNTRY_NAMES = {"XK": "Kosovo", "CS": "Serbia and Montenegro"}


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives, with the derived rates."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Finding:
    """One thing that went wrong: a miss, a false hit, or a wrong value of a matched item."""

    source: str
    field: str
    kind: str  # "miss" | "false_hit" | "wrong_value"
    expected: str | None
    found: str | None
    passage: str | None = None  # the text around the item, when there is one
    start: int | None = None
    end: int | None = None
    page: int | None = None

    def line(self) -> str:
        """One readable line: what, where, and the passage."""
        what = {
            "miss": f"missed {self.expected!r}",
            "false_hit": f"false hit {self.found!r}",
            "wrong_value": f"expected {self.expected!r}, found {self.found!r}",
        }[self.kind]
        where = f" @{self.start}-{self.end}" if self.start is not None else ""
        where += f" p.{self.page}" if self.page else ""
        passage = f": …{self.passage}…" if self.passage else ""
        return f"{self.source} [{self.field}] {what}{where}{passage}"


@dataclass
class DocumentResult:
    """The scores and findings of one document."""

    source: str
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the document could not be read or extracted
    language: str | None = None  # the truth's document.language, else the one extracted


@dataclass
class Evaluation:
    """Scores over a whole truth file: per document, and summed per field (micro-averaged)."""

    documents: list[DocumentResult]

    @property
    def totals(self) -> dict[str, Score]:
        totals = {f: Score() for f in FIELDS}
        for doc in self.documents:
            for name, score in doc.scores.items():
                totals[name].add(score)
        return totals

    @property
    def findings(self) -> list[Finding]:
        return [f for doc in self.documents for f in doc.findings]

    def by_language(self) -> dict[str, dict[str, Score]]:
        """Totals per document language (micro-averaged), so French and Russian pages are seen
        beside English ones; documents of unknown language count under "?"."""
        out: dict[str, dict[str, Score]] = {}
        for doc in self.documents:
            totals = out.setdefault(doc.language or "?", {f: Score() for f in FIELDS})
            for name, score in doc.scores.items():
                totals[name].add(score)
        return dict(sorted(out.items()))

    def below(self, floors: dict[str, float]) -> dict[str, float]:
        """The fields whose F1 is under its floor, with their F1 (empty when every floor holds).

        `floors` must name every field, so a new field cannot go unchecked.
        """
        if set(floors) != set(FIELDS):
            raise ValueError(f"floors must name exactly the fields {', '.join(FIELDS)}")
        totals = self.totals
        return {f: round(totals[f].f1, 3) for f in FIELDS if totals[f].f1 < floors[f]}

    def to_json(self) -> dict[str, Any]:
        """Totals, per-document scores and every finding, as `thbgraph evaluate --format json`."""
        return {
            "totals": {name: s.to_json() for name, s in self.totals.items()},
            "by_language": {
                lang: {name: s.to_json() for name, s in totals.items()}
                for lang, totals in self.by_language().items()
            },
            "documents": [
                {
                    "source": d.source,
                    "language": d.language,
                    "error": d.error,
                    "scores": {name: s.to_json() for name, s in d.scores.items()},
                    "findings": [asdict(f) for f in d.findings],
                }
                for d in self.documents
            ],
        }


# ---------------------------------------------------------------- normalising and locating


def _norm(text: str | None) -> str:
    """Lower-case letters and digits only: 'OSR/CTHB' == 'osr-cthb'."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").casefold())


def _symbol_key(symbol: str) -> str:
    """Spaces, case, "No." and the body's prefix of a PACE text aside: "PACE Resolution 1702
    (2010)" is the truth's "Resolution 1702 (2010)"."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", symbol)).upper().replace("NO.", "")
    return key.removeprefix("PACE")


def _passage(text: str, start: int, end: int, width: int = 60) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return " ".join(text[a:b].split())


def _locate(text: str, needles: Iterable[str | None]) -> tuple[str | None, int | None, int | None]:
    """The passage around the first needle found verbatim (case-insensitive), if any."""
    folded = text.casefold()
    for needle in needles:
        if not needle or len(needle) < 2:
            continue
        i = folded.find(needle.casefold())
        if i >= 0:
            return _passage(text, i, i + len(needle)), i, i + len(needle)
    return None, None, None


def _from_evidence(text: str, ev: Evidence | None) -> tuple[str | None, int | None, int | None]:
    if ev is None:
        return None, None, None
    return _passage(text, ev.start, ev.end), ev.start, ev.end


# ---------------------------------------------------------------- matching one field


@dataclass
class _Predicted:
    label: str
    value: Any
    evidence: Evidence | None
    optional: bool = False  # may match a truth item; never a false hit


def _match_field(
    result: DocumentResult,
    name: str,
    text: str,
    truth: dict[str, list[Any]],
    predicted: Sequence[_Predicted],
    same: Callable[[Any, _Predicted], bool],
    *,
    label: Callable[[Any], str],
    needles: Callable[[Any], list[str | None]],
    details: Callable[[Any, _Predicted], list[tuple[str, str, str]]] | None = None,
) -> dict[int, _Predicted]:
    """Greedy matching of required, then optional, truth items to predictions; records findings.

    Returns the matches of the required items (index in `required` -> prediction)."""
    score = result.scores[name]
    free = list(predicted)
    matches: dict[int, _Predicted] = {}
    for i, item in enumerate(truth.get("required", [])):
        hit = next((p for p in free if same(item, p)), None)
        if hit is None:
            score.fn += 1
            passage, start, end = _locate(text, needles(item))
            result.findings.append(
                Finding(result.source, name, "miss", label(item), None, passage, start, end)
            )
            continue
        free.remove(hit)
        score.tp += 1
        matches[i] = hit
        for what, expected, found in details(item, hit) if details else []:
            passage, start, end = _from_evidence(text, hit.evidence)
            result.findings.append(
                Finding(
                    result.source, f"{name}.{what}", "wrong_value", expected, found, passage,
                    start, end, hit.evidence.page if hit.evidence else None,
                )
            )  # fmt: skip
    for item in truth.get("optional", []):
        hit = next((p for p in free if same(item, p)), None)
        if hit is not None:
            free.remove(hit)
    for p in free:
        if p.optional:
            continue
        score.fp += 1
        passage, start, end = _from_evidence(text, p.evidence)
        page = p.evidence.page if p.evidence else None
        result.findings.append(
            Finding(result.source, name, "false_hit", None, p.label, passage, start, end, page)
        )
    return matches


def _split(truth_doc: dict[str, Any], name: str) -> dict[str, list[Any]]:
    value = truth_doc.get(name) or {}
    if isinstance(value, list):  # a bare list means all required
        return {"required": value, "optional": []}
    return {
        "required": list(value.get("required", [])),
        "optional": list(value.get("optional", [])),
    }


def _citations(ex: Extraction) -> list[_Predicted]:
    """Resolved citations, one per symbol; then the symbols read but left unresolved (document
    numbers the register does not list), which may match a truth item but are no false hit."""
    seen: dict[str, _Predicted] = {}
    for c in sorted(ex.citations, key=lambda c: not c.resolved):
        if c.symbol:
            ev = Evidence(c.text, c.start, c.end, c.page)
            seen.setdefault(
                _symbol_key(c.symbol), _Predicted(c.symbol, c, ev, optional=not c.resolved)
            )
    return list(seen.values())


def _symbol_needles(symbol: str) -> list[str | None]:
    numbers = re.findall(r"\d+(?:/\d+)*", symbol)
    return [symbol, *(n for n in numbers if len(n) > 2)]


def _is_country(words: str) -> bool:
    from .extract.countries import is_country_word

    words = re.sub(r"^(?:the\s+)?(?:Republic\s+of\s+)?", "", words.strip(), flags=re.I)
    return bool(words) and is_country_word(words)


def _org_variants(name: str) -> set[str]:
    """A name as written, and without the qualifiers a reader adds or drops: a trailing
    '(Moldova)' or '(PACE)', a trailing 'of Kazakhstan', a leading 'Kyrgyz' or "Moldova's"."""
    out = {name}
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", name)
    out.add(bare)
    for of in re.finditer(r"\s*(?:,|\s(?:of|in)\b)\s+(?=(?P<country>[^,()]+)$)", bare):
        if of.start() > 0 and _is_country(of.group("country")):
            out.add(bare[: of.start()])
    tail = re.match(r"(?P<body>.+?)\s+(?P<country>[A-Z][\w-]+)$", bare)
    if tail and _is_country(tail.group("country")):
        out.add(tail.group("body"))  # 'La Strada Ukraine' is La Strada's
    lead = re.match(r"(?P<country>[\w-]+?)(?:['’]s)?\s+(?P<body>.+)$", bare)
    if lead and _is_country(lead.group("country")):
        out.add(lead.group("body"))
    return {v for v in out if v.strip()}


def _org_matcher(reg: Register | None) -> Callable[[Any, _Predicted], bool]:
    """Same organisation: equal names (as resolved or as written), acronyms or keys, or one
    register entry. A qualifier
    the truth adds to say whose body it is ('Supreme Court of Kazakhstan', '... (PACE)') or the
    text adds ("Kyrgyz State Migration Service") is not part of the name."""

    def same(item: Any, p: _Predicted) -> bool:
        o = p.value
        names = [o.name] + ([o.evidence.text] if o.evidence is not None else [])
        found = {_norm(o.acronym), _norm(o.key)}
        found |= {_norm(v) for name in names for v in _org_variants(name)}
        wanted = _org_variants(str(item))
        if {_norm(w) for w in wanted} & (found - {""}):
            return True
        if reg is None or o.key is None:
            return False
        return any((e := reg.find_organisation(w)) is not None and e.key == o.key for w in wanted)

    return same


def _org_truth(truth_doc: dict[str, Any], reg: Register | None) -> dict[str, list[Any]]:
    """The organisations expected, with the parents of the units expected as optional: naming
    'the OSCE Centre in Astana' names the OSCE, which truth files list or not."""
    truth = _split(truth_doc, "organisations")
    if reg is None:
        return truth
    listed = {str(i) for i in truth["required"] + truth["optional"]}
    parents: list[str] = []
    for item in listed:
        entry = None
        for variant in _org_variants(item):
            entry = entry or reg.find_organisation(variant)
        seen: set[str] = set()
        while entry is not None and entry.parent and entry.parent not in seen:
            seen.add(entry.parent)
            if entry.parent not in parents:
                parents.append(entry.parent)
            entry = reg.organisations.get(entry.parent)
    return {"required": truth["required"], "optional": truth["optional"] + parents}


def _org_key(name: str, reg: Register | None) -> str:
    """An organiser as written or as a key, reduced to one comparable form."""
    if reg is not None:
        entry = reg.find_organisation(name) or reg.organisations.get(name)
        if entry is not None:
            return entry.key
    return _norm(name)


def _org_parent_in(key: str, wanted: set[str], reg: Register | None) -> str:
    """`key`, or the ancestor of `key` (org:unitOf) that is among the wanted keys."""
    seen = {key}
    current = key
    while reg is not None and current not in wanted and current in reg.organisations:
        parent = reg.organisations[current].parent
        if parent is None or parent in seen:
            break
        seen.add(parent)
        current = parent
    return current if current in wanted else key


def _names_match(truth_name: str, found: str) -> bool:
    a, b = set(_words(truth_name)), set(_words(found))
    return bool(a) and bool(b) and (a <= b or (b <= a and len(b) >= 2))


def _titles_match(truth_title: str, found: str | None) -> bool:
    """Similar titles; a gloss the truth adds in brackets ('доклад ... (General Report ...)')
    may be left out or matched alone."""
    gloss = re.fullmatch(r"(?P<title>.+?)\s*\((?P<gloss>[^()]{8,})\)\s*", truth_title)
    if gloss and any(_title_similar(gloss.group(g), found) for g in ("title", "gloss")):
        return True
    return _title_similar(truth_title, found)


def _title_similar(truth_title: str, found: str | None) -> bool:
    a, b = " ".join(_words(truth_title)), " ".join(_words(found))
    if not a or not b:
        return False
    if fuzz.token_set_ratio(a, b) >= 90 and min(len(a), len(b)) >= 0.5 * max(len(a), len(b)):
        return True
    return fuzz.ratio(a, b) >= 85


def _meeting_matcher(*, single_subject: bool) -> Callable[[Any, _Predicted], bool]:
    """Same role, and the same start date or a similar title; when the truth and the extraction
    each have exactly one subject meeting, those two are the same meeting whatever their facts
    (which `meeting_facts` then scores one by one)."""

    def same(item: Any, p: _Predicted) -> bool:
        m: Meeting = p.value
        role = item.get("role", "subject")
        if role != m.role:
            return False
        if role == "subject" and single_subject:
            return True
        if item.get("start_date") and m.start_date == item["start_date"]:
            return True
        same_place = bool(item.get("place") and m.place) and _norm(item["place"]) == _norm(m.place)
        if same_place and not (item.get("start_date") and m.start_date):
            return True  # "Focal Point meeting, Pristina" and "... meeting, Pristina"
        return _meeting_titles_similar(item.get("title"), m.title)

    return same


def _meeting_titles_similar(truth_title: str | None, found: str | None) -> bool:
    a, b = " ".join(_words(truth_title)), " ".join(_words(found))
    return bool(a and b) and fuzz.token_set_ratio(a, b) >= 80


def _dated_matcher(reg: Register | None) -> Callable[[Any, _Predicted], bool]:
    """The same subject meeting by its start date AND its place (compared as `meeting_facts`
    compares places: one register key in any language). A truth meeting without a place (online,
    or a place not stated) counts on its start date and its online flag; one giving neither start
    date nor place, on its title (and its online flag)."""

    def online_agrees(item: dict[str, Any], m: Meeting) -> bool:
        if item.get("online") is True:
            return m.online is True
        if item.get("online") is False:
            return m.online is not True
        return True  # hybrid or unstated: not scored

    def same(item: Any, p: _Predicted) -> bool:
        m: Meeting = p.value
        start, place = item.get("start_date"), item.get("place")
        if not start and not place:
            return _meeting_titles_similar(item.get("title"), m.title) and online_agrees(item, m)
        if start and m.start_date != start:
            return False
        if place:
            return m.place is not None and _fact_equal("place", place, m.place, reg)
        return online_agrees(item, m)

    return same


def _dated_label(title: Any, start: Any, place: Any, online: Any) -> str:
    where = place or ("online" if online is True else None)
    return f"{title} ({start}, {where})"


def _place_key(name: str, reg: Register | None) -> str:
    """A place as written in any language, reduced to its register key when the register knows it."""
    wanted = _norm(name)
    if reg is not None:
        for key, entry in reg.places.items():
            if wanted in {_norm(entry.label), _norm(key), *(_norm(a) for a in entry.aliases)}:
                return key
    return wanted


def _fact_equal(name: str, expected: Any, found: Any, reg: Register | None) -> bool:
    if name == "place":
        return _place_key(str(expected), reg) == _place_key(str(found), reg)
    return bool(expected == found)


def _score_facts(
    result: DocumentResult,
    name: str,
    text: str,
    expected: dict[str, Any],
    found: dict[str, Any],
    evidence: dict[str, Evidence | None],
    facts: Iterable[str],
    *,
    reg: Register | None,
) -> None:
    """Score each stated fact: equal -> TP; missing -> FN; different -> FP and FN."""
    score = result.scores[name]
    for fact in facts:
        if fact not in expected:
            continue
        want, got = expected[fact], found.get(fact)
        ev = evidence.get(fact)
        passage, start, end = _from_evidence(text, ev)
        page = ev.page if ev else None
        if fact == "organisers":
            want_keys = {_org_key(o, reg) for o in want or []}
            # a unit of an expected organiser (OSR/CTHB for OSCE) counts as that organiser
            got_keys = {_org_parent_in(_org_key(o, reg), want_keys, reg) for o in got or []}
            score.tp += len(want_keys & got_keys)
            for o in sorted(want_keys - got_keys):
                score.fn += 1
                result.findings.append(Finding(result.source, f"{name}.{fact}", "miss", o, None))
            for o in sorted(got_keys - want_keys):
                score.fp += 1
                result.findings.append(
                    Finding(
                        result.source, f"{name}.{fact}", "false_hit", None, o, passage, start,
                        end, page,
                    )
                )  # fmt: skip
            continue
        if want is None:
            if got is not None:
                score.fp += 1
                result.findings.append(
                    Finding(
                        result.source, f"{name}.{fact}", "wrong_value", None, str(got), passage,
                        start, end, page,
                    )
                )  # fmt: skip
            continue
        if got is not None and _fact_equal(fact, want, got, reg):
            score.tp += 1
            continue
        score.fn += 1
        if got is not None:
            score.fp += 1
        result.findings.append(
            Finding(
                result.source, f"{name}.{fact}", "wrong_value" if got is not None else "miss",
                str(want), None if got is None else str(got), passage, start, end, page,
            )
        )  # fmt: skip


# ---------------------------------------------------------------- one document


def score_document(
    truth_doc: dict[str, Any], ex: Extraction, *, register: Register | None = None
) -> DocumentResult:
    """Compare one document's extraction with its truth entry."""
    result = DocumentResult(source=str(truth_doc.get("source", ex.source)))
    stated = (truth_doc.get("document") or {}).get("language")
    result.language = str(stated) if stated else (ex.document.language if ex.text else None)
    text = ex.text

    _match_field(
        result, "citations", text, _split(truth_doc, "citations"), _citations(ex),
        lambda item, p: _symbol_key(str(item)) == _symbol_key(p.label),
        label=str, needles=lambda item: _symbol_needles(str(item)),
    )  # fmt: skip

    countries = {c.code.upper(): _Predicted(c.code.upper(), c, c.evidence) for c in ex.countries}

    def country_needles(code: Any) -> list[str | None]:
        import pycountry

        found = pycountry.countries.get(alpha_2=str(code))
        names = [_COUNTRY_NAMES.get(str(code))]
        if found is not None:
            names += [getattr(found, "common_name", None), found.name]
        return names

    _match_field(
        result, "countries", text, _split(truth_doc, "countries"), list(countries.values()),
        lambda item, p: str(item).upper() == p.label, label=str, needles=country_needles,
    )  # fmt: skip

    orgs: dict[str, _Predicted] = {}
    for o in ex.organisations:
        orgs.setdefault(o.key or _norm(o.name), _Predicted(o.acronym or o.name, o, o.evidence))
    _match_field(
        result, "organisations", text, _org_truth(truth_doc, register), list(orgs.values()),
        _org_matcher(register), label=str, needles=lambda item: [str(item)],
    )  # fmt: skip

    def person_details(item: Any, p: _Predicted) -> list[tuple[str, str, str]]:
        want = item.get("role") if isinstance(item, dict) else None
        got = p.value.role
        if want and (not got or fuzz.token_set_ratio(want.casefold(), got.casefold()) < 80):
            return [("role", want, str(got))]
        return []

    persons = [_Predicted(p.name, p, p.evidence) for p in ex.persons]
    _match_field(
        result, "persons", text, _split(truth_doc, "persons"), persons,
        lambda item, p: _names_match(_item_name(item, "name"), p.label),
        label=lambda item: _item_name(item, "name"),
        needles=lambda item: [_item_name(item, "name")], details=person_details,
    )  # fmt: skip

    def publication_details(item: Any, p: _Predicted) -> list[tuple[str, str, str]]:
        out = []
        if isinstance(item, dict):
            if item.get("year") and item["year"] != p.value.year:
                out.append(("year", str(item["year"]), str(p.value.year)))
            if item.get("url") and (item["url"] or "").rstrip("/") != (p.value.url or "").rstrip(
                "/"
            ):
                out.append(("url", item["url"], str(p.value.url)))
        return out

    pubs = [_Predicted(p.title, p, p.evidence) for p in ex.publications]
    _match_field(
        result, "publications", text, _split(truth_doc, "publications"), pubs,
        lambda item, p: _titles_match(_item_name(item, "title"), p.label),
        label=lambda item: _item_name(item, "title"),
        needles=lambda item: [_item_name(item, "title")[:40]], details=publication_details,
    )  # fmt: skip

    meetings_truth = _split(truth_doc, "meetings")
    meetings = [
        _Predicted(f"{m.role}: {m.title} ({m.start_date})", m, m.evidence) for m in ex.meetings
    ]
    single_subject = (
        sum(1 for t in meetings_truth["required"] if t.get("role", "subject") == "subject") == 1
        and sum(1 for m in ex.meetings if m.role == "subject") == 1
    )
    matched = _match_field(
        result, "meetings", text, meetings_truth, meetings,
        _meeting_matcher(single_subject=single_subject),
        label=lambda item: f"{item.get('role', 'subject')}: {item.get('title')} ({item.get('start_date')})",
        needles=lambda item: [item.get("title")],
    )  # fmt: skip
    subject = {
        part: [t for t in items if t.get("role", "subject") == "subject"]
        for part, items in meetings_truth.items()
    }
    _match_field(
        result, "meetings_dated", text, subject,
        [
            _Predicted(_dated_label(m.title, m.start_date, m.place, m.online), m, m.evidence)
            for m in ex.meetings
            if m.role == "subject"
        ],
        _dated_matcher(register),
        label=lambda item: _dated_label(
            item.get("title"), item.get("start_date"), item.get("place"), item.get("online")
        ),
        needles=lambda item: [item.get("title"), item.get("place")],
    )  # fmt: skip
    for i, item in enumerate(meetings_truth["required"]):
        hit = matched.get(i)
        m: Meeting | None = hit.value if hit else None
        found = {f: getattr(m, f) for f in MEETING_FACTS} if m else {}
        evidence: dict[str, Evidence | None] = dict(m.facts) if m else {}
        if m and m.evidence:
            evidence.setdefault("start_date", m.evidence)
            evidence.setdefault("end_date", m.evidence)
        _score_facts(
            result, "meeting_facts", text, item, found, evidence, MEETING_FACTS, reg=register
        )

    doc_truth = truth_doc.get("document") or {}
    doc_found = {"type": ex.document.type, "date": ex.document.date}
    ev = ex.document.evidence
    _score_facts(
        result, "document", text, doc_truth, doc_found, {"type": ev, "date": ev},
        ("type", "date"), reg=register,
    )  # fmt: skip
    return result


def _item_name(item: Any, key: str) -> str:
    return str(item.get(key, "")) if isinstance(item, dict) else str(item)


# ---------------------------------------------------------------- a truth file and a folder


def load_truth(path: Path) -> list[dict[str, Any]]:
    """The documents of a truth file; ThbGraphError naming the file when it has the wrong shape."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ThbGraphError(f"{path}: cannot read the truth file: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ThbGraphError(f"{path}: the truth file is not valid JSON: {exc}") from exc
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
        raise ThbGraphError(f"{path}: the truth file needs a 'documents' list of objects")
    for n, doc in enumerate(docs):
        if not isinstance(doc.get("source"), str) or not doc["source"]:
            raise ThbGraphError(f"{path}: documents[{n}] has no 'source' file name")
    return docs


def extract_path(path: Path, register: Register | None = None) -> Extraction:
    """Read one file with the readers and run the extractors over its text."""
    from .extract import extract
    from .readers import read_document

    doc = read_document(path)
    ex = extract(
        doc.text,
        source=path.name,
        register=register,
        page_starts=doc.page_starts or None,
        sha256=doc.sha256,
        links=doc.links,
    )
    if doc.language and ex.document.language == "en" and doc.language != "en":
        ex.document.language = doc.language
    return ex


def evaluate(
    truth_path: Path,
    docs_dir: Path,
    *,
    register: Register | None = None,
    extractor: Callable[[Path], Extraction] | None = None,
) -> Evaluation:
    """Score the extraction of every document named in the truth file, read from `docs_dir`.

    A document that cannot be read counts as all misses and carries its error; a name that does
    not exist in `docs_dir` is an error of the truth file, raised before anything runs."""
    docs_dir = Path(docs_dir)
    truth = load_truth(truth_path)
    if not docs_dir.is_dir():
        raise ThbGraphError(f"{docs_dir}: not a folder of documents")
    missing = [d["source"] for d in truth if not (docs_dir / d["source"]).is_file()]
    if missing:
        raise ThbGraphError(
            f"{truth_path}: {len(missing)} document(s) not found in {docs_dir}: "
            + ", ".join(missing[:5])
        )
    reg = register if register is not None else load_register()
    run = extractor or (lambda p: extract_path(p, reg))
    results = []
    for truth_doc in truth:
        path = docs_dir / truth_doc["source"]
        try:
            ex = run(path)
        except DocumentError as exc:
            empty = Extraction(source=path.name, text="")
            result = score_document(truth_doc, empty, register=reg)
            result.error = str(exc)
        else:
            result = score_document(truth_doc, ex, register=reg)
        results.append(result)
    return Evaluation(results)
