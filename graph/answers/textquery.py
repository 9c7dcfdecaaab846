"""Full-text search inside SPARQL: the `thb:textMatch` property, in the style of Jena's text:query.

    PREFIX thb: <https://w3id.org/thbgraph/ontology#>
    SELECT ?s ?label WHERE { ?s thb:textMatch "trafficking victims" ; rdfs:label ?label }
    SELECT ?s ?score WHERE { (?s ?score) thb:textMatch ("traite" 10) }

The subject is a variable, or a list of two: the variable and one for the BM25 score (higher is
better). The object is a string of words (every word must occur, in any form: the full-text
index's stemming), or a list of the string and a limit (at most `MAX_MATCHES`, the default).
Before the query runs, each such triple pattern is replaced by a `VALUES` block holding the best
matching entities from the full-text index (graph/answers/fulltext.py), so the engine joins them
like any other solutions and never scans for them. The query guard reads the query first, as
written; the rewrite adds only IRIs of the store and numbers, serialised as RDF terms.
A store without an index (a remote one) leaves the query as it is: the pattern matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import QueryError
from ..store import GraphStore, Store
from .fulltext import MAX_ENTITIES, index_for, query_index

__all__ = ["MAX_MATCHES", "TEXT_MATCH", "rewrite_text_match"]

TEXT_MATCH = "https://w3id.org/thbgraph/ontology#textMatch"
MAX_MATCHES = MAX_ENTITIES
MAX_PATTERNS = 8
XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double"

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<lstring>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\")
  | (?P<string>'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u00c0-\uffff]+)
  | (?P<integer>\d+)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:[\w.\-\u00b7\u00c0-\uffff]*)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    return [
        _Tok(m.lastgroup or "other", m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in {"ws", "comment"}
    ]


def _prefixes(toks: list[_Tok]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, t in enumerate(toks[:-2]):
        if t.kind == "word" and t.text.upper() == "PREFIX" and toks[i + 2].kind == "iri":
            out[toks[i + 1].text.rstrip(":").split(":")[0]] = toks[i + 2].text[1:-1]
    return out


def _is_text_match(tok: _Tok, prefixes: dict[str, str]) -> bool:
    if tok.kind == "iri":
        return tok.text[1:-1] == TEXT_MATCH
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        return prefix in prefixes and prefixes[prefix] + local == TEXT_MATCH
    return False


def _unquote(tok: _Tok) -> str:
    body = tok.text[3:-3] if tok.kind == "lstring" else tok.text[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


@dataclass(frozen=True)
class _Pattern:
    start: int  # character offsets of the pattern in the query (the subject to the object)
    end: int
    var: str
    score: str | None
    words: str
    limit: int
    then: str  # what follows: "." / ";" / "}" / ""
    then_end: int  # where that token ends


def _patterns(text: str) -> list[_Pattern]:
    toks = _tokens(text)
    prefixes = _prefixes(toks)
    found: list[_Pattern] = []
    for i, tok in enumerate(toks):
        if not _is_text_match(tok, prefixes):
            continue
        if len(found) >= MAX_PATTERNS:
            raise QueryError(f"at most {MAX_PATTERNS} thb:textMatch patterns in one query")
        found.append(_one(toks, i))
    return found


def _one(toks: list[_Tok], i: int) -> _Pattern:
    """The pattern around the property at toks[i]; QueryError saying the expected form."""
    usage = (
        'thb:textMatch is used as `?s thb:textMatch "words"` or '
        '`(?s ?score) thb:textMatch ("words" LIMIT)`'
    )
    # subject: ?s, or ( ?s ?score )
    if i >= 1 and toks[i - 1].kind == "var":
        first, var, score = i - 1, toks[i - 1].text, None
    elif (
        i >= 4
        and toks[i - 1].text == ")"
        and toks[i - 2].kind == "var"
        and toks[i - 3].kind == "var"
        and toks[i - 4].text == "("
    ):
        first, var, score = i - 4, toks[i - 3].text, toks[i - 2].text
    else:
        raise QueryError(usage + ": the subject must be a variable or a list of two variables")
    # object: "words", or ( "words" N )
    j = i + 1
    limit = MAX_MATCHES
    if j < len(toks) and toks[j].kind in {"string", "lstring"}:
        words, last = _unquote(toks[j]), j
    elif (
        j + 2 < len(toks)
        and toks[j].text == "("
        and toks[j + 1].kind in {"string", "lstring"}
        and toks[j + 2].text == ")"
    ):
        words, last = _unquote(toks[j + 1]), j + 2
    elif (
        j + 3 < len(toks)
        and toks[j].text == "("
        and toks[j + 1].kind in {"string", "lstring"}
        and toks[j + 2].kind == "integer"
        and toks[j + 3].text == ")"
    ):
        words, limit, last = _unquote(toks[j + 1]), int(toks[j + 2].text), j + 3
        if not 1 <= limit <= MAX_MATCHES:
            raise QueryError(f"the thb:textMatch limit must be between 1 and {MAX_MATCHES}")
    else:
        raise QueryError(usage + ": the object must be a string or a list of a string and a limit")
    after = toks[last + 1] if last + 1 < len(toks) else None
    then = after.text if after is not None else ""
    if then == ",":
        raise QueryError(usage + ": one string per pattern (no `,` after it)")
    end = after.end if after is not None else toks[last].end
    return _Pattern(toks[first].start, toks[last].end, var, score, words, limit, then, end)


def _values(store: GraphStore, p: _Pattern) -> str:
    found, _ = query_index(index_for(store), p.words, limit=p.limit, per_entity=1)
    if p.score is None:
        rows = " ".join(str(ox.NamedNode(r["entity"])) for r in found)
        return f"VALUES {p.var} {{ {rows} }}"
    rows = " ".join(
        f"({ox.NamedNode(r['entity'])} {ox.Literal(repr(float(r['score'])), datatype=ox.NamedNode(XSD_DOUBLE))})"
        for r in found
    )
    return f"VALUES ({p.var} {p.score}) {{ {rows} }}"


def rewrite_text_match(text: str, store: Store) -> str:
    """The query with each thb:textMatch pattern replaced by the matches' VALUES block (see the
    module docstring); the query unchanged when it has none or the store has no index."""
    if "textMatch" not in text or not isinstance(store, GraphStore):
        return text
    patterns = _patterns(text)
    out, at = [], 0
    for p in patterns:
        out.append(text[at : p.start])
        out.append(_values(store, p))
        at = p.end
        if p.then == ";":  # `?s thb:textMatch "w" ; :p ?o` goes on with ?s as the subject
            out.append(" " + p.var + " ")
            at = p.then_end
        elif p.then == ".":
            out.append(" ")
    out.append(text[at:])
    return "".join(out)
