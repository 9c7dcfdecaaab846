"""A grammar of OSCE and Council of Europe document symbols, with reported typo repair.

Finds symbols as people write them (`MC.DEC/6/18`, `PC.DEC/1107/Corr.1`, `MC(10).JOUR/2`,
`Ministerial Council Decision No. 6/18`, `Permanent Council Decision No. 557`, `CETS No.197`,
`Décision n° 6/18 du Conseil ministériel`, `Решение Постоянного совета № 557`, `Решении СМ № 3/06`,
`STCE n° 197`,
Council of Europe document series (`CM/Rec(2022)21`, `GRETA(2012)13`), PACE texts
(`Resolution 2323 (2020)`, `Doc. 12096`) and EU directives, whose forms are data
(`data/symbol_forms.json`), with stray spaces `MC. DEC/14/06`, full-width digits or look-alike slashes) and gives each its
canonical form. A near-miss series (`PC.EC/637`) is read as the closest
known series and the repair is reported, never made silently.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz.distance import Levenshtein

__all__ = ["KNOWN_SERIES", "SymbolMatch", "find_symbols", "normalise_symbol"]

# Document series of the OSCE decision-making bodies, most frequent first (ties in a repair go
# to the earlier one). "MC(N)." forms (numbered Ministerial Councils) are handled separately.
KNOWN_SERIES: tuple[str, ...] = (
    "PC.DEC",
    "MC.DEC",
    "PC.JOUR",
    "MC.JOUR",
    "MC.DOC",
    "PC.DOC",
    "PC.DEL",
    "MC.DEL",
    "FSC.DEC",
    "PC.SHDM",
    "CIO.GAL",
    "SEC.GAL",
    "ODIHR.GAL",
)

# Look-alike characters folded one for one (so offsets hold) before the grammar reads a text:
# slashes and dots that are not ASCII, and Cyrillic capitals that look like Latin ones.
_SLASH_DOT = str.maketrans({"∕": "/", "⁄": "/", "／": "/", "․": ".", "．": ".", "｡": "."})
_CYRILLIC = str.maketrans(dict(zip("АВЕКМНОРСТХ", "ABEKMHOPCTX", strict=True)))

_SUFFIX = r"(?:\s?/\s?(?:Corr|Rev|Add)\.\s?\d{1,2})*"
# A series-like token: letters, a dot, letters; optionally MC(10).DEC
_SERIES_TOKEN = r"(?P<series>[A-Z]{2,5}(?:\((?P<mcno>\d{1,2})\))?\.[ ]?[A-Z]{1,5})"
_OSCE = re.compile(
    r"(?<![\w./])"
    + _SERIES_TOKEN
    + r"/[ ]?(?P<num>\d{1,4})(?:[ ]?/[ ]?(?P<year>\d{2}|(?:19|20)\d{2})(?![\d]))?(?![\d])"
    + r"(?P<suffix>"
    + _SUFFIX
    + r")",
)
_ORD = r"(?:No\.?|Nr\.?|no\.?|n[°º]|№|Number)"
# "Decision" in English, French and Russian (any case ending)
_DECISION = r"(?:D[eé]cisions?|Решени[еяюий]\w*)"
_MC_WORDS = r"(?:Ministerial\s+Council|MC)"
_PC_WORDS = r"(?:Permanent\s+Council|PC)"
# the body written after "Decision": "Décision du Conseil ministériel", "Решение Совета министров"
# and the Russian abbreviations СМ (Совет министров) and ПС (Постоянный совет), capitals only
_MC_AFTER = r"(?:du\s+Conseil\s+minist[eé]riel|Совета\s+министров|(?-i:СМ)(?!\w))"
_PC_AFTER = r"(?:du\s+Conseil\s+permanent|Постоянного\s+[сС]овета|(?-i:ПС)(?!\w))"
_MC_NAMED = re.compile(
    r"(?<![\w])(?:(?P<body>"
    + _MC_WORDS
    + r")\s+)?"
    + _DECISION
    + r"(?:\s+(?P<after>"
    + _MC_AFTER
    + r"(?:\s+(?:de\s+l['’])?(?:OSCE|ОБСЕ))?))?"
    r"\s+(?:" + _ORD + r"\s?)?"
    r"(?P<num>\d{1,3})/(?P<year>\d{2}|(?:19|20)\d{2})(?![\d/])"
    r"(?:\s+(?P<trail>" + _MC_AFTER + r"))?",
    re.IGNORECASE,
)
_PC_NAMED = re.compile(
    r"(?<![\w])(?:(?P<body>"
    + _PC_WORDS
    + r")\s+"
    + _DECISION
    + r"|"
    + _DECISION
    + r"\s+(?P<after>"
    + _PC_AFTER
    + r"(?:\s+(?:de\s+l['’])?(?:OSCE|ОБСЕ))?))"
    r"\s+(?:" + _ORD + r"\s?)?(?P<num>\d{1,4})(?![\d/])",
    re.IGNORECASE,
)
# "Décision no 557 du Conseil permanent": the body only after the number
_PC_TRAILING = re.compile(
    r"(?<![\w])" + _DECISION + r"\s+(?:" + _ORD + r"\s?)(?P<num>\d{1,4})(?![\d/])"
    r"\s+(?P<trail>" + _PC_AFTER + r")",
    re.IGNORECASE,
)
_CETS = re.compile(
    r"(?<![\w])(?P<series>C?ETS|STCE|STE)\s?(?:" + _ORD + r"\s?)?(?P<num>\d{1,3})(?![\d])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Form:
    """One written form from `data/symbol_forms.json`: a pattern and the symbol it makes."""

    name: str
    pattern: re.Pattern[str]
    symbol: str
    by_series: dict[str, str]
    words: dict[str, dict[str, str]]
    defaults: dict[str, list[tuple[int, str]]]
    not_after: re.Pattern[str] | None
    min_num: int
    kind: str
    kind_by_series: dict[str, str]


@lru_cache(maxsize=1)
def _forms() -> tuple[_Form, ...]:
    """The data forms, compiled once per process."""
    path = resources.files("thbgraph.graph.extract") / "data" / "symbol_forms.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for f in data["forms"]:
        source = f["pattern"]
        if "series" in f:
            series = sorted(f["series"], key=len, reverse=True)
            source = source.replace("{series}", "|".join(f"(?:{s})" for s in series))
        flags = re.IGNORECASE if "i" in f.get("flags", "") else 0
        not_after = f.get("not_after") or []
        out.append(
            _Form(
                name=f["name"],
                pattern=re.compile(source, flags),
                symbol=f["symbol"],
                by_series=dict(f.get("symbol_by_series", {})),
                words={k: {w.casefold(): c for w, c in v.items()} for k, v in f.get("words", {}).items()},
                defaults={
                    k: [(int(y), str(c)) for y, c in v] for k, v in f.get("default_by_year", {}).items()
                },
                not_after=re.compile(
                    r"(?:" + "|".join(re.escape(w) for w in not_after) + r")[^.;:!?\n]{0,40}$",
                    re.IGNORECASE,
                ) if not_after else None,
                min_num=int(f.get("min_num", 0)),
                kind=str(f.get("kind", "commitment")),
                kind_by_series=dict(f.get("kind_by_series", {})),
            )
        )  # fmt: skip
    return tuple(out)


def _form_symbol(form: _Form, m: re.Match[str]) -> str | None:
    """The symbol a data form makes of a match, or None when the match is not one."""
    groups = {k: (v or "").strip() for k, v in m.groupdict().items()}
    if form.min_num and "num" in groups and int(groups["num"]) < form.min_num:
        return None
    for key, table in form.words.items():
        if groups.get(key):
            groups[key] = table.get(groups[key].casefold(), groups[key])
    for key, by_year in form.defaults.items():
        if not groups.get(key):
            year = int(groups.get("year") or 0)
            groups[key] = next((c for y, c in by_year if year >= y), "")
    template = form.by_series.get(groups.get("series", ""), form.symbol)
    return " ".join(template.format(**groups).split())


def _data_matches(text: str, scan: str) -> list[SymbolMatch]:
    """Symbols of the data forms (Council of Europe series, PACE texts, EU directives)."""
    out: list[SymbolMatch] = []
    for form in _forms():
        for m in form.pattern.finditer(scan):
            if form.not_after is not None and form.not_after.search(
                scan, max(0, m.start() - 80), m.start()
            ):
                continue
            symbol = _form_symbol(form, m)
            if symbol is None:
                continue
            series = (m.groupdict().get("series") or "").strip()
            kind = form.kind_by_series.get(series, form.kind)
            out.append(
                SymbolMatch(m.start(), m.end(), text[m.start() : m.end()], symbol, kind=kind)
            )
    return out


@dataclass(frozen=True)
class SymbolMatch:
    """One symbol found in a text: where, as written, and its canonical form."""

    start: int
    end: int
    text: str
    symbol: str
    method: str = "symbol"  # "symbol" | "repaired-symbol"
    confidence: float = 1.0
    note: str | None = None
    kind: str = "commitment"  # "document": a document number (a report), not an adopted text


def _suffix(raw: str) -> str:
    parts = re.findall(r"(Corr|Rev|Add)\.\s?(\d{1,2})", raw, flags=re.IGNORECASE)
    return "".join(f"/{kind.capitalize()}.{int(n)}" for kind, n in parts)


def _year(raw: str | None) -> str | None:
    if raw is None:
        return None
    return raw[-2:]


def _repair_series(series: str) -> str | None:
    """The known series a near-miss token stands for (edit distance 1), or None."""
    upper = series.upper()
    best: tuple[int, int, str] | None = None
    for rank, known in enumerate(KNOWN_SERIES):
        dist = Levenshtein.distance(upper, known)
        if dist <= 1 and (best is None or (dist, rank) < best[:2]):
            best = (dist, rank, known)
    return best[2] if best else None


def _osce_canonical(series: str, mcno: str | None, num: str, year: str | None, suffix: str) -> str:
    if mcno is not None:
        return f"{series.split('(')[0]}({int(mcno)}).{series.split('.')[-1]}/{int(num)}{suffix}"
    yy = f"/{_year(year)}" if year else ""
    return f"{series}/{int(num)}{yy}{suffix}"


def _fold(text: str) -> str:
    """The text with look-alike digits, slashes and dots made ASCII, one character for one."""
    if text.isascii():
        return text
    return text.translate(_FOLD_TABLE)


class _FoldTable(dict[int, str]):
    """str.translate's table for `_fold`, each character worked out once, when first met."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if code > 0x7F and unicodedata.category(ch) == "Nd":
            out = str(unicodedata.digit(ch))
        elif code > 0x7F:
            out = ch.translate(_SLASH_DOT)
        else:
            out = ch
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def _osce_matches(text: str, scan: str | None = None) -> list[SymbolMatch]:
    """Series symbols; `scan` is the folded text the grammar reads (same length as `text`)."""
    scan = text if scan is None else scan
    latin = scan.translate(_CYRILLIC) if not scan.isascii() else scan
    out: list[SymbolMatch] = []
    for m in _OSCE.finditer(latin):
        series, mcno = m.group("series").replace(" ", ""), m.group("mcno")
        base = re.sub(r"\(\d+\)", "", series)
        suffix = _suffix(m.group("suffix"))
        method, confidence, note = "symbol", 1.0, None
        if base not in KNOWN_SERIES:
            repaired = _repair_series(base)
            if repaired is None:
                continue
            canon = _osce_canonical(repaired, None, m.group("num"), m.group("year"), suffix)
            method, confidence = "repaired-symbol", 0.8
            note = f"read as {canon}: '{base}' is not a document series"
        else:
            if mcno is not None:
                series = f"{base.split('.')[0]}({mcno}).{base.split('.')[1]}"
            canon = _osce_canonical(series, mcno, m.group("num"), m.group("year"), suffix)
        written = text[m.start() : m.end()]
        cyrillic = written[: m.end("series") - m.start()]
        if (
            method == "symbol"
            and not cyrillic.isascii()
            and cyrillic != latin[m.start() : m.end("series")]
        ):
            method, confidence = "repaired-symbol", 0.9
            note = f"read as {canon}: '{cyrillic}' is written with Cyrillic look-alike letters"
        out.append(SymbolMatch(m.start(), m.end(), written, canon, method, confidence, note))
    return out


def _named_matches(text: str, scan: str | None = None) -> list[SymbolMatch]:
    scan = text if scan is None else scan
    out: list[SymbolMatch] = []
    for m in _MC_NAMED.finditer(scan):
        explicit = m.group("body") or m.group("after") or m.group("trail")
        if not explicit and int(m.group("num")) > 99:
            continue  # "Decision No 557/2003" (an EU decision): no Ministerial Council numbers so high
        confidence = (
            1.0 if explicit else 0.9
        )  # "Decision No. 5/08": an N/YY number is an MC decision
        canon = f"MC.DEC/{int(m.group('num'))}/{_year(m.group('year'))}"
        out.append(
            SymbolMatch(m.start(), m.end(), text[m.start() : m.end()], canon, "symbol", confidence)
        )
    for pattern in (_PC_NAMED, _PC_TRAILING):
        for m in pattern.finditer(scan):
            canon = f"PC.DEC/{int(m.group('num'))}"
            out.append(
                SymbolMatch(m.start(), m.end(), text[m.start() : m.end()], canon, "symbol", 1.0)
            )
    for m in _CETS.finditer(scan):
        series = m.group("series").upper()
        if series == "STCE":
            series = "CETS"
        elif series == "STE":
            series = "ETS"
        if not m.group(0)[0].isupper():  # "cets 197" in prose is not a symbol; in a query it is
            continue
        canon = f"{series} No. {int(m.group('num'))}"
        out.append(SymbolMatch(m.start(), m.end(), text[m.start() : m.end()], canon, "symbol", 1.0))
    return out


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every document symbol in `text`, in order, without overlaps (the longest match wins).

    Full-width digits and look-alike slashes and dots are read as ASCII; a series written with
    Cyrillic look-alike capitals ("МС.DEC") is read as the Latin one and reported as a repair.
    Offsets and `text` always quote the original text.
    """
    return list(_symbols(text))


@lru_cache(maxsize=4)
def _symbols(text: str) -> tuple[SymbolMatch, ...]:
    """Cached: citations and organisations read the symbols of the same text."""
    scan = _fold(text)
    found = sorted(
        _osce_matches(text, scan) + _named_matches(text, scan) + _data_matches(text, scan),
        key=lambda s: (s.start, -s.end),
    )
    out: list[SymbolMatch] = []
    last_end = -1
    for s in found:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return tuple(out)


def normalise_symbol(text: str) -> str | None:
    """The canonical symbol for what a person typed ("mc.dec/6/18", "cets 197"), or None.

    Used by the CLI (`cited-by`) and the API, where a whole input is one symbol.
    Typo repairs are not made here: a query should fail loudly rather than guess.
    """
    raw = " ".join(text.strip().split())
    if not raw:
        return None
    upper_series = re.sub(
        r"^([A-Za-z]{2,5}(?:\(\d+\))?\.[A-Za-z]{1,5})(?=/)", lambda m: m.group(1).upper(), raw
    )
    upper_series = re.sub(
        r"/(corr|rev|add)\.", lambda m: f"/{m.group(1).capitalize()}.", upper_series, flags=re.I
    )
    for s in _osce_matches(upper_series):
        if s.start == 0 and s.end == len(upper_series) and s.method == "symbol":
            return s.symbol
    cets = re.fullmatch(r"(C?ETS|STCE|STE)\s?(?:" + _ORD + r"\s?)?(\d{1,3})", raw, re.IGNORECASE)
    if cets:
        series = {"STCE": "CETS", "STE": "ETS"}.get(cets.group(1).upper(), cets.group(1).upper())
        return f"{series} No. {int(cets.group(2))}"
    for pattern in (_MC_NAMED, _PC_NAMED):
        m = pattern.fullmatch(raw)
        if m:
            return find_symbols(raw)[0].symbol
    for s in _data_matches(raw, _fold(raw)):
        if s.start == 0 and s.end == len(raw):
            return s.symbol
    return None
