"""Move a query's VALUES block to where pyoxigraph can use it: in front of the first triple patterns.

pyoxigraph plans a query as written and does not push a VALUES table into a `GRAPH` pattern: the
named cited-by query with its commitment in a trailing `VALUES ?commitment { <...> }` (as a SPARQL
user writes it) evaluates the whole `GRAPH ?g { ... }` block for every commitment and joins after,
~2 s at 1e6 triples, where the same block with the VALUES inside it is a lookup of ~40 ms.

`move_values_inward` rewrites only when the result is the same by the algebra of SPARQL 1.1
(section 18.2): a trailing `VALUES` is `Join(P, data)` of the WHERE pattern P (before the solution
modifiers, after grouping: so never with GROUP BY, HAVING or an aggregate), and a VALUES first in
the WHERE group is `Join(data, rest)`. Join commutes, and `Join(data, GRAPH ?g {G})` is
`GRAPH ?g {Join(data, G)}` when ?g is not one of its variables (the table is the same in every
graph). Inside a group, `Join(data, G)` equals G with the block put first when every variable of
the block is bound in every solution of G's first element: then FILTER, OPTIONAL, MINUS and BIND
of the group see the same values either way. That first element must be a block of triple patterns
(each of their variables is bound by every match); the block is moved only down through `GRAPH`
patterns and plain nested groups that start their group. Anything else leaves the text as it is.

The text is read with the query guard's token grammar (strings, IRIs and comments skipped); only
the VALUES block's own characters move, nothing is added: what the guard accepted is what runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sparql_lexer import SPARQL_TOKEN as _TOKEN

__all__ = ["move_values_inward"]


# Words that end a block of triple patterns (the next element of the group starts).
_ELEMENTS = frozenset(
    {"OPTIONAL", "FILTER", "BIND", "VALUES", "MINUS", "GRAPH", "SERVICE", "UNION", "SELECT"}
)
_AGGREGATES = frozenset({"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"})


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int

    @property
    def up(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


@dataclass(frozen=True)
class _Block:
    """A VALUES block: its tokens' range, its characters' span and its variables."""

    first: int  # index of the VALUES token
    last: int  # index of its closing `}`
    start: int
    end: int
    names: frozenset[str]


def _tokens(text: str) -> list[_Tok]:
    return [
        _Tok(m.lastgroup or "other", m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in {"ws", "comment"}
    ]


def _closing(toks: list[_Tok], at: int) -> int | None:
    """The index of the `}` closing the `{` at `at` (None if unbalanced)."""
    depth = 0
    for i in range(at, len(toks)):
        if toks[i].text == "{":
            depth += 1
        elif toks[i].text == "}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _values_block(toks: list[_Tok], at: int) -> _Block | None:
    """The VALUES block starting at token `at` (the VALUES word), or None if it is not one."""
    i = at + 1
    names: list[str] = []
    if i < len(toks) and toks[i].kind == "var":
        names.append(toks[i].text[1:])
        i += 1
    elif i < len(toks) and toks[i].text == "(":
        i += 1
        while i < len(toks) and toks[i].kind == "var":
            names.append(toks[i].text[1:])
            i += 1
        if i >= len(toks) or toks[i].text != ")":
            return None
        i += 1
    if not names or i >= len(toks) or toks[i].text != "{":
        return None
    for j in range(i + 1, len(toks)):
        if toks[j].text == "{" or (toks[j].kind == "word" and toks[j].up in _ELEMENTS):
            return None
        if toks[j].text == "}":
            return _Block(at, j, toks[at].start, toks[j].end, frozenset(names))
    return None


def _where_open(toks: list[_Tok], form_at: int) -> int | None:
    """The index of the `{` opening the WHERE group, or None where it is not plain to see."""
    form = toks[form_at].up
    i = form_at + 1
    if form == "CONSTRUCT":
        if i < len(toks) and toks[i].up == "WHERE":
            return None  # the short form: its group is also the template
        if i >= len(toks) or toks[i].text != "{":
            return None
        end = _closing(toks, i)
        if end is None:
            return None
        i = end + 1
    parens = 0
    while i < len(toks):
        t = toks[i]
        if t.text == "(":
            parens += 1
        elif t.text == ")":
            parens -= 1
        elif t.text == "{":
            return i if parens == 0 else None  # EXISTS { } in a projection: not the WHERE
        i += 1
    return None


def _bound_by_first_triples(toks: list[_Tok], at: int) -> tuple[int, set[str]] | None:
    """Descend from the group opening at `at` to the first block of triple patterns that starts
    it (through GRAPH and plain nested groups); its insertion point and its variables."""
    open_at = at
    while True:
        i = open_at + 1
        if i >= len(toks):
            return None
        t = toks[i]
        if t.up == "GRAPH":
            if i + 2 >= len(toks) or toks[i + 2].text != "{":
                return None
            open_at = i + 2
            continue
        if t.text == "{":
            end = _closing(toks, i)
            if end is None or (end + 1 < len(toks) and toks[end + 1].up == "UNION"):
                return None
            open_at = i
            continue
        names: set[str] = set()
        j = i
        while j < len(toks):
            t = toks[j]
            if t.text in {"{", "}"} or t.up in _ELEMENTS:
                break
            if t.text == "<":  # a quoted triple (RDF-star): not read here
                return None
            if t.kind == "var":
                names.add(t.text[1:])
            j += 1
        return (open_at, names) if names else None


def _graph_names(toks: list[_Tok], start: int, stop: int) -> set[str]:
    """The variables naming graphs (`GRAPH ?g`) in the tokens start..stop."""
    return {
        toks[k + 1].text[1:]
        for k in range(start, stop)
        if toks[k].up == "GRAPH" and k + 1 < stop and toks[k + 1].kind == "var"
    }


def move_values_inward(text: str) -> str:
    """The query with its trailing VALUES block (or the VALUES block opening its WHERE group)
    moved in front of the first triple patterns, when that gives the same solutions; otherwise
    the query unchanged. See the module's docstring for when it applies and why."""
    if "VALUES" not in text.upper() or "\\u" in text or "\\U" in text:
        return text
    toks = _tokens(text)
    i = 0
    while i < len(toks) and toks[i].up in {"BASE", "PREFIX"}:
        i += 2 if toks[i].up == "BASE" else 3
    if i >= len(toks) or toks[i].up not in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
        return text
    form_at = i
    where = _where_open(toks, form_at)
    if where is None:
        return text
    where_end = _closing(toks, where)
    if where_end is None:
        return text
    head = toks[form_at:where]
    if any(t.up in _AGGREGATES for t in head):
        return text
    tail = toks[where_end + 1 :]
    if any(t.up in {"GROUP", "HAVING"} | _AGGREGATES for t in tail):
        return text  # the trailing VALUES joins after grouping: not the WHERE pattern's join
    values_at = next((k for k, t in enumerate(tail) if t.up == "VALUES"), None)
    trailing = values_at is not None
    if values_at is not None:
        block = _values_block(toks, where_end + 1 + values_at)
        if block is None or block.last != len(toks) - 1:
            return text
    elif where + 1 < len(toks) and toks[where + 1].up == "VALUES":
        block = _values_block(toks, where + 1)
    else:
        return text
    if block is None:
        return text
    projected_as = {
        head[k + 1].text[1:]
        for k in range(len(head) - 1)
        if head[k].up == "AS" and head[k + 1].kind == "var"
    }
    if projected_as & block.names:
        return text
    found = (
        _bound_by_first_triples(toks, where)
        if trailing
        else _bound_by_first_triples_after(toks, block)
    )
    if found is None:
        return text
    open_at, names = found
    if not block.names <= names or _graph_names(toks, where, open_at + 1) & block.names:
        return text
    if "TEXTMATCH" in text.upper():  # thb:textMatch patterns are rewritten after: left as is
        return text
    moved = text[block.start : block.end]
    insert = toks[open_at].end
    if block.start > insert:  # a trailing block: cut it, then insert it earlier
        return text[:insert] + " " + moved + " " + text[insert : block.start] + text[block.end :]
    # the block opening the WHERE group: `where` .. block .. open_at, cut it and insert after
    return text[: block.start] + text[block.end : insert] + " " + moved + " " + text[insert:]


def _bound_by_first_triples_after(toks: list[_Tok], block: _Block) -> tuple[int, set[str]] | None:
    """As `_bound_by_first_triples`, for a group whose first element is the VALUES block: the
    element after the block must be a GRAPH pattern or a plain group (else nothing to gain)."""
    nxt = block.last + 1
    if nxt >= len(toks):
        return None
    if toks[nxt].up == "GRAPH":
        if nxt + 2 >= len(toks) or toks[nxt + 2].text != "{":
            return None
        return _bound_by_first_triples(toks, nxt + 2)
    if toks[nxt].text == "{":
        end = _closing(toks, nxt)
        if end is None or (end + 1 < len(toks) and toks[end + 1].up == "UNION"):
            return None
        return _bound_by_first_triples(toks, nxt)
    return None
