"""A grammar of OSCE and Council of Europe document symbols, with reported typo repair.

Finds symbols as people write them (`MC.DEC/6/18`, `PC.DEC/1107/Corr.1`, `MC(10).JOUR/2`,
`Ministerial Council Decision No. 6/18`, `Permanent Council Decision No. 557`, `CETS No.197`)
and gives each its canonical form. A near-miss series (`PC.EC/637`) is read as the closest
known series and the repair is reported, never made silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

_SUFFIX = r"(?:\s?/\s?(?:Corr|Rev|Add)\.\s?\d{1,2})*"
# A series-like token: letters, a dot, letters; optionally MC(10).DEC
_SERIES_TOKEN = r"(?P<series>[A-Z]{2,5}(?:\((?P<mcno>\d{1,2})\))?\.[A-Z]{1,5})"
_OSCE = re.compile(
    r"(?<![\w./])"
    + _SERIES_TOKEN
    + r"/(?P<num>\d{1,4})(?:/(?P<year>\d{2}|(?:19|20)\d{2}))?(?![\d])"
    + r"(?P<suffix>"
    + _SUFFIX
    + r")",
)
_ORD = r"(?:No\.?|Nr\.?|no\.?|n°|№|Number)"
_MC_WORDS = r"(?:Ministerial\s+Council|MC)"
_PC_WORDS = r"(?:Permanent\s+Council|PC)"
_MC_NAMED = re.compile(
    r"(?<![\w])(?:(?P<body>" + _MC_WORDS + r")\s+)?Decisions?\s+(?:" + _ORD + r"\s?)?"
    r"(?P<num>\d{1,3})/(?P<year>\d{2}|(?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)
_PC_NAMED = re.compile(
    r"(?<![\w])(?P<body>" + _PC_WORDS + r")\s+Decisions?\s+(?:" + _ORD + r"\s?)?"
    r"(?P<num>\d{1,4})(?![\d/])",
    re.IGNORECASE,
)
_CETS = re.compile(
    r"(?<![\w])(?P<series>C?ETS|STCE|STE)\s?(?:" + _ORD + r"\s?)?(?P<num>\d{1,3})(?![\d])",
    re.IGNORECASE,
)


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


def _osce_matches(text: str) -> list[SymbolMatch]:
    out: list[SymbolMatch] = []
    for m in _OSCE.finditer(text):
        series, mcno = m.group("series"), m.group("mcno")
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
        out.append(SymbolMatch(m.start(), m.end(), m.group(0), canon, method, confidence, note))
    return out


def _named_matches(text: str) -> list[SymbolMatch]:
    out: list[SymbolMatch] = []
    for m in _MC_NAMED.finditer(text):
        body = m.group("body")
        confidence = 1.0 if body else 0.9  # "Decision No. 5/08": an N/YY number is an MC decision
        canon = f"MC.DEC/{int(m.group('num'))}/{_year(m.group('year'))}"
        out.append(SymbolMatch(m.start(), m.end(), m.group(0), canon, "symbol", confidence))
    for m in _PC_NAMED.finditer(text):
        canon = f"PC.DEC/{int(m.group('num'))}"
        out.append(SymbolMatch(m.start(), m.end(), m.group(0), canon, "symbol", 1.0))
    for m in _CETS.finditer(text):
        series = m.group("series").upper()
        if series == "STCE":
            series = "CETS"
        elif series == "STE":
            series = "ETS"
        if not m.group(0)[0].isupper():  # "cets 197" in prose is not a symbol; in a query it is
            continue
        canon = f"{series} No. {int(m.group('num'))}"
        out.append(SymbolMatch(m.start(), m.end(), m.group(0), canon, "symbol", 1.0))
    return out


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every document symbol in `text`, in order, without overlaps (the longest match wins)."""
    found = sorted(_osce_matches(text) + _named_matches(text), key=lambda s: (s.start, -s.end))
    out: list[SymbolMatch] = []
    last_end = -1
    for s in found:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


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
    return None
