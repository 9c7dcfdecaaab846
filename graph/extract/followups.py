"""Follow-up actions agreed at a meeting: what, who leads, by when (as written)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Evidence, FollowUp
from ..register import Register
from .document import Document, as_document
from .organisations import OrgMention, organisation_mentions, outermost

__all__ = ["find_follow_ups"]

# Headings of follow-up lists (English and French), alone on their line.
_HEADING = re.compile(
    r"^[ \t#*_]*(?:\d+\.?[ \t]+)?(?:follow[- ]?up(?:[ \t]+actions?)?|next[ \t]+steps|action[ \t]+points|"
    r"agreed[ \t]+actions|actions[ \t]+agreed|action[ \t]+items|suivi|"
    r"prochaines[ \t]+étapes|mesures[ \t]+de[ \t]+suivi|actions[ \t]+de[ \t]+suivi)[ \t]*:?[ \t*_]*$",
    re.IGNORECASE | re.MULTILINE,
)
_BULLET = re.compile(r"^[ \t]*(?:[-*•●▪–][ \t]+|\d{1,2}[.)][ \t]+|\(?[a-z][.)][ \t]+)")
_FIELD = re.compile(
    r"\b(?P<field>lead|responsible|responsibility|by whom|who|owner|responsable|chef de file|"
    r"deadline|due|timeline|timeframe|by when|when|échéance|délai|calendrier)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_LEAD_FIELDS = {"lead", "responsible", "responsibility", "by whom", "who", "owner", "responsable"}
_LEAD_FIELDS |= {"chef de file"}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
)
_DATE = rf"(?:\d{{1,2}}[ \t]+{_MONTH}(?:[ \t]+\d{{4}})?|{_MONTH}(?:[ \t]*/[ \t]*{_MONTH})?(?:[ \t]+\d{{4}})?|(?:the[ \t]+)?end[ \t]+of[ \t]+(?:{_MONTH}|the[ \t]+year|\d{{4}})(?:[ \t]+\d{{4}})?|Q[1-4][ \t]+\d{{4}}|\d{{4}})"
_DUE = [
    re.compile(
        r"\((\d+(?:[ \t]*[-–][ \t]*\d+)?[ \t]+(?:days?|weeks?|months?|jours|semaines|mois))\)"
    ),
    re.compile(
        r"\bwithin[ \t]+(?:the[ \t]+next[ \t]+)?((?:\d+|one|two|three|four|six)(?:[ \t]*[-–][ \t]*\w+)?[ \t]+(?:days?|weeks?|months?))",
        re.I,
    ),
    re.compile(
        rf"\b(?:by|before|until|d['’]ici|avant)[ \t]+((?:(?:le|la|fin|the[ \t]+end[ \t]+of)[ \t]+)?{_DATE})\b"
    ),
    re.compile(rf"\b(?:in|en)[ \t]+({_MONTH}(?:[ \t]*/[ \t]*{_MONTH})?(?:[ \t]+\d{{4}})?)\b"),
    re.compile(
        r"\b(before[ \t]+the[ \t]+(?:next[ \t]+|final[ \t]+)?[\w/ -]{0,30}?(?:meeting|session|conference|event))\b"
    ),
]
_LEAD_VERB = re.compile(
    r"\b(?:will|shall|should|would|is[ \t]+to|are[ \t]+to|to[ \t]+take|takes|va|vont|doit|doivent)\b"
)
_LABEL = re.compile(
    r"^[ \t]*(?:[\w ]{0,30}\b(?:actions?|mesures?)[ \t]*\d*[ \t]*:|\d{1,2}[.)])[ \t]*", re.I
)
_REVIEW = re.compile(
    r"[ \t]*(?:\.\.\.|…)[^.!]*\?.*$"
)  # '... shouldn't input be sent ...? What ...?'


@dataclass(frozen=True)
class _Item:
    start: int
    end: int


def _items_after(doc: Document, pos: int) -> list[_Item]:
    """The list items that follow a heading, up to the next heading or unlisted paragraph."""
    items: list[_Item] = []
    current: list[int] | None = None
    blank = False
    for read in doc.iter_lines(pos):
        line_s, line_e, line = read.start, read.end, read.text
        if not line.strip():
            blank = True
            continue
        bullet = _BULLET.match(line)
        if bullet:
            if current:
                items.append(_Item(*current))
            current = [line_s + bullet.end(), line_e]
        elif current and not blank and not _HEADING.match(line):
            current[1] = line_e  # a wrapped line of the same item
        elif not items and not current and not _HEADING.match(line) and "|" not in line:
            current = [line_s + len(line) - len(line.lstrip()), line_e]  # unbulleted list
        else:
            break
        blank = False
    if current:
        items.append(_Item(*current))
    return items


def _due(text: str) -> tuple[str, int, int] | None:
    best: tuple[str, int, int] | None = None
    for pattern in _DUE:
        m = pattern.search(text)
        if m and (best is None or m.start(1) < best[1]):
            best = (" ".join(m.group(1).split()), m.start(1), m.end(1))
    return best


def _leads(s: int, e: int, text: str, mentions: list[OrgMention]) -> list[str]:
    """Organisations named as leads: a 'Lead:' field, else the subject before 'will'/'should'."""
    chunk = text[s:e]
    field = next(
        (f for f in _FIELD.finditer(chunk) if f.group("field").casefold() in _LEAD_FIELDS), None
    )
    if field:
        fs = s + field.end()
        nxt = _FIELD.search(chunk, field.end())
        fe = s + nxt.start() if nxt else e
    else:
        verb = _LEAD_VERB.search(chunk)
        take_lead = re.search(r"\btake[ \t]+the[ \t]+lead\b", chunk)
        # without a modal verb, an organisation that opens the item is its subject
        stop = verb or take_lead
        fs, fe = s, s + (stop.start() if stop else min(len(chunk), 45))
    keys: list[str] = []
    for m in mentions:
        if fs <= m.start and m.end <= fe:
            ident = m.key or m.name
            if ident not in keys:
                keys.append(ident)
    return keys


def _action_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The action without trailing review comments, fields and punctuation."""
    chunk = text[s:e]
    first_field = _FIELD.search(chunk)
    if first_field and first_field.start() > 0:
        chunk = chunk[: first_field.start()]
    chunk = _REVIEW.sub("", chunk)
    chunk = chunk.rstrip(" \t\n;,.-–|")
    return s, s + len(chunk)


@dataclass(frozen=True)
class _Row:
    """One row of a flattened table: where it starts, its cell spans (in the line) and values."""

    start: int
    cells: list[tuple[int, int]]
    values: list[str]

    def span(self, col: int | None) -> tuple[int, int] | None:
        if col is None or col >= len(self.cells) or not self.values[col]:
            return None
        a, b = self.cells[col]
        return self.start + a, self.start + b


def _table(doc: Document, heading_end: int) -> tuple[list[str], list[_Row]] | None:
    """A flattened table under the heading: its header (folded) and its rows."""
    rows: list[_Row] = []
    header: list[str] | None = None
    for n, read in enumerate(ln for ln in doc.iter_lines(heading_end) if ln.text):
        line = read.text
        if "|" not in line and "\t" not in line:
            if header is not None or n > 0:
                break
            return None
        cells = [(c.start(), c.end()) for c in re.finditer(r"[^|\t]+", line)]
        values = [line[a:b].strip() for a, b in cells]
        if header is None:
            header = [v.casefold() for v in values]
        elif not all(set(v) <= set("-: ") for v in values):
            rows.append(_Row(read.start, cells, values))
    return (header, rows) if header and rows else None


def _from_table(
    doc: Document, heading_end: int, mentions: list[OrgMention]
) -> list[FollowUp] | None:
    """Follow-ups from an 'Action | Lead | Deadline' table, or None when no table follows."""
    text = doc.text
    table = _table(doc, heading_end)
    if table is None:
        return None
    header, rows = table

    def col(*names: str) -> int | None:
        return next((i for i, h in enumerate(header) if any(n in h for n in names)), None)

    c_action = col("action", "activit", "task", "what", "mesure")
    c_lead = col("lead", "responsib", "who", "owner", "responsable")
    c_due = col("deadline", "due", "when", "timeline", "timeframe", "échéance", "délai")
    if c_action is None:
        return None
    out: list[FollowUp] = []
    for row in rows:
        span = row.span(c_action)
        if span is None:
            continue
        raw = text[span[0] : span[1]]
        a_s = span[0] + len(raw) - len(raw.lstrip())
        a_e = a_s + len(raw.strip())
        leads: list[str] = []
        lead_span = row.span(c_lead)
        if lead_span is not None:
            for m in mentions:
                ident = m.key or m.name
                if lead_span[0] <= m.start and m.end <= lead_span[1] and ident not in leads:
                    leads.append(ident)
            if not leads:
                leads.append(text[lead_span[0] : lead_span[1]].strip())
        due_span = row.span(c_due)
        out.append(
            FollowUp(
                action=" ".join(text[a_s:a_e].split()),
                lead=leads,
                due=text[due_span[0] : due_span[1]].strip() if due_span else None,
                evidence=Evidence(text[a_s:a_e], a_s, a_e),
            )
        )
    return out


def find_follow_ups(text: str | Document, register: Register) -> list[FollowUp]:
    """Follow-up actions listed under a heading ('Follow-up', 'Next steps', 'Suivi') or as a table.

    The action is the item as written (review comments dropped), the leads are the organisations
    of its 'Lead:' field or of its subject ('The OSCE Mission to Moldova will take the lead ...'),
    and the due date is kept as written ('1-2 weeks', 'December/January', '15 March 2021').
    """
    doc = as_document(text)
    text = doc.text
    mentions = outermost(organisation_mentions(text, register))
    out: list[FollowUp] = []
    for heading in _HEADING.finditer(text):
        table = _from_table(doc, heading.end() + 1, mentions)
        if table is not None:
            out.extend(table)
            continue
        for item in _items_after(doc, heading.end() + 1):
            follow = _from_item(text, item.start, item.end, mentions)
            if follow:
                out.append(follow)
    covered = [(f.evidence.start, f.evidence.end) for f in out if f.evidence]
    for m in doc.lines:  # lines that carry their own 'Lead:' field
        line = m.text
        if not line:
            continue
        if any(s <= m.start < e or m.start <= s < m.end for s, e in covered):
            continue
        fields = {f.group("field").casefold() for f in _FIELD.finditer(line)}
        if not fields & _LEAD_FIELDS or _FIELD.match(line.strip()):
            continue
        label = _BULLET.match(line) or _LABEL.match(line)
        s = m.start + (label.end() if label else len(line) - len(line.lstrip()))
        follow = _from_item(text, s, m.end, mentions)
        if follow:
            out.append(follow)
    return out


def _from_item(text: str, s: int, e: int, mentions: list[OrgMention]) -> FollowUp | None:
    a_s, a_e = _action_span(text, s, e)
    if a_e - a_s < 8:
        return None
    chunk = text[s:e]
    due_field = next(
        (f for f in _FIELD.finditer(chunk) if f.group("field").casefold() not in _LEAD_FIELDS), None
    )
    due: str | None = None
    if due_field:
        rest = chunk[due_field.end() :]
        nxt = _FIELD.search(rest)
        due = rest[: nxt.start() if nxt else len(rest)].strip(" \t.;,") or None
    else:
        found = _due(text[a_s:a_e])
        due = found[0] if found else None
    return FollowUp(
        action=" ".join(text[a_s:a_e].split()),
        lead=_leads(s, e, text, mentions),
        due=due,
        evidence=Evidence(text[a_s:a_e], a_s, a_e),
    )
